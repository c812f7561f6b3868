import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/assessments/assessmentRepository.js';
import type { Invitation } from '../../src/invitations/invitationRepository.js';
import type { Store } from '../../src/platform/store.js';
import { openTestStore } from '../support/testStore.js';

// The assessment and invitation repositories' contract, on every adapter.

const A = 'org-a';
const B = 'org-b';
const t0 = new Date('2026-03-01T00:00:00.000Z');
const later = (m: number) => new Date(t0.getTime() + m * 60_000);
const assessment: Assessment = {
  id: 'as-1',
  name: 'Backend',
  instructions: 'Read carefully.',
  timeLimitMinutes: 90,
  maxSubmissions: 3,
  resultVisibility: 'score',
  challenges: [{ slug: 'sum-python', version: 'a'.repeat(64), weight: 2, languages: ['python'] }],
  createdAt: t0,
  updatedAt: t0,
};
const invitation: Invitation = {
  id: 'inv-1',
  assessmentId: 'as-1',
  candidate: { name: 'Ada', email: 'ada@example.com', externalId: 'ats-1' },
  validFrom: t0,
  validUntil: later(60 * 24),
  state: 'invited',
  startedAt: null,
  deadline: null,
  completedAt: null,
  createdAt: t0,
};

describe.each(['sqlite', 'postgres'] as const)('assessment repositories on %s', (kind) => {
  let store: Store;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, close } = await openTestStore(kind));
  });
  afterAll(async () => {
    await close();
  });

  it('keeps assessments per organisation, whole', async () => {
    await store.assessments.insert(A, assessment);
    expect(await store.assessments.get(A, 'as-1')).toEqual(assessment);
    expect(await store.assessments.get(B, 'as-1')).toBeUndefined();
    expect(await store.assessments.list(B)).toEqual([]);
    const changed = { ...assessment, name: 'Backend II', challenges: [], updatedAt: later(1) };
    expect(await store.assessments.update(B, changed)).toBe(false);
    expect(await store.assessments.update(A, changed)).toBe(true);
    expect(await store.assessments.list(A)).toEqual([changed]);
  });

  it('keeps invitations per organisation, finds one by its token hash, and changes state only from the states named', async () => {
    await store.invitations.insert(A, invitation, 'token-hash-1');
    expect(await store.invitations.get(A, 'inv-1')).toEqual(invitation);
    expect(await store.invitations.get(B, 'inv-1')).toBeUndefined();
    expect(await store.invitations.findByTokenHash('token-hash-1')).toEqual({ ownerId: A, invitation });
    expect(await store.invitations.findByTokenHash('other')).toBeUndefined();
    expect(await store.invitations.listByAssessment(A, 'as-1')).toEqual([invitation]);
    expect(await store.invitations.listByAssessment(B, 'as-1')).toEqual([]);
    expect(await store.invitations.transition(A, 'inv-1', ['started'], { state: 'completed' })).toBe(false);
    expect(await store.invitations.transition(B, 'inv-1', ['invited'], { state: 'started' })).toBe(false);
    expect(await store.invitations.transition(A, 'inv-1', ['invited'], { state: 'started', startedAt: later(5), deadline: later(95) })).toBe(true);
    expect(await store.invitations.get(A, 'inv-1')).toEqual({ ...invitation, state: 'started', startedAt: later(5), deadline: later(95) });
  });

  it('keeps a draft per invitation and challenge, the last save replacing the one before', async () => {
    await store.drafts.save(A, 'inv-1', { challenge: 'b', files: [{ path: 'x.py', content: '' }], updatedAt: later(1) });
    await store.drafts.save(A, 'inv-1', { challenge: 'a', files: [{ path: 'y.py', content: '1' }], updatedAt: later(2) });
    await store.drafts.save(A, 'inv-1', { challenge: 'b', files: [{ path: 'x.py', content: '2' }], updatedAt: later(3) });
    expect(await store.drafts.list(A, 'inv-1')).toEqual([
      { challenge: 'a', files: [{ path: 'y.py', content: '1' }], updatedAt: later(2) },
      { challenge: 'b', files: [{ path: 'x.py', content: '2' }], updatedAt: later(3) },
    ]);
    expect(await store.drafts.list(B, 'inv-1')).toEqual([]);
  });
});
