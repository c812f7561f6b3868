import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Something that keeps every core busy until stopped. */
export interface CpuHog {
  stop(): Promise<void>;
}

/**
 * One spinning thread per core, beside the runs being checked: a test whose result depends on how
 * busy the machine is shows it here rather than on a candidate's score. `terminate` interrupts the loop.
 */
export function startCpuHog(threads = availableParallelism()): CpuHog {
  const workers = Array.from({ length: threads }, () => new Worker('for (;;) {}', { eval: true }));
  return {
    async stop() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
