import { describe, expect, it } from 'vitest';
import type { Invitation, InvitationResult } from '../../../web/src/api/types';
import { flagsOf, formatDuration, skillsOf, sortAndFilter, type CandidateLine } from '../../../web/src/staff/candidatesTable';

const line = (name: string, state: Invitation['state'], percent: number | null, extra: Partial<InvitationResult> = {}): CandidateLine => {
  const invitation: Invitation = {
    id: name, assessmentId: 'a', candidate: { name, email: `${name.toLowerCase()}@x.test`, externalId: null }, validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-02-01T00:00:00Z',
    state, startedAt: null, deadline: null, completedAt: null, createdAt: `2026-01-01T00:00:0${name.length}Z`,
  };
  return { invitation, result: percent === null ? null : { invitation, percent, timeUsedMs: null, challenges: [], skills: [], submissions: [], ...extra } };
};

describe('the candidates table', () => {
  const lines = [line('Cleo', 'completed', 40), line('Ada', 'started', 90), line('Bo', 'invited', null)];

  it('sorts by name, state or total, either way; no result sorts below any score', () => {
    expect(sortAndFilter(lines, 'name', 'asc', '').map((l) => l.invitation.candidate.name)).toEqual(['Ada', 'Bo', 'Cleo']);
    expect(sortAndFilter(lines, 'total', 'desc', '').map((l) => l.invitation.candidate.name)).toEqual(['Ada', 'Cleo', 'Bo']);
    expect(sortAndFilter(lines, 'state', 'asc', '').map((l) => l.invitation.state)).toEqual(['completed', 'invited', 'started']);
  });

  it('filters by name, email or an exact state', () => {
    expect(sortAndFilter(lines, 'name', 'asc', 'cle').map((l) => l.invitation.id)).toEqual(['Cleo']);
    expect(sortAndFilter(lines, 'name', 'asc', 'ada@').map((l) => l.invitation.id)).toEqual(['Ada']);
    expect(sortAndFilter(lines, 'name', 'asc', 'invited').map((l) => l.invitation.id)).toEqual(['Bo']);
  });

  it('sorts by one skill, and lists every skill anyone was scored on', () => {
    const skilled = [
      line('A', 'completed', 50, { skills: [{ skill: 'sql', earned: 1, max: 4, percent: 25 }] }),
      line('B', 'completed', 50, { skills: [{ skill: 'sql', earned: 3, max: 4, percent: 75 }, { skill: 'testing', earned: 1, max: 1, percent: 100 }] }),
    ];
    expect(sortAndFilter(skilled, 'skill:sql', 'desc', '').map((l) => l.invitation.id)).toEqual(['B', 'A']);
    expect(skillsOf(skilled)).toEqual(['sql', 'testing']);
  });

  it('flags what asks for a closer look', () => {
    expect(flagsOf(line('A', 'completed', 0))).toEqual(['no submission']);
    const sub = (status: string, verdict: string | null) => ({ id: 'x', challenge: 'c', status, verdict, score: null, tests: [], createdAt: '' });
    expect(flagsOf(line('B', 'started', 10, { submissions: [sub('failed', null), sub('completed', 'time_limit_exceeded')] }))).toEqual(['run failed', 'hit a limit']);
    expect(flagsOf(line('C', 'expired', null))).toEqual(['ran out of time']);
    expect(flagsOf(line('D', 'started', 90, { submissions: [sub('completed', 'passed')] }))).toEqual([]);
    const copied = line('E', 'completed', 100, { submissions: [sub('completed', 'passed')] });
    expect(flagsOf({ ...copied, invitation: { ...copied.invitation, similarityFlagged: true } })).toEqual(['similar to another']);
    expect(flagsOf({ ...copied, invitation: { ...copied.invitation, similarityFlagged: null } })).toEqual([]);
  });

  it('shows time used in minutes, then hours', () => {
    expect([formatDuration(null), formatDuration(59_000), formatDuration(61 * 60_000)]).toEqual(['—', '1 min', '1 h 1 min']);
  });
});
