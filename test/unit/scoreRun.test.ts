import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/challenges/manifest.js';
import type { HarnessTest, ResultDocument } from '../../src/sandbox/harnessEvents.js';
import type { SandboxLimits } from '../../src/sandbox/limits.js';
import type { SandboxOutcome } from '../../src/sandbox/sandboxOutcome.js';
import { scoreRun, scoreTest } from '../../src/scoring/scoreRun.js';

const manifest: Manifest = {
  slug: 'sum',
  title: 'Sum',
  summary: 'Add numbers',
  runner: 'python',
  language: 'python',
  skills: ['testing'],
  tests: [
    { name: 't::a', points: 2 },
    { name: 't::b', points: 3 },
    { name: 't::c' }, // worth 1 by default
  ],
};

const limits: SandboxLimits = { timeoutMs: 7500, memoryMb: 384, pids: 128, cpus: 1, scratchMb: 64, outputBytes: 65536, maxOutputBytes: 2_000_000 };

const ht = (name: string, status: HarnessTest['status'], message: string | null = null): HarnessTest => ({
  name,
  status,
  message,
  output: null,
  durationMs: 5,
});

const doc = (
  tests: HarnessTest[],
  status: ResultDocument['status'] = 'fail',
  message: string | null = null,
  errorKind: ResultDocument['errorKind'] = null,
): ResultDocument => ({
  version: 1,
  status,
  message,
  errorKind,
  tests,
});

const outcome = (over: Partial<SandboxOutcome>): SandboxOutcome => ({
  exitCode: 0,
  timedOut: false,
  outputExceeded: false,
  oomKilled: false,
  result: null,
  resultsReported: over.result ? 1 : 0,
  log: '',
  logTruncated: false,
  ...over,
  // A runner streams every test its result document lists.
  tests: over.tests ?? over.result?.tests ?? [],
});

const allPass = [ht('t::a', 'pass'), ht('t::b', 'pass'), ht('t::c', 'pass')];

describe('scoreTest', () => {
  it('gives full points only to a pass', () => {
    expect(scoreTest(ht('x', 'pass'), 4)).toEqual({ name: 'x', status: 'passed', points: 4, maxPoints: 4, message: null, output: null, durationMs: 5 });
    expect(scoreTest(ht('x', 'fail', 'boom'), 4)).toEqual({ name: 'x', status: 'failed', points: 0, maxPoints: 4, message: 'boom', output: null, durationMs: 5 });
    expect(scoreTest(ht('x', 'error'), 4)).toMatchObject({ status: 'error', points: 0, maxPoints: 4 });
  });
});

describe('scoreRun', () => {
  it('passes when every manifest test passed, with points from the manifest', () => {
    const score = scoreRun(manifest, outcome({ result: doc(allPass, 'pass'), tests: allPass }), limits);
    expect(score).toEqual({
      verdict: 'passed',
      message: null,
      earned: 6,
      max: 6,
      cap: null,
      tests: [
        { name: 't::a', status: 'passed', points: 2, maxPoints: 2, message: null, output: null, durationMs: 5 },
        { name: 't::b', status: 'passed', points: 3, maxPoints: 3, message: null, output: null, durationMs: 5 },
        { name: 't::c', status: 'passed', points: 1, maxPoints: 1, message: null, output: null, durationMs: 5 },
      ],
      skills: [{ skill: 'testing', earned: 6, max: 6, ceiling: null }],
    });
  });

  it('scores each skill from the tests that measure it', () => {
    const multi: Manifest = {
      ...manifest,
      skills: ['security', 'api-design'],
      tests: [
        { name: 't::a', points: 2, skills: ['security'] },
        { name: 't::b', points: 3 },
        { name: 't::c', skills: ['api-design'] },
      ],
    };
    const tests = [ht('t::a', 'fail'), ht('t::b', 'pass'), ht('t::c', 'pass')];
    expect(scoreRun(multi, outcome({ result: doc(tests) }), limits).skills).toEqual([
      { skill: 'security', earned: 3, max: 5, ceiling: null },
      { skill: 'api-design', earned: 4, max: 4, ceiling: null },
    ]);
  });

  describe('critical tests', () => {
    const critical: Manifest = {
      ...manifest,
      skills: ['security', 'api-design'],
      tests: [
        { name: 't::a', points: 2, skills: ['security'] },
        { name: 't::b', points: 3, skills: ['api-design'] },
        { name: 't::c', skills: ['security'] },
      ],
      critical: [
        { name: 'forged tokens', tests: ['t::a'], ceiling: 25, reason: 'accepts forged tokens' },
        { name: 'cross-user reads', tests: ['t::b', 't::c'], ceiling: 40, reason: 'shows other users\' data' },
      ],
    };

    it('cap the score at the lowest ceiling of the groups that did not pass, keeping the raw points', () => {
      const score = scoreRun(critical, outcome({ result: doc([ht('t::a', 'fail'), ht('t::b', 'pass'), ht('t::c', 'fail')]) }), limits);
      expect([score.earned, score.max]).toEqual([3, 6]);
      expect(score.cap).toEqual({
        ceiling: 25,
        triggered: [
          { name: 'forged tokens', ceiling: 25, reason: 'accepts forged tokens', tests: ['t::a'] },
          { name: 'cross-user reads', ceiling: 40, reason: 'shows other users\' data', tests: ['t::c'] },
        ],
      });
      // Only the skills the missed tests measure are capped: t::b passed, so api-design keeps its points.
      expect(score.skills).toEqual([
        { skill: 'security', earned: 0, max: 3, ceiling: 25 },
        { skill: 'api-design', earned: 3, max: 3, ceiling: null },
      ]);
    });

    it('cap nothing when every critical test passed, and count a critical test that never ran as missed', () => {
      const passed = scoreRun(critical, outcome({ result: doc([ht('t::a', 'pass'), ht('t::b', 'pass'), ht('t::c', 'fail')]) }), limits);
      expect(passed.cap?.triggered.map((t) => t.name)).toEqual(['cross-user reads']);
      const clean = scoreRun({ ...critical, critical: [critical.critical![0]!] }, outcome({ result: doc([ht('t::a', 'pass'), ht('t::b', 'fail'), ht('t::c', 'pass')]) }), limits);
      expect(clean.cap).toBeNull();
      const timedOut = scoreRun(critical, outcome({ timedOut: true, exitCode: 137, tests: [ht('t::b', 'pass'), ht('t::c', 'pass')] }), limits);
      expect(timedOut.cap).toMatchObject({ ceiling: 25, triggered: [{ name: 'forged tokens', tests: ['t::a'] }] });
    });

    it('cannot trigger from tests the run does not list (a practice run over the sample tests)', () => {
      const sample: Manifest = { ...critical, tests: [{ name: 't::sample' }] };
      expect(scoreRun(sample, outcome({ result: doc([ht('t::sample', 'fail')]) }), limits).cap).toBeNull();
    });
  });

  it('fails when a test failed, scoring failed and errored tests zero', () => {
    const tests = [ht('t::a', 'pass'), ht('t::b', 'fail', 'assert 1 == 2'), ht('t::c', 'error', 'KeyError')];
    const score = scoreRun(manifest, outcome({ result: doc(tests) }), limits);
    expect(score.verdict).toBe('failed');
    expect(score.message).toBeNull();
    expect([score.earned, score.max]).toEqual([2, 6]);
    expect(score.tests.map((t) => [t.name, t.status, t.points, t.message])).toEqual([
      ['t::a', 'passed', 2, null],
      ['t::b', 'failed', 0, 'assert 1 == 2'],
      ['t::c', 'error', 0, 'KeyError'],
    ]);
  });

  it('scores nothing for a reported test the manifest does not list', () => {
    const tests = [...allPass, ht('t::bonus', 'pass')];
    const score = scoreRun(manifest, outcome({ result: doc(tests, 'pass') }), limits);
    expect(score.tests.map((t) => t.name)).toEqual(['t::a', 't::b', 't::c']);
    expect([score.earned, score.max, score.verdict]).toEqual([6, 6, 'passed']);
  });

  it('refuses a result document that claims the run finished before every manifest test reported', () => {
    const tests = [ht('t::a', 'pass'), ht('t::c', 'pass')];
    const score = scoreRun(manifest, outcome({ result: doc(tests, 'fail') }), limits);
    const message = "The run's result document says the run finished, but 1 test(s) the challenge lists never reported (t::b); its result document is refused and only the tests reported before it count.";
    expect([score.verdict, score.message, score.earned, score.max]).toEqual(['runtime_error', message, 3, 6]);
    expect(score.tests[1]).toEqual({ name: 't::b', status: 'not_run', points: 0, maxPoints: 3, message, output: null, durationMs: null });
  });

  it('does not let a harness claim of pass override the manifest', () => {
    const score = scoreRun(manifest, outcome({ result: doc([], 'pass') }), limits);
    expect([score.verdict, score.earned, score.max]).toEqual(['runtime_error', 0, 6]);
    expect(score.tests.every((t) => t.status === 'not_run')).toBe(true);
  });

  it('refuses a run that reported two result documents, keeping only the tests reported before the first', () => {
    const tests = [ht('t::a', 'pass')];
    const score = scoreRun(manifest, outcome({ tests, result: doc(allPass, 'pass'), resultsReported: 2 }), limits);
    expect([score.verdict, score.earned]).toEqual(['runtime_error', 2]);
    expect(score.message).toBe('The run reported 2 result documents instead of one; its result document is refused and only the tests reported before it count.');
  });

  it('keeps the first report of a test: a later one cannot overwrite it', () => {
    const tests = [ht('t::a', 'fail'), ht('t::a', 'pass'), ht('t::b', 'pass'), ht('t::c', 'pass')];
    const score = scoreRun(manifest, outcome({ tests, result: doc(tests, 'fail') }), limits);
    expect([score.verdict, score.earned]).toEqual(['failed', 4]);
  });

  it('reports the output limit in bytes, before every other verdict', () => {
    const streamed = [ht('t::b', 'pass')];
    const score = scoreRun(
      manifest,
      outcome({ outputExceeded: true, timedOut: true, oomKilled: true, exitCode: 137, tests: streamed, result: doc([], 'error', 'x') }),
      limits,
    );
    expect(score.verdict).toBe('output_limit_exceeded');
    expect(score.message).toBe('The run wrote more than 2000000 bytes of output and was stopped; 1 test(s) had finished.');
    expect([score.earned, score.max]).toEqual([3, 6]);
    const alone = scoreRun(manifest, outcome({ outputExceeded: true, exitCode: 137, tests: streamed }), limits);
    expect([alone.verdict, alone.earned]).toEqual(['output_limit_exceeded', 3]);
  });

  it('reports the time limit in seconds, keeping the tests that finished', () => {
    const streamed = [ht('t::a', 'pass')];
    const score = scoreRun(manifest, outcome({ timedOut: true, exitCode: 137, tests: streamed }), limits);
    const message = 'The run exceeded its 7.5 s time limit; 1 test(s) had finished.';
    expect(score.verdict).toBe('time_limit_exceeded');
    expect(score.message).toBe(message);
    expect([score.earned, score.max]).toEqual([2, 6]);
    expect(score.tests.map((t) => [t.status, t.message])).toEqual([
      ['passed', null],
      ['not_run', message],
      ['not_run', message],
    ]);
  });

  it('puts the time limit before the memory limit, a missing result and a result', () => {
    const score = scoreRun(manifest, outcome({ timedOut: true, oomKilled: true, exitCode: 137, result: doc(allPass, 'pass') }), limits);
    expect(score.verdict).toBe('time_limit_exceeded');
    expect(score.message).toBe('The run exceeded its 7.5 s time limit; 3 test(s) had finished.');
    // A result that arrived is still scored.
    expect(score.earned).toBe(6);
  });

  it('reports the memory limit in MB and puts it before a missing result and a load error', () => {
    const score = scoreRun(manifest, outcome({ oomKilled: true, exitCode: 137, tests: [ht('t::a', 'fail'), ht('t::b', 'pass')], result: null }), limits);
    expect(score.verdict).toBe('memory_limit_exceeded');
    expect(score.message).toBe('The run exceeded its 384 MB memory limit; 2 test(s) had finished.');
    expect([score.earned, score.max]).toEqual([3, 6]);

    const withError = scoreRun(manifest, outcome({ oomKilled: true, result: doc([], 'error', 'ImportError') }), limits);
    expect(withError.verdict).toBe('memory_limit_exceeded');
  });

  it('judges a missing result a runtime error, naming the signal of exit code 137', () => {
    const score = scoreRun(manifest, outcome({ exitCode: 137, tests: [ht('t::c', 'pass')] }), limits);
    expect(score.verdict).toBe('runtime_error');
    expect(score.message).toBe('The test run was killed by signal 9 before reporting its results; 1 test(s) had finished.');
    expect([score.earned, score.max]).toEqual([1, 6]);
  });

  it('judges a missing result with a plain exit code a runtime error naming the code', () => {
    expect(scoreRun(manifest, outcome({ exitCode: 2 }), limits).message).toBe(
      'The test run exited with code 2 before reporting its results; 0 test(s) had finished.',
    );
    expect(scoreRun(manifest, outcome({ exitCode: 0 }), limits).verdict).toBe('runtime_error');
    expect(scoreRun(manifest, outcome({ exitCode: null }), limits).message).toBe(
      'The test run exited with code -1 before reporting its results; 0 test(s) had finished.',
    );
  });

  it('judges a result with status error as error, with its message on every test', () => {
    const score = scoreRun(manifest, outcome({ exitCode: 0, result: doc([], 'error', 'SyntaxError: limiter.py line 3') }), limits);
    expect(score).toEqual({
      verdict: 'error',
      message: 'SyntaxError: limiter.py line 3',
      earned: 0,
      max: 6,
      cap: null,
      skills: [{ skill: 'testing', earned: 0, max: 6, ceiling: null }],
      tests: manifest.tests.map((t) => ({
        name: t.name,
        status: 'not_run',
        points: 0,
        maxPoints: t.points ?? 1,
        message: 'SyntaxError: limiter.py line 3',
        output: null,
        durationMs: null,
      })),
    });
  });

  it('judges a result with status error and errorKind compile as compile_error', () => {
    const score = scoreRun(manifest, outcome({ result: doc([], 'error', 'Main.java:3: error: ; expected', 'compile') }), limits);
    expect([score.verdict, score.message, score.earned]).toEqual(['compile_error', 'Main.java:3: error: ; expected', 0]);
    const load = scoreRun(manifest, outcome({ result: doc([], 'error', 'No module named x', 'load') }), limits);
    expect(load.verdict).toBe('error');
  });

  it('gives a result with status error and no message a default message', () => {
    const score = scoreRun(manifest, outcome({ result: doc([], 'error', null) }), limits);
    expect([score.verdict, score.message]).toEqual(['error', 'The tests could not run.']);
  });

  it('puts a result with status error before passed, even when its tests passed', () => {
    const score = scoreRun(manifest, outcome({ result: doc(allPass, 'error', 'teardown crashed') }), limits);
    expect([score.verdict, score.message, score.earned]).toEqual(['error', 'teardown crashed', 6]);
  });

  it('scores the streamed tests and refuses a result document that disagrees with them', () => {
    const score = scoreRun(manifest, outcome({ tests: [ht('t::a', 'pass'), ht('t::b', 'fail'), ht('t::c', 'pass')], result: doc(allPass, 'pass') }), limits);
    expect([score.verdict, score.earned]).toEqual(['runtime_error', 3]);
    expect(score.message).toContain('disagrees with the tests it reported (t::b)');
  });
  it('reports a skipped test as skipped with its reason, earning nothing but counting towards the maximum', () => {
    const tests = [ht('t::a', 'pass'), ht('t::b', 'skip', 'needs a database'), ht('t::c', 'pass')];
    const score = scoreRun(manifest, outcome({ result: doc(tests, 'fail') }), limits);
    expect([score.verdict, score.earned, score.max]).toEqual(['failed', 3, 6]);
    expect(score.tests[1]).toMatchObject({ name: 't::b', status: 'skipped', points: 0, maxPoints: 3, message: 'needs a database' });
  });

  it('keeps what each test printed, and names sandbox paths relative to the solution', () => {
    const printed = { ...ht('t::a', 'fail', 'File "/work/solution/pkg/limiter.py", line 3 (from /work/tests/test_x.py)'), output: 'opened /work/solution/data.bin\n' };
    const score = scoreRun(manifest, outcome({ result: doc([printed, ht('t::b', 'pass'), ht('t::c', 'pass')]) }), limits);
    expect(score.tests[0]).toMatchObject({ message: 'File "pkg/limiter.py", line 3 (from tests/test_x.py)', output: 'opened data.bin\n' });
    expect(score.tests[1]?.output).toBeNull();
  });
});
