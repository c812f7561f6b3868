import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { PackageFile } from '../challenges/challengePackage.js';
import { ServiceUnavailableError } from '../errors/ServiceUnavailableError.js';
import type { OwnerId } from '../tenancy/actor.js';
import { withTimeout } from './withTimeout.js';

/** An uploaded package for a worker to validate as `assay challenge validate` does. */
export interface ValidationJob {
  ownerId: OwnerId;
  importId: string;
  slug: string;
  files: PackageFile[];
}

/** What a worker found, sent back for an API process to record. */
export interface ValidationReportMessage {
  ownerId: OwnerId;
  importId: string;
  problems: string[];
  checks: string[];
}

const jobsQueue = (queueName: string) => `${queueName}-validations`;
const reportsQueue = (queueName: string) => `${queueName}-validation-reports`;
const ENQUEUE_TIMEOUT_MS = 3000;

// Our failures (engine down) are retried like a submission's; the job id is the import's, so it is added once.
export const createValidationQueue = (queueName: string, connection: ConnectionOptions) =>
  new Queue<ValidationJob>(jobsQueue(queueName), {
    connection,
    defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: { age: 3600 }, removeOnFail: { age: 7 * 24 * 3600 } },
  });

export async function enqueueValidation(queue: Queue<ValidationJob>, job: ValidationJob): Promise<void> {
  try {
    await withTimeout(queue.add('validate', job, { jobId: job.importId }), ENQUEUE_TIMEOUT_MS, `no answer from Redis in ${ENQUEUE_TIMEOUT_MS} ms`);
  } catch (err) {
    throw new ServiceUnavailableError('The validation queue is unavailable; upload again later.', { cause: err, headers: { 'retry-after': '5' } });
  }
}

/** Reports travel through a queue, so one sent while no API process is up waits for one. */
export const createReportQueue = (queueName: string, connection: ConnectionOptions) =>
  new Queue<ValidationReportMessage>(reportsQueue(queueName), {
    connection,
    defaultJobOptions: { attempts: 10, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: { age: 3600 }, removeOnFail: { age: 7 * 24 * 3600 } },
  });

export const sendValidationReport = (queue: Queue<ValidationReportMessage>, msg: ValidationReportMessage) => queue.add('report', msg, { jobId: `${msg.importId}.report` });

/** A worker's side: takes validation jobs. */
export const startValidationWorker = (queueName: string, connection: ConnectionOptions, validate: (job: Job<ValidationJob>) => Promise<void>, lockMs: number) =>
  new Worker<ValidationJob>(jobsQueue(queueName), validate, { connection, concurrency: 1, lockDuration: lockMs, autorun: false });

/** An API process's side: records reports; `record` throwing (database down) retries the message. */
export const startValidationReportConsumer = (queueName: string, connection: ConnectionOptions, record: (msg: ValidationReportMessage) => Promise<void>) =>
  new Worker<ValidationReportMessage>(reportsQueue(queueName), async (job) => record(job.data), { connection, concurrency: 2 });
