import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import type { Score } from '../../src/scoring/scoreRun.js';
import { startTestService, type TestService } from '../support/testService.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ worker: false, env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges') } });
});
afterAll(async () => svc?.close());

const test = (name: string, passed: boolean, maxPoints = 1, message: string | null = null) => ({ name, status: passed ? 'passed' as const : 'failed' as const, points: passed ? maxPoints : 0, maxPoints, message, output: null, durationMs: 3 });
const score = (tests: Score['tests']): Score => {
  const earned = tests.reduce((n, t) => n + t.points, 0);
  const max = tests.reduce((n, t) => n + t.maxPoints, 0);
  return { verdict: earned === max ? 'passed' : 'failed', message: null, earned, max, tests, cap: null, skills: [{ skill: 'debugging', earned, max, ceiling: null }] };
};

describe('GET /v1/submissions/:id/gradings', () => {
  it('shows interviewers each regrade beside the untouched original, with the tests that changed and why', async () => {
    const files = [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }];
    const created = await svc.inject({ method: 'POST', url: '/v1/submissions', payload: { challenge: 'sum-python', files } });
    const { id } = created.json();
    await svc.rt.store.submissions.complete(svc.org.id, id, { score: score([test('a', true), test('b', true, 2), test('gone', true)]), log: '' }, new Date());
    const empty = await svc.inject({ method: 'GET', url: `/v1/submissions/${id}/gradings` });
    expect(empty.json()).toMatchObject({ submissionId: id, original: { verdict: 'passed', score: { earned: 4, max: 4 } }, gradings: [] });

    const gradingId = '22222222-2222-4222-8222-222222222222';
    const regraded = score([test('a', true), test('b', false, 2, 'expected 5'), test('new', true, 3)]);
    expect(await svc.rt.store.gradings.add(svc.org.id, { id: gradingId, submissionId: id, challengeVersion: 'f'.repeat(64), reason: 'regrade', result: { score: regraded, log: '' } }, new Date())).toBe(true);

    const res = await svc.app.inject({ method: 'GET', url: `/v1/submissions/${id}/gradings`, headers: { authorization: `Bearer ${await svc.org.keyWith(['results:read'])}` } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      submissionId: id,
      original: { challengeVersion: created.json().challenge.version, verdict: 'passed', score: { earned: 4, max: 4, percent: 100, cap: null } },
      gradings: [{
        id: gradingId,
        reason: 'regrade',
        challengeVersion: 'f'.repeat(64),
        verdict: 'failed',
        message: null,
        score: { earned: 4, max: 6, percent: 66.67, cap: null },
        tests: regraded.tests,
        changes: [
          { test: 'b', reason: 'result', before: { status: 'passed', points: 2, maxPoints: 2, message: null }, after: { status: 'failed', points: 0, maxPoints: 2, message: 'expected 5' } },
          { test: 'new', reason: 'added', after: { status: 'passed', points: 3, maxPoints: 3, message: null } },
          { test: 'gone', reason: 'removed', before: { status: 'passed', points: 1, maxPoints: 1, message: null } },
        ],
        createdAt: expect.any(String),
      }],
    });
    // The submission's own score, the one results and candidates see, is as first scored.
    expect((await svc.inject({ method: 'GET', url: `/v1/submissions/${id}` })).json()).toMatchObject({ verdict: 'passed', score: { earned: 4, max: 4 } });
  });

  it('answers an id that is not a UUID with a problem', async () => {
    const res = await svc.inject({ method: 'GET', url: '/v1/submissions/nope/gradings' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
