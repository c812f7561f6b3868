import type Docker from 'dockerode';
import type { ChallengePackage, PackageFile } from '../challenges/challengePackage.js';
import type { SandboxLimits } from '../sandbox/limits.js';
import { runSandbox } from '../sandbox/runSandbox.js';
import type { WarmPool } from '../sandbox/warmPool.js';
import { scoreRun, scoreTest, type Score, type ScoredTest } from '../scoring/scoreRun.js';

/** What grading needs: the engine and where each runner's image is. */
export interface Grader {
  docker: Docker;
  imageFor: (runner: string) => Promise<string>;
  /** Warm containers to run in, where the caller keeps some (the worker does). */
  pool?: WarmPool;
}

export interface GradeRequest {
  /** Labels the sandbox, so leftovers of this run can be found. */
  runId: string;
  /** Of the challenge version, grading reads the manifest and the hidden tests only. */
  pkg: Pick<ChallengePackage, 'manifest' | 'hiddenTests'>;
  files: PackageFile[];
  /** The challenge's limits as the server resolved them (sandbox/limits.ts resolveLimits). */
  limits: SandboxLimits;
  signal?: AbortSignal;
  /** Each manifest test, scored, as soon as the runner reports it. */
  onTest?: (test: ScoredTest) => void;
}

export interface Graded {
  score: Score;
  log: string;
  /** Every test name the runner reported, listed in the manifest or not. */
  reported: string[];
}

/** Runs files against a challenge version's hidden tests in a fresh sandbox and scores them. */
export async function grade(grader: Grader, req: GradeRequest): Promise<Graded> {
  const { manifest } = req.pkg;
  const { limits } = req;
  const points = new Map(manifest.tests.map((t) => [t.name, t.points ?? 1]));
  const outcome = await runSandbox(grader.docker, {
    runId: req.runId,
    image: await grader.imageFor(manifest.runner),
    files: { solution: req.files, tests: req.pkg.hiddenTests },
    limits,
    signal: req.signal,
    pool: grader.pool,
    onEvent: (event) => {
      const maxPoints = event.type === 'test' ? points.get(event.test.name) : undefined;
      if (event.type === 'test' && maxPoints !== undefined) req.onTest?.(scoreTest(event.test, maxPoints));
    },
  });
  // What was scored: the streamed tests (scoring/scoreRun.ts), not the result document's own list.
  const reported = outcome.tests.map((t) => t.name);
  return { score: scoreRun(manifest, outcome, limits), log: outcome.log, reported };
}
