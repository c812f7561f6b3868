import Docker from 'dockerode';
import { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import { Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { publishEvent, type SubmissionEvent } from '../events/submissionEvent.js';
import { createResultQueue } from '../queue/resultQueue.js';
import { createReportQueue, type ValidationReportMessage } from '../queue/validationQueue.js';
import type { ResultMessage } from '../submissions/resultMessage.js';

/** What every Assay process holds, API or worker: Redis, the ways back from workers, the Docker engine. No database. */
export interface Connections {
  config: Config;
  log: Logger;
  redis: Redis;
  docker: Docker;
  results: Queue<ResultMessage>;
  /** Where workers send what they found in uploaded packages. */
  reports: Queue<ValidationReportMessage>;
  publish: (submissionId: string, event: SubmissionEvent) => Promise<void>;
  /** This process's Prometheus metrics: the API's /metrics, or a worker's own (WORKER_METRICS_PORT). */
  metrics: Registry;
  close(): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 3000;

/** Closes a BullMQ queue or worker, but never waits for a Redis that is down to come back. */
export const closeWithin = (closing: Promise<unknown>) =>
  Promise.race([closing.catch(() => undefined), new Promise((r) => setTimeout(r, CLOSE_TIMEOUT_MS).unref())]);

export function openConnections(config: Config, log: Logger): Connections {
  // BullMQ needs blocking-safe connections (maxRetriesPerRequest: null); publishing shares one.
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  const results = createResultQueue(config.queueName, redis);
  results.on('error', (err) => log.warn({ err: err.message }, 'results queue error'));
  const reports = createReportQueue(config.queueName, redis);
  reports.on('error', (err) => log.warn({ err: err.message }, 'validation reports queue error'));
  return {
    config,
    log,
    redis,
    docker: new Docker({ socketPath: config.dockerSocket }),
    results,
    reports,
    publish: (id, event) => publishEvent(redis, config.queueName, id, event),
    metrics: new Registry(),
    async close() {
      await Promise.all([closeWithin(results.close()), closeWithin(reports.close())]);
      redis.disconnect();
    },
  };
}
