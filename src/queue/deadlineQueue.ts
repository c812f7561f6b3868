import { Queue, Worker, type ConnectionOptions } from 'bullmq';

interface DeadlineJob {
  ownerId: string;
  invitationId: string;
}

const deadlineQueueName = (queueName: string) => `${queueName}-deadlines`;

/**
 * A delayed job per deadline closes a candidate's session even if nobody calls; every candidate call
 * checks the deadline too, so a late job changes nothing. An extension adds a later job, and the
 * earlier one finds the deadline not yet reached.
 */
export function createDeadlineQueue(queueName: string, connection: ConnectionOptions): Queue<DeadlineJob> {
  return new Queue<DeadlineJob>(deadlineQueueName(queueName), {
    connection,
    defaultJobOptions: { attempts: 10, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { age: 3600 }, removeOnFail: { age: 7 * 24 * 3600 } },
  });
}

export async function scheduleDeadline(queue: Queue<DeadlineJob>, ownerId: string, invitationId: string, at: Date): Promise<void> {
  await queue.add('close', { ownerId, invitationId }, { jobId: `${invitationId}.${at.getTime()}`, delay: Math.max(0, at.getTime() - Date.now()) });
}

export function startDeadlineConsumer(queueName: string, connection: ConnectionOptions, close: (ownerId: string, invitationId: string) => Promise<void>): Worker<DeadlineJob> {
  return new Worker<DeadlineJob>(deadlineQueueName(queueName), async (job) => close(job.data.ownerId, job.data.invitationId), { connection, concurrency: 4 });
}
