import { parseArgs } from 'node:util';
import { RUNNERS, type RunnerName } from '../src/images/runners.js';

/** The parts of a benchmark run besides the runners' latency scenarios. */
export const PARTS = ['intake', 'drain', 'fairness', 'services'] as const;
export type Part = (typeof PARTS)[number];

export const DATABASES = ['sqlite', 'postgres'] as const;
export type Database = (typeof DATABASES)[number];

/**
 * What one `npm run bench` does. Read once from the command line (`npm run bench -- --runs 10`),
 * falling back to the environment (`BENCH_RUNS=10`), then passed down typed.
 */
export interface BenchOptions {
  /** Runners whose scenarios run. @defaultValue every runner */
  runners: RunnerName[];
  /** Other parts that run. @defaultValue every part */
  parts: Part[];
  /** Submissions per scenario and system sent one after another, for latency. @defaultValue 15 */
  latencyRuns: number;
  /** Submissions per scenario and system sent all at once, for throughput (0 skips). @defaultValue 30 */
  throughputRuns: number;
  /** Unmeasured runs per scenario and system before the latency runs. @defaultValue 1 */
  warmupRuns: number;
  /** The worker's concurrency, and how many `docker run`s the baseline runs in parallel. @defaultValue WORKER_CONCURRENCY, else 2 */
  concurrency: number;
  /** CPU-loop runs on an idle system; the loaded phase runs `concurrency` times as many. @defaultValue 6 */
  fairnessRuns: number;
  /** Scenario slugs to run, within the chosen runners. @defaultValue every scenario */
  scenarios: string[] | undefined;
  /** How long the intake load generator submits, per database. @defaultValue 10 */
  intakeSeconds: number;
  /** The load generator's open connections. @defaultValue 20 */
  intakeConnections: number;
  /** Databases the intake part runs on. @defaultValue sqlite,postgres */
  intakeDatabases: Database[];
  /** The drain's deep queue; the shallow one is `drainShallow`. @defaultValue 1000 */
  drainDeep: number;
  /** @defaultValue 10 */
  drainShallow: number;
  /** Extra config (`KEY=VALUE`, repeatable; space-separated in the environment) for the services under test, e.g. to lift admission caps for the intake part. */
  serviceEnv: Record<string, string>;
  /**
   * Determinism scenario (bench/determinism.ts): submissions of each challenge's reference sent at once to
   * the saturated worker, reporting whether every score was identical; 0 skips it. @defaultValue 0
   */
  determinismRuns: number;
  /** Challenge slugs (folders of challenges/) the determinism scenario covers. @defaultValue every shipped challenge */
  determinismChallenges: string[] | undefined;
  /** @defaultValue redis://127.0.0.1:6379 */
  redisUrl: string;
  /** @defaultValue postgres://postgres@127.0.0.1:5432/postgres (a database per run is made in it) */
  postgresUrl: string;
  /** @defaultValue /var/run/docker.sock */
  dockerSocket: string;
}

const integer = (name: string, raw: string | undefined, fallback: number, min = 1): number => {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
};

const list = (raw: string[] | string | undefined): string[] =>
  (Array.isArray(raw) ? raw : [raw ?? '']).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

function oneOf<T extends string>(name: string, values: string[], allowed: readonly T[]): T[] {
  const unknown = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (unknown.length > 0) throw new Error(`unknown ${name} ${unknown.map((u) => `"${u}"`).join(', ')} (one of ${allowed.join(', ')})`);
  return values as T[];
}

/** `--only node,java,intake` picks runners and parts; nothing named runs everything. */
function selection(only: string[]): { runners: RunnerName[]; parts: Part[] } {
  if (only.length === 0) return { runners: [...RUNNERS], parts: [...PARTS] };
  oneOf('--only entry', only, [...RUNNERS, ...PARTS]);
  return {
    runners: RUNNERS.filter((r) => only.includes(r)),
    parts: PARTS.filter((p) => only.includes(p)),
  };
}

function serviceEnv(entries: string[]): Record<string, string> {
  return Object.fromEntries(entries.map((e) => {
    const eq = e.indexOf('=');
    if (eq <= 0) throw new Error(`--service-env takes KEY=VALUE, got "${e}"`);
    return [e.slice(0, eq), e.slice(eq + 1)];
  }));
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string', multiple: true },
      runs: { type: 'string' },
      'latency-runs': { type: 'string' },
      'warmup-runs': { type: 'string' },
      concurrency: { type: 'string' },
      'fairness-runs': { type: 'string' },
      scenario: { type: 'string', multiple: true },
      'intake-seconds': { type: 'string' },
      'intake-connections': { type: 'string' },
      'intake-databases': { type: 'string' },
      'drain-deep': { type: 'string' },
      'drain-shallow': { type: 'string' },
      'service-env': { type: 'string', multiple: true },
      'determinism-runs': { type: 'string' },
      'determinism-challenge': { type: 'string', multiple: true },
    },
  });
  const scenarios = list(values.scenario ?? env.BENCH_SCENARIOS);
  const databases = list(values['intake-databases'] ?? env.BENCH_INTAKE_DATABASES);
  return {
    ...selection(list(values.only ?? env.BENCH_ONLY)),
    latencyRuns: integer('latency runs', values['latency-runs'] ?? env.BENCH_LATENCY_RUNS, 15),
    throughputRuns: integer('runs', values.runs ?? env.BENCH_RUNS, 30, 0),
    warmupRuns: integer('warm-up runs', values['warmup-runs'] ?? env.BENCH_WARMUP_RUNS, 1, 0),
    concurrency: integer('concurrency', values.concurrency ?? env.WORKER_CONCURRENCY, 2),
    fairnessRuns: integer('fairness runs', values['fairness-runs'] ?? env.BENCH_FAIRNESS_RUNS, 6, 0),
    scenarios: scenarios.length > 0 ? scenarios : undefined,
    intakeSeconds: integer('intake seconds', values['intake-seconds'] ?? env.BENCH_INTAKE_SECONDS, 10),
    intakeConnections: integer('intake connections', values['intake-connections'] ?? env.BENCH_INTAKE_CONNECTIONS, 20),
    intakeDatabases: databases.length > 0 ? oneOf('intake database', databases, DATABASES) : [...DATABASES],
    drainDeep: integer('drain deep', values['drain-deep'] ?? env.BENCH_DRAIN_DEEP, 1000),
    drainShallow: integer('drain shallow', values['drain-shallow'] ?? env.BENCH_DRAIN_SHALLOW, 10),
    serviceEnv: serviceEnv(values['service-env'] ?? env.BENCH_SERVICE_ENV?.split(/\s+/).filter(Boolean) ?? []),
    determinismRuns: integer('determinism runs', values['determinism-runs'] ?? env.BENCH_DETERMINISM_RUNS, 0, 0),
    determinismChallenges: values['determinism-challenge'],
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    postgresUrl: env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    dockerSocket: env.DOCKER_SOCKET || '/var/run/docker.sock',
  };
}
