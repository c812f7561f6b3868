import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/challenges/manifest.js';
import type { HarnessTest, ResultDocument } from '../../src/sandbox/harnessEvents.js';
import { HarnessOutput } from '../../src/sandbox/harnessOutput.js';
import { resolveLimits } from '../../src/sandbox/limits.js';
import type { SandboxOutcome } from '../../src/sandbox/sandboxOutcome.js';
import { scoreRun } from '../../src/scoring/scoreRun.js';

/**
 * Result streams from a run whose code got hold of the nonce (a harness bug, or a runner where the
 * candidate shares the harness's process), against sum-python's manifest (2 + 1 + 3 points). The honest
 * run below earns 5: test_adds_negative_numbers fails. Each stream goes through the worker's own output
 * splitting and scoring.
 */
const NONCE = 'f00dfeedf00dfeed';
const manifest = {
  slug: 'sum-python',
  runner: 'python',
  skills: ['debugging'],
  tests: [
    { name: 'test_sum.py::test_adds_positive_numbers', points: 2 },
    { name: 'test_sum.py::test_adds_negative_numbers' },
    { name: 'test_sum.py::test_slow_but_fine', points: 3 },
  ],
} as unknown as Manifest;
const limits = resolveLimits({}, { maxTimeoutMs: 60_000, maxMemoryMb: 1024, outputLimitBytes: 65_536, maxOutputBytes: 16 * 1024 * 1024 });

const test = (short: string, status: HarnessTest['status']): HarnessTest => ({ name: `test_sum.py::${short}`, status, message: null, output: null, durationMs: 1 });
const HONEST = [test('test_adds_positive_numbers', 'pass'), test('test_adds_negative_numbers', 'fail'), test('test_slow_but_fine', 'pass')];
const ALL_PASS = HONEST.map((t) => ({ ...t, status: 'pass' as const }));
const line = (event: unknown) => `${NONCE} ${JSON.stringify(event)}\n`;
const testLines = (tests: HarnessTest[]) => tests.map((t) => line({ type: 'test', test: t })).join('');
const resultLine = (status: ResultDocument['status'], tests: HarnessTest[]) => line({ type: 'result', result: { version: 1, status, message: null, tests } });
const HONEST_RUN = testLines(HONEST) + resultLine('fail', HONEST);

/** Collects events as runSandbox does, then scores the run. */
function score(stdout: string) {
  const tests: HarnessTest[] = [];
  let result: ResultDocument | null = null;
  const output = new HarnessOutput(NONCE, { keepBytes: 65_536, maxBytes: 1 << 24 }, (event) => {
    if (event.type === 'test') tests.push(event.test);
    else result = event.result;
  });
  output.writeStdout(Buffer.from(stdout));
  output.end();
  const outcome: SandboxOutcome = {
    exitCode: 0, timedOut: false, outputExceeded: false, oomKilled: false, tests, result,
    resultsReported: output.resultsReported, log: output.logText(), logTruncated: output.logTruncated,
  };
  const { verdict, earned, message } = scoreRun(manifest, outcome, limits);
  return { verdict, earned, message };
}

const ATTACKS = [
  { name: 'a forged result document before the real run', stdout: resultLine('pass', ALL_PASS) + HONEST_RUN, earned: 0 },
  { name: 'a result document listing passes that never reported, then an exit', stdout: resultLine('pass', ALL_PASS), earned: 0 },
  {
    name: 'a second result document after the real one, re-reporting a failed test as passed',
    stdout: HONEST_RUN + testLines([ALL_PASS[1]!]) + resultLine('pass', ALL_PASS),
    earned: 5,
  },
  {
    name: 'a result document that claims the run finished before a listed test reported',
    stdout: testLines(HONEST.slice(0, 1)) + resultLine('pass', HONEST.slice(0, 1)),
    earned: 2,
  },
];

describe('result framing', () => {
  it('scores the honest run 5', () => {
    expect(score(HONEST_RUN)).toEqual({ verdict: 'failed', earned: 5, message: null });
  });

  it.each(ATTACKS.map((a) => [a.name, a] as const))('refuses %s', (_name, attack) => {
    const got = score(attack.stdout);
    expect({ verdict: got.verdict, earned: got.earned }, got.message ?? '').toEqual({ verdict: 'runtime_error', earned: attack.earned });
    expect(got.message).toMatch(/result document/);
  });
});
