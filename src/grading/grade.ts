import type Docker from 'dockerode';
import type { ChallengePackage, PackageFile } from '../challenges/challengePackage.js';
import { testPoints, type Manifest } from '../challenges/manifest.js';
import type { HarnessEvent } from '../sandbox/harnessEvents.js';
import type { RunOptions } from '../sandbox/inputArchive.js';
import type { SandboxLimits } from '../sandbox/limits.js';
import type { SandboxOutcome } from '../sandbox/sandboxOutcome.js';
import type { EngineWatch } from '../sandbox/engineWatch.js';
import { runSandbox } from '../sandbox/runSandbox.js';
import type { WarmPool } from '../sandbox/warmPool.js';
import { scoreRun, scoreTest, type Score, type ScoredTest } from '../scoring/scoreRun.js';

/** What grading needs: the engine and where each runner's image is. */
export interface Grader {
  docker: Docker;
  /** Whose sandboxes these are: the queue's name (sandbox/containerSpec.ts). */
  scope: string;
  imageFor: (runner: string) => Promise<string>;
  /** Warm containers to run in, where the caller keeps some (the worker does). */
  pool?: WarmPool;
  /** The engine's kill events, where the caller watches them (the worker does). */
  engine?: EngineWatch;
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

/** What the manifest tells the run (`/work/run.json`, docs/runner-contract.md). */
export function runOptions(manifest: Manifest): RunOptions {
  const options = manifest.options;
  return {
    tests: manifest.tests.map((t) => t.name),
    ...(options?.race ? { race: true } : {}),
    ...(options?.framework ? { framework: options.framework } : {}),
    ...(options?.engine ? { engine: options.engine } : {}),
    ...(options?.engineSettings ? { engineSettings: options.engineSettings } : {}),
    ...(manifest.services ? { services: manifest.services } : {}),
  };
}

/** Runs files against a set of tests in a fresh sandbox of the challenge's runner. */
export async function runTests(
  grader: Grader,
  req: Pick<GradeRequest, 'runId' | 'files' | 'limits' | 'signal'> & { manifest: Manifest; tests: PackageFile[]; onEvent?: (event: HarnessEvent) => void },
): Promise<SandboxOutcome> {
  return runSandbox(grader.docker, {
    runId: req.runId,
    scope: grader.scope,
    image: await grader.imageFor(req.manifest.runner),
    files: {
      solution: req.files,
      tests: req.tests,
      run: runOptions(req.manifest),
    },
    limits: req.limits,
    signal: req.signal,
    pool: grader.pool,
    engine: grader.engine,
    onEvent: req.onEvent,
  });
}

/** Runs files against a challenge version's hidden tests in a fresh sandbox and scores them. */
export async function grade(grader: Grader, req: GradeRequest): Promise<Graded> {
  const { manifest } = req.pkg;
  const points = new Map(manifest.tests.map((t) => [t.name, testPoints(t)]));
  const outcome = await runTests(grader, {
    ...req,
    manifest,
    tests: req.pkg.hiddenTests,
    onEvent: (event) => {
      const maxPoints = event.type === 'test' ? points.get(event.test.name) : undefined;
      if (event.type === 'test' && maxPoints !== undefined) req.onTest?.(scoreTest(event.test, maxPoints));
    },
  });
  // What was scored: the streamed tests (scoring/scoreRun.ts), not the result document's own list.
  const reported = outcome.tests.map((t) => t.name);
  return { score: scoreRun(manifest, outcome, req.limits), log: outcome.log, reported };
}
