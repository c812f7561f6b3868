import { Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { SubmissionJob } from '../queue/submissionQueue.js';
import { removeExpiredContainers } from '../sandbox/containerReaper.js';
import { failSubmission } from '../submissions/submissionStore.js';
import { processSubmission, type WorkerDeps } from './processSubmission.js';

export interface WorkerOptions {
  queueName: string;
  connection: ConnectionOptions;
  concurrency: number;
  /** A dead worker's job is taken over once its lock has gone unrenewed this long. */
  lockMs: number;
  log: Logger;
}

export interface RunningWorker {
  close(): Promise<void>;
}

/** How long past its deadline a sandbox may linger before any worker's reaper removes it. */
const REAP_GRACE_MS = 30_000;

export async function startWorker(deps: WorkerDeps, opts: WorkerOptions): Promise<RunningWorker> {
  const shutdown = new AbortController();
  const worker = new Worker<SubmissionJob>(opts.queueName, (job) => processSubmission(deps, job, shutdown.signal), {
    connection: opts.connection,
    concurrency: opts.concurrency,
    lockDuration: opts.lockMs,
    stalledInterval: opts.lockMs,
    maxStalledCount: 2,
    autorun: false,
  });
  worker.on('failed', (job, err) => {
    if (!job) return;
    opts.log.warn({ submissionId: job.data.submissionId, attempt: job.attemptsMade, err: err.message }, 'submission run failed');
    // Jobs failed by the stall checker never reach processSubmission's own last-attempt handling.
    void job.getState().then((state) => {
      if (state === 'failed' && failSubmission(deps.db, job.data.submissionId, `internal error: ${err.message}`)) {
        return deps.events.publish(job.data.submissionId, { type: 'finished' });
      }
    }).catch(() => undefined);
  });
  worker.on('error', (err) => opts.log.error({ err }, 'worker error'));
  const reap = () =>
    void removeExpiredContainers(deps.docker, REAP_GRACE_MS).catch((err: unknown) => opts.log.warn({ err }, 'reaper failed'));
  reap();
  const reaper = setInterval(reap, REAP_GRACE_MS);
  reaper.unref();
  void worker.run();
  await worker.waitUntilReady();
  return {
    async close() {
      clearInterval(reaper);
      // Kill running sandboxes so close() does not wait out their time limits; their jobs are retried.
      shutdown.abort();
      await worker.close();
    },
  };
}
