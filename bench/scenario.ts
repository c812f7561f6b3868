import path from 'node:path';
import type { ChallengePackage } from '../src/challenges/challengePackage.js';
import { readPackage } from '../src/challenges/readPackage.js';
import { repoRoot } from '../src/repoRoot.js';

/** One challenge package whose reference solution both systems run, read once from disk. */
export interface Scenario {
  /** What the report calls it. */
  label: string;
  pkg: ChallengePackage;
}

const BENCH_FIXTURES = path.join(repoRoot, 'bench', 'fixtures', 'challenges');

/** The measured scenarios: a trivial submission, then a real challenge. */
export const SCENARIO_DIRS = [
  { label: 'trivial (sum-python)', dir: path.join(repoRoot, 'test', 'fixtures', 'challenges', 'sum-python') },
  { label: 'real (token-bucket-rate-limiter)', dir: path.join(repoRoot, 'challenges', 'token-bucket-rate-limiter') },
];

/** The fixed CPU-bound run of the fairness check (~200 ms of one core). */
export const CPU_LOOP_DIR = path.join(BENCH_FIXTURES, 'cpu-loop-python');

export async function loadScenario(label: string, dir: string): Promise<Scenario> {
  return { label, pkg: await readPackage(dir) };
}

/** The submission body a candidate would send: the reference solution. */
export const submissionBody = (s: Scenario) => ({ challenge: s.pkg.manifest.slug, files: s.pkg.solution });
