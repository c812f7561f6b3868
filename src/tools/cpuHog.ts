import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Something that keeps every core busy until stopped. */
export interface CpuHog {
  stop(): Promise<void>;
}

/**
 * Spinning threads beside the runs being checked, one for each core the worker's `concurrency` runs
 * leave idle and at least one: the machine as busy as a saturated worker host, so a test whose result
 * depends on how busy it is shows it here rather than on a candidate's score. `terminate` interrupts the loop.
 */
export function startCpuHog(concurrency: number, threads = Math.max(1, availableParallelism() - concurrency)): CpuHog {
  const workers = Array.from({ length: threads }, () => new Worker('for (;;) {}', { eval: true }));
  return {
    async stop() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
