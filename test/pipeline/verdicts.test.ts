import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, type TestService } from '../support/testService.js';
import { containersOf, submit, waitForResult } from '../support/submissions.js';

let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges') } });
});
afterAll(async () => svc.close());

const calc = (content: string) => [{ path: 'calc.py', content }];

async function run(content: string) {
  const id = await submit(svc, 'sum-python', calc(content));
  const result = await waitForResult(svc, id);
  expect(await containersOf(svc, id)).toBe(0);
  return result;
}

describe('a submission through the real queue, worker and Docker sandbox', () => {
  it('scores a correct solution 100% with every test detailed', async () => {
    const r = await run('def add(a, b):\n    return a + b\n');
    expect(r).toMatchObject({ status: 'completed', verdict: 'passed', message: null, score: { earned: 6, max: 6, percent: 100 } });
    expect(r.tests).toEqual([
      { name: 'test_sum.py::test_adds_positive_numbers', status: 'passed', points: 2, maxPoints: 2, message: null, output: null, durationMs: expect.any(Number) },
      { name: 'test_sum.py::test_adds_negative_numbers', status: 'passed', points: 1, maxPoints: 1, message: null, output: null, durationMs: expect.any(Number) },
      { name: 'test_sum.py::test_slow_but_fine', status: 'passed', points: 3, maxPoints: 3, message: null, output: null, durationMs: expect.any(Number) },
    ]);
    expect(r.tests[2].durationMs).toBeGreaterThanOrEqual(300);
    expect(r.skills).toEqual([{ skill: 'debugging', earned: 6, max: 6, ceiling: null, percent: 100 }]);
    expect(r.startedAt).not.toBeNull();
    expect(r.completedAt).not.toBeNull();
  });

  it('gives a partly wrong solution its exact partial score', async () => {
    const r = await run('def add(a, b):\n    return abs(a) + abs(b)\n');
    expect(r).toMatchObject({ status: 'completed', verdict: 'failed', score: { earned: 5, max: 6, percent: 83.33 } });
    expect(r.skills).toEqual([{ skill: 'debugging', earned: 5, max: 6, ceiling: null, percent: 83.33 }]);
    const failed = r.tests.find((t: { name: string }) => t.name.endsWith('test_adds_negative_numbers'));
    expect(failed).toMatchObject({ status: 'failed', points: 0, maxPoints: 1 });
    expect(failed.message).toMatch(/5 == -5|assert/);
  });

  it('reports a syntax error as an error verdict naming the file and line', async () => {
    const r = await run('def add(a, b)\n    return a + b\n');
    expect(r).toMatchObject({ status: 'completed', verdict: 'error', score: { earned: 0, max: 6 } });
    expect(r.message).toMatch(/SyntaxError/);
    expect(r.message).toMatch(/calc\.py/);
    expect(r.tests.every((t: { status: string }) => t.status === 'not_run')).toBe(true);
  });

  it('reports an import error as an error verdict naming the missing module', async () => {
    const r = await run('import numpy_that_is_not_here\n\ndef add(a, b):\n    return a + b\n');
    expect(r).toMatchObject({ status: 'completed', verdict: 'error', score: { earned: 0, max: 6 } });
    expect(r.message).toMatch(/numpy_that_is_not_here/);
  });

  it('stops an infinite loop at the time limit, keeping the tests that finished before it', async () => {
    const started = Date.now();
    const r = await run('def add(a, b):\n    while a < 0:\n        pass\n    return a + b\n');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r).toMatchObject({ status: 'completed', verdict: 'time_limit_exceeded', score: { earned: 2, max: 6 } });
    expect(r.message).toMatch(/8 s time limit/);
    expect(r.tests.map((t: { status: string }) => t.status)).toEqual(['passed', 'not_run', 'not_run']);
  });
});
