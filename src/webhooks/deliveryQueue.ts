import { Queue, type ConnectionOptions } from 'bullmq';

export interface DeliveryJob {
  ownerId: string;
  deliveryId: string;
}

/** Beside the submissions queue, so a deployment's (and a test's) queues share one name. */
export const deliveryQueueName = (queueName: string) => `${queueName}-webhooks`;

/**
 * A job per delivery, its id the delivery's: a dispatcher that runs an event twice after a crash adds
 * it once. A failed attempt moves the same job to later (deliveryWorker.ts), so retries survive
 * restarts; thrown errors (the database down) are retried by BullMQ.
 */
export function createDeliveryQueue(queueName: string, connection: ConnectionOptions): Queue<DeliveryJob> {
  return new Queue<DeliveryJob>(deliveryQueueName(queueName), {
    connection,
    defaultJobOptions: { attempts: 50, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } },
  });
}

export async function enqueueDelivery(queue: Queue<DeliveryJob>, job: DeliveryJob, opts: { delayMs: number; jobId?: string }): Promise<void> {
  await queue.add('deliver', job, { jobId: opts.jobId ?? job.deliveryId, delay: opts.delayMs });
}
