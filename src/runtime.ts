import Docker from 'dockerode';
import { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import type { Queue } from 'bullmq';
import type { Config } from './config.js';
import type { AppDeps } from './http/app.js';
import { openDatabase, type Database } from './db/database.js';
import { EventHub } from './events/eventHub.js';
import { imageResolver } from './images/imageResolver.js';
import { createSubmissionQueue, type SubmissionJob } from './queue/submissionQueue.js';
import type { WorkerDeps } from './worker/processSubmission.js';

/** The long-lived clients one process holds, opened from the validated config and closed together. */
export interface Runtime {
  config: Config;
  log: Logger;
  database: Database;
  redis: Redis;
  queue: Queue<SubmissionJob>;
  events: EventHub;
  docker: Docker;
  workerDeps: WorkerDeps;
  /** What the HTTP routes use. */
  appDeps: AppDeps;
  close(): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 3000;

export function openRuntime(config: Config, log: Logger = pino({ level: config.logLevel })): Runtime {
  const database = openDatabase(config.databasePath);
  // BullMQ needs blocking-safe connections (maxRetriesPerRequest: null); publishing shares one.
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const subscriber = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  for (const conn of [redis, subscriber]) conn.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  const queue = createSubmissionQueue(config.queueName, redis, config.jobs);
  queue.on('error', (err) => log.warn({ err: err.message }, 'queue error'));
  const events = new EventHub(redis, subscriber, config.queueName);
  const docker = new Docker({ socketPath: config.dockerSocket });
  const workerDeps: WorkerDeps = { db: database.db, docker, events, serverLimits: config.sandbox, imageFor: imageResolver() };
  const appDeps: AppDeps = { db: database.db, queue, events, redis, docker, serverLimits: config.sandbox };
  return {
    config,
    log,
    appDeps,
    database,
    redis,
    queue,
    events,
    docker,
    workerDeps,
    async close() {
      // With Redis down, queue.close() would wait for a reconnect forever; shutdown must not.
      await Promise.race([queue.close().catch(() => undefined), new Promise((r) => setTimeout(r, CLOSE_TIMEOUT_MS).unref())]);
      subscriber.disconnect();
      redis.disconnect();
      database.close();
    },
  };
}
