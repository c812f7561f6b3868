import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChallengePackage, PackageFile } from '../src/challenges/challengePackage.js';
import { readPackage } from '../src/challenges/readPackage.js';
import type { RunnerName } from '../src/images/runners.js';
import { repoRoot } from '../src/repoRoot.js';

/** One challenge package whose reference solution (or `files`) both systems run, read once from disk. */
export interface Scenario {
  /** What the report calls it. */
  label: string;
  runner: RunnerName;
  pkg: ChallengePackage;
  /** The submitted files: the reference solution, unless the scenario submits another language's. */
  files: PackageFile[];
}

interface ScenarioSource {
  label: string;
  runner: RunnerName;
  dir: string;
  /** A folder of files submitted instead of the package's solution. */
  solutionDir?: string;
}

const BENCH_FIXTURES = path.join(repoRoot, 'bench', 'fixtures');
const shipped = (slug: string) => path.join(repoRoot, 'challenges', slug);
const fixture = (slug: string) => path.join(repoRoot, 'test', 'fixtures', 'challenges', slug);

/**
 * The measured scenarios, per runner: a shipped challenge's reference solution each (node has no
 * shipped JavaScript challenge, so greet-node's solution is submitted as JavaScript), and python's
 * trivial submission, kept for comparison with earlier reports.
 */
export const SCENARIO_SOURCES: ScenarioSource[] = [
  { label: 'python trivial (sum-python)', runner: 'python', dir: fixture('sum-python') },
  { label: 'python (token-bucket-rate-limiter)', runner: 'python', dir: shipped('token-bucket-rate-limiter') },
  { label: 'node TS (paginated-orders-api)', runner: 'node', dir: shipped('paginated-orders-api') },
  { label: 'node JS (greet-node)', runner: 'node', dir: fixture('greet-node'), solutionDir: path.join(BENCH_FIXTURES, 'solutions', 'greet-node-js') },
  { label: 'java (idempotent-payments-java)', runner: 'java', dir: shipped('idempotent-payments-java') },
  { label: 'go (ttl-cache-go)', runner: 'go', dir: shipped('ttl-cache-go') },
  { label: 'sql (slow-orders-query-sql)', runner: 'sql', dir: shipped('slow-orders-query-sql') },
  // The same runner with a PostgreSQL server started in the sandbox: the service's cost beside SQLite.
  { label: 'sql on PostgreSQL (slow-report-postgres)', runner: 'sql', dir: shipped('slow-report-postgres') },
  { label: 'http (sql-injection-fix-http)', runner: 'http', dir: shipped('sql-injection-fix-http') },
  { label: 'ruby (bookmarks-api-ruby)', runner: 'ruby', dir: shipped('bookmarks-api-ruby') },
];

/** The fixed CPU-bound run of the fairness check (~200 ms of one core). */
export const CPU_LOOP = { label: 'cpu loop', runner: 'python', dir: path.join(BENCH_FIXTURES, 'challenges', 'cpu-loop-python') } satisfies ScenarioSource;

/** The drain's fast challenge: one test that sleeps 300 ms. */
export const FAST = { label: 'fast (sum-python)', runner: 'python', dir: fixture('sum-python') } satisfies ScenarioSource;

async function filesOf(dir: string): Promise<PackageFile[]> {
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (name) => ({ path: name, content: await readFile(path.join(dir, name), 'utf8') })));
}

export async function loadScenario(source: ScenarioSource): Promise<Scenario> {
  const pkg = await readPackage(source.dir);
  const files = source.solutionDir ? await filesOf(source.solutionDir) : pkg.solution;
  return { label: source.label, runner: source.runner, pkg, files };
}

/** The submission body a candidate would send. */
export const submissionBody = (s: Scenario) => ({ challenge: s.pkg.manifest.slug, files: s.files });
