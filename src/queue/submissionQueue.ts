import { Queue, type ConnectionOptions } from 'bullmq';
import { ServiceUnavailableError } from '../errors/ServiceUnavailableError.js';

export interface SubmissionJob {
  submissionId: string;
}

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

/** The job id is the submission id, so enqueueing twice (client retry, sweeper) adds one job. */
export async function enqueueSubmission(queue: Queue<SubmissionJob>, submissionId: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis in ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
  });
  try {
    await Promise.race([queue.add('run', { submissionId }, { jobId: submissionId }), timeout]);
  } catch (err) {
    throw new ServiceUnavailableError('The submission queue is unavailable; retry later with the same Idempotency-Key.', {
      cause: err,
      headers: { 'retry-after': '5' },
    });
  } finally {
    clearTimeout(timer);
  }
}
