import { randomUUID } from 'node:crypto';
import { Worker, type Queue } from 'bullmq';
import type Docker from 'dockerode';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ResultMessage } from '../submissions/resultMessage.js';
import type { Config } from '../config.js';
import { imageResolver } from '../images/imageResolver.js';
import { PackageSource } from '../queue/packageCache.js';
import { practiceQueueName, type PracticeJob, type PracticeResult } from '../queue/practiceQueue.js';
import { sendResult } from '../queue/resultQueue.js';
import type { SubmissionJob } from '../queue/submissionJob.js';
import { sendValidationReport, startValidationWorker, type ValidationReportMessage } from '../queue/validationQueue.js';
import { removeExpiredContainers } from '../sandbox/containerReaper.js';
import { EngineWatch } from '../sandbox/engineWatch.js';
import { WarmPool } from '../sandbox/warmPool.js';
import type { Registry } from 'prom-client';
import { workerMetrics } from '../metrics/workerMetrics.js';
import { processPractice } from './processPractice.js';
import { processSubmission, type WorkerDeps } from './processSubmission.js';
import { processValidation } from './processValidation.js';

export interface RunningWorker {
  /**
   * Takes no new jobs, lets running ones finish for up to `graceMs`, then kills their sandboxes and
   * hands those jobs back to the queue. 0 (tests): at once.
   */
  close(graceMs?: number): Promise<void>;
}

/** How often a worker looks for sandboxes past their deadline, and how far past they must be. */
const REAP_EVERY_MS = 10_000;
const REAP_GRACE_MS = 10_000;
/** The longest engine outage the worker waits out without taking jobs. */
const ENGINE_OUTAGE_MS = 60_000;

/** What a worker is started with (runtime/connections.ts makes it): Redis, the engine, the way back. */
export interface WorkerConnections {
  config: Pick<Config, 'queueName' | 'worker' | 'baseImage' | 'sandbox'>;
  log: Logger;
  redis: Redis;
  docker: Docker;
  results: Queue<ResultMessage>;
  reports: Queue<ValidationReportMessage>;
  publish: WorkerDeps['publish'];
  /** Where the worker's figures go: its process's registry. */
  metrics: Registry;
}

/** Settings a caller (a test) may change from the configured ones. */
export type WorkerOverrides = Partial<Config['worker']> & { imageFor?: WorkerDeps['imageFor'] };

/** Starts a BullMQ worker on the configured queue; it needs Redis and a Docker engine, no database. */
export async function startWorker(conn: WorkerConnections, overrides: WorkerOverrides = {}): Promise<RunningWorker> {
  const { imageFor = imageResolver(conn.config.baseImage), ...settingOverrides } = overrides;
  const settings = { ...conn.config.worker, ...settingOverrides };
  const { log, docker } = conn;
  const shutdown = new AbortController();
  const metrics = workerMetrics(conn.metrics);
  const pool = settings.poolSize > 0
    ? new WarmPool(docker, { size: settings.poolSize, maxIdleMs: settings.poolIdleMs, owner: randomUUID(), scope: conn.config.queueName, onTake: metrics.poolTake }, (err) =>
        log.warn({ err }, 'warm pool could not start a sandbox'))
    : undefined;
  // While the engine restarts, jobs taken would only spend their attempts: take none until it is back
  // (or until ENGINE_OUTAGE_MS, after which they fail with engine_unreachable as they would without it).
  // A restarted engine killed every warm container: refill the pool then.
  let outage: NodeJS.Timeout | undefined;
  const resume = () => {
    clearTimeout(outage);
    worker.resume();
  };
  const engine = new EngineWatch(docker, conn.config.queueName, () => {
    log.info('Docker engine reachable again: taking jobs');
    pool?.refill();
    resume();
  }, (err) => {
    log.warn({ err: (err as Error).message }, 'Docker engine lost: taking no jobs until it is back');
    void worker.pause(true);
    outage = setTimeout(resume, ENGINE_OUTAGE_MS);
    outage.unref();
  });
  const deps: WorkerDeps = {
    docker,
    scope: conn.config.queueName,
    imageFor,
    pool,
    engine,
    packages: new PackageSource(conn.redis, conn.config.queueName),
    report: (msg) => sendResult(conn.results, msg),
    publish: conn.publish,
    metrics,
  };
  const unwatchPool = pool ? metrics.watchPool(pool) : undefined;
  const worker = new Worker<SubmissionJob>(conn.config.queueName, (job, token) => processSubmission(deps, job, shutdown.signal, token), {
    connection: conn.redis,
    concurrency: settings.concurrency,
    lockDuration: settings.lockMs,
    stalledInterval: settings.lockMs,
    maxStalledCount: 2,
    autorun: false,
  });
  // Every line about a run names its submission and the API request that made it (reqId, as Fastify calls it).
  const runLog = (job: { data: SubmissionJob }) => log.child({ submissionId: job.data.submissionId, reqId: job.data.requestId });
  worker.on('active', (job) => runLog(job).info({ attempt: job.attemptsMade + 1 }, 'submission run started'));
  worker.on('completed', (job) => runLog(job).info('submission run finished'));
  worker.on('failed', (job, err) => {
    if (!job) return;
    const { ownerId, submissionId } = job.data;
    runLog(job).warn({ attempt: job.attemptsMade, err: err.message }, 'submission run failed');
    // processSubmission reports its own last attempt; a job that still ends up failed was given up
    // by the stall checker (its workers kept dying). A second report of the same end is dropped.
    void job.getState().then((state) => {
      if (state !== 'failed') return;
      return deps.report({ kind: 'failed', ownerId, submissionId, failure: { code: 'stalled', message: `internal error: ${err.message}` } });
    }).catch(() => undefined);
  });
  worker.on('error', (err) => log.error({ err }, 'worker error'));
  const practice = new Worker<PracticeJob, PracticeResult>(practiceQueueName(conn.config.queueName), (job) => processPractice(deps, job, shutdown.signal), {
    connection: conn.redis,
    concurrency: settings.practiceConcurrency,
    lockDuration: settings.lockMs,
    autorun: false,
  });
  // Announced once the job's end is stored, so whoever reads it then finds the result.
  const finished = (job: { data: PracticeJob } | undefined) => job && void conn.publish(job.data.practiceId, { type: 'finished' }).catch(() => undefined);
  practice.on('completed', finished);
  practice.on('failed', (job, err) => {
    log.warn({ practiceId: job?.data.practiceId, err: err.message }, 'practice run failed');
    finished(job);
  });
  practice.on('error', (err) => log.error({ err }, 'practice worker error'));
  // Uploaded packages, one at a time: each is several sandbox runs, never the warm pool's.
  const validations = startValidationWorker(conn.config.queueName, conn.redis, (job) =>
    processValidation({ docker, imageFor, scope: conn.config.queueName }, conn.config.sandbox, job, (msg) => sendValidationReport(conn.reports, msg)), settings.lockMs);
  validations.on('error', (err) => log.error({ err }, 'validation worker error'));
  const reap = () => void removeExpiredContainers(docker, conn.config.queueName, REAP_GRACE_MS).catch((err: unknown) => log.warn({ err }, 'reaper failed'));
  reap();
  const reaper = setInterval(reap, REAP_EVERY_MS);
  reaper.unref();
  void worker.run();
  void practice.run();
  void validations.run();
  await Promise.all([worker.waitUntilReady(), practice.waitUntilReady(), validations.waitUntilReady()]);
  log.info({ concurrency: settings.concurrency, pool: settings.poolSize, queue: conn.config.queueName }, 'worker started');
  return {
    async close(graceMs = 0) {
      clearInterval(reaper);
      const cutOff = setTimeout(() => shutdown.abort(), graceMs);
      await Promise.all([worker.close(), practice.close(), validations.close()]);
      clearTimeout(cutOff);
      await pool?.close();
      unwatchPool?.();
      engine.close();
      clearTimeout(outage);
    },
  };
}
