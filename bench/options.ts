import { parseArgs } from 'node:util';

/**
 * What one `npm run bench` does. Read once from the command line (`npm run bench -- --runs 10`),
 * falling back to the environment (`BENCH_RUNS=10`), then passed down typed.
 */
export interface BenchOptions {
  /** Submissions per scenario and system sent one after another, for latency. @defaultValue 15 */
  latencyRuns: number;
  /** Submissions per scenario and system sent all at once, for throughput. @defaultValue 30 */
  throughputRuns: number;
  /** Unmeasured runs per scenario and system before the latency runs. @defaultValue 1 */
  warmupRuns: number;
  /** The worker's concurrency, and how many `docker run`s the baseline runs in parallel. @defaultValue WORKER_CONCURRENCY, else 2 */
  concurrency: number;
  /** CPU-loop runs on an idle system; the loaded phase runs `concurrency` times as many. @defaultValue 6 */
  fairnessRuns: number;
  /** Scenario slugs to run. @defaultValue every scenario */
  scenarios: string[] | undefined;
  /**
   * Determinism scenario (bench/determinism.ts): submissions of each challenge's reference sent at once to
   * the saturated worker, reporting whether every score was identical; 0 skips it. @defaultValue 0
   */
  determinismRuns: number;
  /** Challenge slugs (folders of challenges/) the determinism scenario covers. @defaultValue every shipped challenge */
  determinismChallenges: string[] | undefined;
  /** @defaultValue redis://127.0.0.1:6379 */
  redisUrl: string;
  /** @defaultValue /var/run/docker.sock */
  dockerSocket: string;
}

const positive = (name: string, raw: string | undefined, fallback: number, min = 1): number => {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
};

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      'latency-runs': { type: 'string' },
      'warmup-runs': { type: 'string' },
      concurrency: { type: 'string' },
      'fairness-runs': { type: 'string' },
      scenario: { type: 'string', multiple: true },
      'determinism-runs': { type: 'string' },
      'determinism-challenge': { type: 'string', multiple: true },
    },
  });
  const scenarios = values.scenario ?? env.BENCH_SCENARIOS?.split(',').filter(Boolean);
  return {
    latencyRuns: positive('latency runs', values['latency-runs'] ?? env.BENCH_LATENCY_RUNS, 15),
    throughputRuns: positive('runs', values.runs ?? env.BENCH_RUNS, 30),
    warmupRuns: positive('warm-up runs', values['warmup-runs'] ?? env.BENCH_WARMUP_RUNS, 1, 0),
    concurrency: positive('concurrency', values.concurrency ?? env.WORKER_CONCURRENCY, 2),
    fairnessRuns: positive('fairness runs', values['fairness-runs'] ?? env.BENCH_FAIRNESS_RUNS, 6, 0),
    scenarios: scenarios && scenarios.length > 0 ? scenarios : undefined,
    determinismRuns: positive('determinism runs', values['determinism-runs'] ?? env.BENCH_DETERMINISM_RUNS, 0, 0),
    determinismChallenges: values['determinism-challenge'],
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    dockerSocket: env.DOCKER_SOCKET || '/var/run/docker.sock',
  };
}
