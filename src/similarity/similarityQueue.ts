import { Queue, Worker, type ConnectionOptions } from 'bullmq';

/** One comparison to run: a submission just recorded. */
export interface ComparisonJob {
  ownerId: string;
  submissionId: string;
}

const similarityQueueName = (queueName: string) => `${queueName}-similarity`;

/** Comparisons run in an API process (they need the database), apart from recording, so a slow one delays nothing. */
export const createSimilarityQueue = (queueName: string, connection: ConnectionOptions) =>
  new Queue<ComparisonJob>(similarityQueueName(queueName), {
    connection,
    defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { age: 3600 }, removeOnFail: { age: 7 * 24 * 3600 } },
  });

/** Idempotent per submission: the outbox may hand the same event over twice. */
export async function enqueueComparison(queue: Queue<ComparisonJob>, job: ComparisonJob): Promise<void> {
  await queue.add('compare', job, { jobId: `sim.${job.submissionId}` });
}

/**
 * One at a time per process: comparisons of one challenge then never race to replace the same final
 * submission, and tokenizing stays off the request path's cores.
 */
export function startSimilarityWorker(queueName: string, connection: ConnectionOptions, compare: (ownerId: string, submissionId: string) => Promise<void>): Worker<ComparisonJob> {
  return new Worker<ComparisonJob>(similarityQueueName(queueName), async (job) => compare(job.data.ownerId, job.data.submissionId), { connection, concurrency: 1 });
}
