import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { ResultMessage } from '../submissions/resultMessage.js';

/** The results queue beside a submissions queue. */
const resultQueueName = (queueName: string) => `${queueName}-results`;

/**
 * Results travel through a queue, not pub/sub, so one sent while no API process is up waits for
 * one. A final result's job id is fixed, so a run repeated after a stall sends it once.
 */
export function createResultQueue(queueName: string, connection: ConnectionOptions): Queue<ResultMessage> {
  return new Queue<ResultMessage>(resultQueueName(queueName), {
    connection,
    defaultJobOptions: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}

export async function sendResult(queue: Queue<ResultMessage>, msg: ResultMessage): Promise<void> {
  // A final outcome is sent once per submission; "started" once per attempt.
  const jobId = msg.kind === 'started' ? undefined : `${msg.submissionId}.final`;
  await queue.add(msg.kind, msg, { jobId });
}

/** Consumes results in an API process; `record` throwing (database down) retries the message. */
export function startResultConsumer(queueName: string, connection: ConnectionOptions, record: (msg: ResultMessage) => Promise<void>): Worker<ResultMessage> {
  return new Worker<ResultMessage>(resultQueueName(queueName), async (job) => record(job.data), { connection, concurrency: 4 });
}
