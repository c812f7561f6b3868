import type { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { challengeService, type ChallengeService } from '../challenges/challengeService.js';
import type { Config } from '../config.js';
import { EventHub } from '../events/eventHub.js';
import { openStore } from '../platform/openStore.js';
import type { Store } from '../platform/store.js';
import { startResultConsumer } from '../queue/resultQueue.js';
import type { SubmissionJob } from '../queue/submissionJob.js';
import { createSubmissionQueue, enqueueSubmission } from '../queue/submissionQueue.js';
import { resolveLimits } from '../sandbox/limits.js';
import { submissionService, type SubmissionService } from '../submissions/submissionService.js';
import { closeWithin, openConnections, type Connections } from './connections.js';

/** The composition root of an API process: the only place that constructs the adapters. */
export interface ApiRuntime extends Connections {
  store: Store;
  queue: Queue<SubmissionJob>;
  events: EventHub;
  services: { submissions: SubmissionService; challenges: ChallengeService };
  /** Starts recording what workers report; every API process may, and any one takes each report. */
  startRecording(): Worker;
}

export async function openApiRuntime(config: Config, log: Logger = pino({ level: config.logLevel })): Promise<ApiRuntime> {
  const store = await openStore(config.database);
  const conn = openConnections(config, log);
  const subscriber = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  subscriber.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  const queue = createSubmissionQueue(config.queueName, conn.redis, config.jobs);
  queue.on('error', (err) => log.warn({ err: err.message }, 'queue error'));
  const submissions = submissionService({
    submissions: store.submissions,
    challenges: store.challenges,
    publish: conn.publish,
    dispatch: (ownerId, s, pkg) =>
      enqueueSubmission(queue, conn.redis, {
        ownerId,
        submissionId: s.id,
        challenge: { slug: pkg.manifest.slug, version: pkg.version },
        files: s.files,
        limits: resolveLimits(pkg.manifest.limits, config.sandbox),
      }, pkg),
  });
  let recorder: Worker | undefined;
  return {
    ...conn,
    store,
    queue,
    events: new EventHub(subscriber, config.queueName),
    services: { submissions, challenges: challengeService(store.challenges) },
    startRecording() {
      if (!recorder) {
        recorder = startResultConsumer(config.queueName, conn.redis, submissions.record);
        recorder.on('error', (err) => log.warn({ err: err.message }, 'result recorder error'));
      }
      return recorder;
    },
    async close() {
      if (recorder) await closeWithin(recorder.close());
      await closeWithin(queue.close());
      subscriber.disconnect();
      await conn.close();
      await store.close();
    },
  };
}
