import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, stored, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';

let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges') } });
});
afterAll(async () => svc.close());

describe('20 submissions at once', () => {
  it('all complete, each scored exactly once', async () => {
    // Half right, half wrong, so a mix-up between submissions would show in the scores.
    const solutions = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0 ? 'def add(a, b):\n    return a + b\n' : 'def add(a, b):\n    return abs(a) + abs(b)\n',
    );
    const ids = await Promise.all(solutions.map((content) => submit(svc, 'sum-python', [{ path: 'calc.py', content }])));
    expect(new Set(ids).size).toBe(20);
    const results = await Promise.all(ids.map((id) => waitForResult(svc, id, 120_000)));
    results.forEach((r, i) => {
      expect(r.status).toBe('completed');
      expect(r.score.earned).toBe(i % 2 === 0 ? 6 : 5);
    });
    const rows = await Promise.all(ids.map((id) => stored(svc, id)));
    expect(rows.map((s) => [s.attempts, s.tests.length])).toEqual(ids.map(() => [1, 3]));
  });
});
