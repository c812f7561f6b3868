import { Queue, type ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { ServiceUnavailableError } from '../errors/ServiceUnavailableError.js';
import { publishPackage } from './packageCache.js';
import type { GradingPackage, SubmissionJob } from './submissionJob.js';
import { withTimeout } from './withTimeout.js';

/** How long a submit waits for Redis before telling the client to retry. */
const ENQUEUE_TIMEOUT_MS = 3000;

export function createSubmissionQueue(name: string, connection: ConnectionOptions, retry: { attempts: number; backoffMs: number }): Queue<SubmissionJob> {
  return new Queue<SubmissionJob>(name, {
    connection,
    defaultJobOptions: {
      // Only infrastructure failures throw (see worker/processSubmission.ts); retry them with backoff.
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.backoffMs },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}

/**
 * Publishes the package, then adds the job. The job id is the submission id, so enqueueing twice
 * (a client retry, the sweeper) adds one job.
 */
export async function enqueueSubmission(queue: Queue<SubmissionJob>, redis: Redis, job: SubmissionJob, pkg: GradingPackage): Promise<void> {
  const work = (async () => {
    await publishPackage(redis, queue.name, pkg);
    await queue.add('run', job, { jobId: job.submissionId });
  })();
  try {
    await withTimeout(work, ENQUEUE_TIMEOUT_MS, `no answer from Redis in ${ENQUEUE_TIMEOUT_MS} ms`);
  } catch (err) {
    throw new ServiceUnavailableError('The submission queue is unavailable; retry later with the same Idempotency-Key.', {
      cause: err,
      headers: { 'retry-after': '5' },
    });
  }
}
