import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/assessments/assessmentRepository.js';
import type { Invitation } from '../../src/invitations/invitationRepository.js';
import { invitationResult } from '../../src/invitations/invitationResult.js';
import { resultsCsv } from '../../src/invitations/resultsCsv.js';
import { candidateSubmissionView } from '../../src/invitations/candidateService.js';
import type { ScoreCap } from '../../src/scoring/scoreCap.js';
import type { Submission } from '../../src/submissions/submission.js';

const at = new Date('2026-01-01T10:00:00Z');
const assessment: Assessment = {
  id: 'a', name: 'Backend', instructions: '', timeLimitMinutes: 60, maxSubmissions: 3, resultVisibility: 'score', createdAt: at, updatedAt: at,
  challenges: [{ slug: 'auth', version: 'v1', weight: 1 }, { slug: 'sums', version: 'v1', weight: 1 }],
} as Assessment;
const invitation: Invitation = {
  id: 'i', assessmentId: 'a', candidate: { name: 'Ada', email: 'ada@example.com', externalId: null }, validFrom: at, validUntil: at,
  state: 'completed', startedAt: at, deadline: null, completedAt: new Date(at.getTime() + 60_000), createdAt: at,
};
const cap: ScoreCap = { ceiling: 25, triggered: [{ name: 'forged tokens', ceiling: 25, reason: 'accepts forged tokens', tests: ['test_rejects_tampered_tokens'] }] };

const submission = (slug: string, earned: number, max: number, percent: number, scoreCap: ScoreCap | null, skills: Submission['skills']): Submission => ({
  id: `s-${slug}`, invitationId: 'i', challenge: { slug, version: 'v1' }, status: 'completed', verdict: 'failed', message: null, failureCode: null,
  score: { earned, max, percent, cap: scoreCap }, tests: [], skills, files: [], log: null, attempts: 1, createdAt: at, startedAt: at, completedAt: at,
});

// A forged-token hole: 22 of 24 points, capped at 25%; beside it an uncapped 50% on another challenge.
const submissions = [
  submission('auth', 22, 24, 25, cap, [{ skill: 'security', earned: 12, max: 14, ceiling: 25, percent: 25 }, { skill: 'http', earned: 10, max: 10, ceiling: null, percent: 100 }]),
  submission('sums', 5, 10, 50, null, [{ skill: 'security', earned: 5, max: 10, ceiling: null, percent: 50 }]),
];

describe('results of a capped submission', () => {
  it('weights the capped percent, and counts a capped skill only up to its ceiling', () => {
    const r = invitationResult(assessment, invitation, submissions, at);
    expect(r.percent).toBe(37.5);
    expect(r.challenges.map((c) => [c.slug, c.percent, c.cap])).toEqual([['auth', 25, cap], ['sums', 50, null]]);
    // security: 14 × 25% = 3.5 of the auth points count, plus 5 of sums, over 24.
    expect(r.skills).toEqual([
      { skill: 'security', earned: 17, max: 24, percent: 35.42, capped: true },
      { skill: 'http', earned: 10, max: 10, percent: 100, capped: false },
    ]);
  });

  it('says in the CSV why a challenge was capped', () => {
    const csv = resultsCsv(['auth', 'sums'], [invitationResult(assessment, invitation, submissions, at)]).split('\r\n');
    expect(csv[0]).toBe('invitation,name,email,external_id,state,started_at,completed_at,time_used_s,percent,auth_percent,sums_percent,auth_capped_by,sums_capped_by');
    expect(csv[1]).toMatch(/,37\.5,25,50,25% forged tokens: accepts forged tokens \(test_rejects_tampered_tokens\),$/);
  });

  it('shows a candidate who sees only scores why, without naming the hidden tests', () => {
    const seen = (visibility: 'score' | 'tests') => (candidateSubmissionView(submissions[0]!, visibility) as { score?: Submission['score'] }).score;
    expect(seen('score')).toEqual({ earned: 22, max: 24, percent: 25, cap: { ceiling: 25, triggered: [{ name: 'forged tokens', ceiling: 25, reason: 'accepts forged tokens' }] } });
    expect(seen('tests')?.cap).toEqual(cap);
  });
});
