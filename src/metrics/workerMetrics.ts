import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { metricOnce } from './metricOnce.js';

/** What a worker counts: its runs (by runner and verdict, and how long they took) and its warm pool. */
export interface WorkerMetrics {
  run(runner: string, verdict: string, seconds: number): void;
  /** A run took a warm container (hit) or had to start one (miss). */
  poolTake(hit: boolean): void;
  /** Counts a pool's ready containers into the gauge from now on; returns the undo. */
  watchPool(pool: { readonly readyCount: number }): () => void;
}

/** Run times span a fast interpreter's tenth of a second to a slow build near the time limit. */
const RUN_SECONDS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120];

const pools = new WeakMap<Registry, Set<{ readonly readyCount: number }>>();

export function workerMetrics(registry: Registry): WorkerMetrics {
  const runs = metricOnce(registry, 'assay_runs_total', () =>
    new Counter({ name: 'assay_runs_total', help: 'Scored runs finished, by runner and verdict', labelNames: ['runner', 'verdict'], registers: [registry] }));
  const durations = metricOnce(registry, 'assay_run_duration_seconds', () =>
    new Histogram({ name: 'assay_run_duration_seconds', help: 'Wall-clock time of a scored run in its sandbox, by runner', labelNames: ['runner'], buckets: RUN_SECONDS, registers: [registry] }));
  const takes = metricOnce(registry, 'assay_warm_pool_takes_total', () =>
    new Counter({ name: 'assay_warm_pool_takes_total', help: 'Sandboxes taken for runs: hit = a warm one, miss = started on demand', labelNames: ['outcome'], registers: [registry] }));
  let watched = pools.get(registry);
  if (!watched) {
    const set = new Set<{ readonly readyCount: number }>();
    watched = set;
    pools.set(registry, set);
    new Gauge({
      name: 'assay_warm_pool_ready',
      help: 'Started sandboxes waiting for a run in this process\'s warm pools',
      registers: [registry],
      collect() {
        this.set([...set].reduce((n, p) => n + p.readyCount, 0));
      },
    });
  }
  const set = watched;
  return {
    run: (runner, verdict, seconds) => {
      runs.inc({ runner, verdict });
      durations.observe({ runner }, seconds);
    },
    poolTake: (hit) => takes.inc({ outcome: hit ? 'hit' : 'miss' }),
    watchPool: (pool) => {
      set.add(pool);
      return () => set.delete(pool);
    },
  };
}
