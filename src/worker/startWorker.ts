import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import type { Config } from '../config.js';
import type { SubmissionJob } from '../queue/submissionQueue.js';
import type { Runtime } from '../runtime.js';
import { removeExpiredContainers } from '../sandbox/containerReaper.js';
import { WarmPool } from '../sandbox/warmPool.js';
import { failSubmission } from '../submissions/submissionStore.js';
import { processSubmission } from './processSubmission.js';

export interface RunningWorker {
  close(): Promise<void>;
}

/** How often a worker looks for sandboxes past their deadline, and how far past they must be. */
const REAP_EVERY_MS = 10_000;
const REAP_GRACE_MS = 10_000;

/** Starts a BullMQ worker on the runtime's queue; `overrides` adjust the configured worker settings. */
export async function startWorker(rt: Runtime, overrides: Partial<Config['worker']> = {}): Promise<RunningWorker> {
  const settings = { ...rt.config.worker, ...overrides };
  const { log } = rt;
  const shutdown = new AbortController();
  const pool = settings.poolSize > 0
    ? new WarmPool(rt.docker, { size: settings.poolSize, maxIdleMs: settings.poolIdleMs, owner: randomUUID() }, (err) =>
        log.warn({ err }, 'warm pool could not start a sandbox'))
    : undefined;
  const deps = { ...rt.workerDeps, pool };
  const worker = new Worker<SubmissionJob>(rt.config.queueName, (job) => processSubmission(deps, job, shutdown.signal), {
    connection: rt.redis,
    concurrency: settings.concurrency,
    lockDuration: settings.lockMs,
    stalledInterval: settings.lockMs,
    maxStalledCount: 2,
    autorun: false,
  });
  worker.on('failed', (job, err) => {
    if (!job) return;
    log.warn({ submissionId: job.data.submissionId, attempt: job.attemptsMade, err: err.message }, 'submission run failed');
    // Jobs failed by the stall checker never reach processSubmission's own last-attempt handling.
    void job.getState().then((state) => {
      if (state === 'failed' && failSubmission(deps.db, job.data.submissionId, `internal error: ${err.message}`)) {
        return deps.events.publish(job.data.submissionId, { type: 'finished' });
      }
    }).catch(() => undefined);
  });
  worker.on('error', (err) => log.error({ err }, 'worker error'));
  const reap = () => void removeExpiredContainers(rt.docker, REAP_GRACE_MS).catch((err: unknown) => log.warn({ err }, 'reaper failed'));
  reap();
  const reaper = setInterval(reap, REAP_EVERY_MS);
  reaper.unref();
  void worker.run();
  await worker.waitUntilReady();
  log.info({ concurrency: settings.concurrency, pool: settings.poolSize, queue: rt.config.queueName }, 'worker started');
  return {
    async close() {
      clearInterval(reaper);
      // Kill running sandboxes so close() does not wait out their time limits; their jobs are retried.
      shutdown.abort();
      await worker.close();
      await pool?.close();
    },
  };
}
