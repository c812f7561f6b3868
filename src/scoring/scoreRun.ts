import { testPoints, testSkills, type Manifest, type Skill } from '../challenges/manifest.js';
import type { HarnessTest } from '../sandbox/harnessEvents.js';
import type { SandboxLimits } from '../sandbox/limits.js';
import type { SandboxOutcome } from '../sandbox/sandboxOutcome.js';
import { relativePaths } from './relativePaths.js';
import { firstReports, reportRefusal } from './reportRefusal.js';
import { scoreCap, skillCeiling, type ScoreCap } from './scoreCap.js';
import type { TestStatus, Verdict } from './verdict.js';

export interface ScoredTest {
  name: string;
  status: TestStatus;
  points: number;
  maxPoints: number;
  message: string | null;
  /** What the test printed (stdout and stderr), capped by the runner with a note when cut. */
  output: string | null;
  durationMs: number | null;
}

export interface SkillScore {
  skill: Skill;
  earned: number;
  max: number;
  /** Set when a critical test measuring this skill did not pass: its percent is at most this. */
  ceiling: number | null;
}

export interface Score {
  verdict: Verdict;
  message: string | null;
  /** The raw points: a cap never changes them, only the percent they count for. */
  earned: number;
  max: number;
  /** Set when a critical test did not pass (challenge.json `critical`). */
  cap: ScoreCap | null;
  tests: ScoredTest[];
  /** Points per skill the challenge measures, so a reviewer sees strengths, not one number. */
  skills: SkillScore[];
}

/** Each test's points count towards every skill it measures (the challenge's, unless it names its own). */
function skillScores(manifest: Manifest, tests: ScoredTest[], cap: ScoreCap | null): SkillScore[] {
  return manifest.skills.map((skill) => {
    const counted = tests.filter((_, i) => testSkills(manifest, manifest.tests[i]!).includes(skill));
    return { skill, earned: counted.reduce((n, t) => n + t.points, 0), max: counted.reduce((n, t) => n + t.maxPoints, 0), ceiling: skillCeiling(manifest, cap, skill) };
  });
}

const STATUS: Record<HarnessTest['status'], TestStatus> = { pass: 'passed', fail: 'failed', error: 'error', skip: 'skipped' };

/** One reported test, worth `maxPoints` when it passed and nothing otherwise (a skipped test earns nothing). */
export function scoreTest(t: HarnessTest, maxPoints: number): ScoredTest {
  const status = STATUS[t.status];
  return { name: t.name, status, points: status === 'passed' ? maxPoints : 0, maxPoints, message: relativePaths(t.message), output: relativePaths(t.output), durationMs: t.durationMs };
}

/** Why the run stopped early or was refused, if so, as a verdict and a message the candidate can act on. */
function abnormalEnd(manifest: Manifest, outcome: SandboxOutcome, limits: SandboxLimits): { verdict: Verdict; message: string } | null {
  const done = `${outcome.tests.length} test(s) had finished`;
  if (outcome.outputExceeded) {
    return { verdict: 'output_limit_exceeded', message: `The run wrote more than ${limits.maxOutputBytes} bytes of output and was stopped; ${done}.` };
  }
  if (outcome.timedOut) {
    return { verdict: 'time_limit_exceeded', message: `The run exceeded its ${limits.timeoutMs / 1000} s time limit; ${done}.` };
  }
  if (outcome.oomKilled) {
    return { verdict: 'memory_limit_exceeded', message: `The run exceeded its ${limits.memoryMb} MB memory limit; ${done}.` };
  }
  if (!outcome.result) {
    const code = outcome.exitCode ?? -1;
    const how = code > 128 ? `was killed by signal ${code - 128}` : `exited with code ${code}`;
    return { verdict: 'runtime_error', message: `The test run ${how} before reporting its results; ${done}.` };
  }
  const refusal = reportRefusal(manifest, outcome);
  return refusal === null ? null : { verdict: 'runtime_error', message: refusal };
}

/**
 * Scores a run against the manifest. Points come only from the manifest, and every test it lists
 * counts towards the maximum, so tests that never reported cannot raise the percentage. A test's
 * result is its first `test` event before the result document, never the document's own list.
 */
export function scoreRun(manifest: Manifest, outcome: SandboxOutcome, limits: SandboxLimits): Score {
  const reported = firstReports(outcome.tests);
  const abnormal = abnormalEnd(manifest, outcome, limits);
  const loadError = outcome.result?.status === 'error' ? relativePaths(outcome.result.message) ?? 'The tests could not run.' : null;
  const tests = manifest.tests.map((spec): ScoredTest => {
    const maxPoints = testPoints(spec);
    const t = reported.get(spec.name);
    if (!t) {
      return { name: spec.name, status: 'not_run', points: 0, maxPoints, message: abnormal?.message ?? loadError ?? 'The test did not run.', output: null, durationMs: null };
    }
    return scoreTest(t, maxPoints);
  });
  const cap = scoreCap(manifest, tests);
  const totals = {
    earned: tests.reduce((sum, t) => sum + t.points, 0),
    max: tests.reduce((sum, t) => sum + t.maxPoints, 0),
    cap,
    tests,
    skills: skillScores(manifest, tests, cap),
  };
  if (abnormal) return { ...abnormal, ...totals };
  if (loadError !== null) {
    return { verdict: outcome.result?.errorKind === 'compile' ? 'compile_error' : 'error', message: loadError, ...totals };
  }
  return { verdict: totals.earned === totals.max ? 'passed' : 'failed', message: null, ...totals };
}
