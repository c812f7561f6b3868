import type { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { apiKeyService } from '../apiKeys/apiKeyService.js';
import { auditLogService, auditor } from '../audit/audit.js';
import { catalogue } from '../challenges/catalogue.js';
import { assessmentService } from '../assessments/assessmentService.js';
import { challengeImportService } from '../challenges/challengeImportService.js';
import { challengeService } from '../challenges/challengeService.js';
import { candidateService } from '../invitations/candidateService.js';
import { invitationService } from '../invitations/invitationService.js';
import { createDeadlineQueue, scheduleDeadline, startDeadlineConsumer } from '../queue/deadlineQueue.js';
import { memberService } from '../members/memberService.js';
import { organisationService, type OrganisationService } from '../organisations/organisationService.js';
import { sessionService } from '../sessions/sessionService.js';
import type { Config } from '../config.js';
import { EventHub } from '../events/eventHub.js';
import { openStore } from '../platform/openStore.js';
import type { Store } from '../platform/store.js';
import { createPracticeQueue, enqueuePractice, readPractice } from '../queue/practiceQueue.js';
import { startResultConsumer } from '../queue/resultQueue.js';
import { createValidationQueue, enqueueValidation, startValidationReportConsumer } from '../queue/validationQueue.js';
import type { SubmissionJob } from '../queue/submissionJob.js';
import { createSubmissionQueue, enqueueSubmission } from '../queue/submissionQueue.js';
import { queueAdmission } from '../queue/admission.js';
import { resolveLimits } from '../sandbox/limits.js';
import { createSimilarityQueue, enqueueComparison, startSimilarityWorker, type ComparisonJob } from '../similarity/similarityQueue.js';
import { similarityService } from '../similarity/similarityService.js';
import { submissionService } from '../submissions/submissionService.js';
import { newSecret } from '../tenancy/secrets.js';
import { callbackListener, createCallbackQueue, startCallbackWorker } from '../integrations/greenhouse/greenhouseCallbacks.js';
import { greenhouseService } from '../integrations/greenhouse/greenhouseService.js';
import { createDeliveryQueue, enqueueDelivery, type DeliveryJob } from '../webhooks/deliveryQueue.js';
import { startDeliveryWorker } from '../webhooks/deliveryWorker.js';
import { endpointService } from '../webhooks/endpointService.js';
import { eventPayloads } from '../webhooks/eventPayloads.js';
import { outboxDispatcher } from '../webhooks/outboxDispatcher.js';
import { startLoop } from '../webhooks/startLoop.js';
import type { AppServices } from '../http/plugins/app/services.js';
import { apiMetrics } from '../metrics/apiMetrics.js';
import { closeWithin, openConnections, type Connections } from './connections.js';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** The composition root of an API process: the only place that constructs the adapters. */
export interface ApiRuntime extends Connections {
  store: Store;
  queue: Queue<SubmissionJob>;
  events: EventHub;
  /** Redis for rate-limit counts: a connection that fails at once rather than waits while Redis is down. */
  rateLimitRedis: Redis;
  services: Omit<AppServices, 'events' | 'serverLimits' | 'practiceLimit' | 'admission' | 'probes' | 'cookieSecure'>;
  organisations: OrganisationService;
  deadlines: Queue;
  /** Webhook deliveries, one job per event and endpoint. */
  deliveries: Queue<DeliveryJob>;
  /** Calls back to Greenhouse when a test it sent is done. */
  greenhouseCallbacks: Queue;
  /** Comparisons of recorded submissions with the others of their challenge. */
  comparisons: Queue<ComparisonJob>;
  /** Moves every outbox event written so far on to its deliveries (what the dispatcher's loop does). */
  dispatchEvents(): Promise<number>;
  /**
   * Starts the API side's consumers: recording what workers report, closing sessions at their
   * deadline, dispatching outbox events and delivering webhooks. Every API process may; any one
   * takes each job.
   */
  startConsumers(): void;
  /** Stops them (they finish the job in hand); `close` does too. */
  stopConsumers(): Promise<void>;
}

export async function openApiRuntime(config: Config, log: Logger = pino({ level: config.logLevel })): Promise<ApiRuntime> {
  const store = await openStore(config.database);
  const conn = openConnections(config, log);
  const subscriber = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  // Rate-limit counts fail fast while Redis is away (no offline queue), so a request is not held until it returns.
  const rateLimitRedis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  rateLimitRedis.on('error', () => undefined);
  subscriber.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  const queue = createSubmissionQueue(config.queueName, conn.redis, config.jobs);
  const metrics = apiMetrics(conn.metrics, queue);
  const audit = auditor(store.audit);
  const challenges = catalogue(store.challenges);
  const submissions = submissionService({
    submissions: store.submissions,
    gradings: store.gradings,
    challenges,
    publish: conn.publish,
    audit,
    admit: queueAdmission(queue, conn.redis, { maxQueued: config.admission.maxQueued, retryAfterS: config.pressure.retryAfterS }),
    dispatch: (ownerId, s, pkg) =>
      enqueueSubmission(queue, conn.redis, {
        ownerId,
        submissionId: s.id,
        challenge: { slug: pkg.manifest.slug, version: pkg.version },
        files: s.files,
        limits: resolveLimits(pkg.manifest.limits, config.sandbox),
        requestId: s.requestId,
      }, pkg),
  });
  const practice = createPracticeQueue(config.queueName, conn.redis);
  const validations = createValidationQueue(config.queueName, conn.redis);
  const challengeImports = challengeImportService({
    imports: store.challengeImports,
    challenges: store.challenges,
    validate: (job) => enqueueValidation(validations, job),
    audit,
  });
  const deadlines = createDeadlineQueue(config.queueName, conn.redis);
  const scheduleClose = (ownerId: string, invitationId: string, at: Date) => scheduleDeadline(deadlines, ownerId, invitationId, at);
  // Made on the first start and kept in the database, so every API process signs and checks links alike.
  const reportKey = (() => {
    let key: Promise<string> | undefined;
    return () => (key ??= store.settings.getOrCreate('report_signing_key', newSecret()));
  })();
  const assessmentsService = assessmentService({ assessments: store.assessments, challenges, audit });
  const invitations = invitationService({ invitations: store.invitations, assessments: store.assessments, submissions: store.submissions, audit, scheduleClose, reportKey });
  const deliveries = createDeliveryQueue(config.queueName, conn.redis);
  const greenhouseCallbacks = createCallbackQueue(config.queueName, conn.redis);
  const comparisons = createSimilarityQueue(config.queueName, conn.redis);
  // Producers only: an unreachable Redis surfaces on the request that adds a job; here it is logged once.
  for (const q of [queue, practice, validations, deadlines, deliveries, greenhouseCallbacks, comparisons]) q.on('error', (err) => log.warn({ err: err.message, queue: q.name }, 'queue error'));
  const similarity = similarityService({
    similarity: store.similarity,
    submissions: store.submissions,
    invitations: store.invitations,
    starterOf: async (owner, slug, version) => (await challenges.version(owner, slug, version))?.starter ?? [],
    threshold: config.similarity.threshold,
  });
  const firstDelayMs = config.webhooks.retryScheduleMs[0]!;
  const dispatchEvents = outboxDispatcher({
    outbox: store.outbox,
    webhooks: store.webhooks,
    build: eventPayloads({ invitations: store.invitations, submissions: store.submissions, staff: invitations, publicUrl: config.http.publicUrl }),
    enqueue: (ownerId, deliveryId) => enqueueDelivery(deliveries, { ownerId, deliveryId }, { delayMs: firstDelayMs }),
    listeners: [
      callbackListener(store.integrationLinks, greenhouseCallbacks),
      // The outbox row is written with the score, so every recorded submission is compared once it is dispatched.
      async (ev) => {
        if (ev.type === 'submission.completed') await enqueueComparison(comparisons, { ownerId: ev.ownerId, submissionId: String(ev.data.submissionId) });
      },
    ],
  });
  let consumers: Worker[] = [];
  let stopLoops: (() => Promise<void>) | undefined;
  const stopConsumers = async () => {
    await stopLoops?.();
    stopLoops = undefined;
    await Promise.all(consumers.map((c) => closeWithin(c.close())));
    consumers = [];
  };
  return {
    ...conn,
    store,
    queue,
    events: new EventHub(subscriber, config.queueName),
    rateLimitRedis,
    deadlines,
    deliveries,
    greenhouseCallbacks,
    comparisons,
    dispatchEvents,
    services: {
      submissions,
      assessments: assessmentsService,
      invitations,
      similarity,
      candidates: candidateService({
        invitations: store.invitations,
        staff: invitations,
        assessments: store.assessments,
        organisations: store.organisations,
        challenges,
        submissions: store.submissions,
        drafts: store.drafts,
        submit: submissions.submitForInvitation,
        scheduleClose,
        practice: { enqueue: (job) => enqueuePractice(practice, job), read: (id) => readPractice(practice, id) },
        limitsFor: (manifest) => resolveLimits(manifest.limits, config.sandbox),
      }),
      challenges: challengeService(challenges),
      challengeImports,
      members: memberService(store.members, audit),
      apiKeys: apiKeyService(store.apiKeys, audit),
      sessions: sessionService(store),
      auditLog: auditLogService(store.audit),
      webhooks: endpointService({ webhooks: store.webhooks, audit, redeliver: (job, jobId) => enqueueDelivery(deliveries, job, { delayMs: 0, jobId }) }),
      greenhouse: greenhouseService({ assessments: assessmentsService, invitations, links: store.integrationLinks, publicUrl: config.http.publicUrl }),
    },
    organisations: organisationService(store),
    startConsumers() {
      if (consumers.length > 0) return;
      consumers = [
        startResultConsumer(config.queueName, conn.redis, async (msg) => {
          if (await submissions.record(msg)) metrics.recorded(msg);
        }),
        startDeadlineConsumer(config.queueName, conn.redis, invitations.closeIfDue),
        startValidationReportConsumer(config.queueName, conn.redis, challengeImports.record),
        startDeliveryWorker(config.queueName, conn.redis, { webhooks: store.webhooks, outbox: store.outbox, settings: config.webhooks }, config.worker.lockMs),
        startCallbackWorker(config.queueName, conn.redis, config.webhooks),
        startSimilarityWorker(config.queueName, conn.redis, similarity.compare),
      ];
      const dispatching = startLoop(dispatchEvents, config.webhooks.dispatchIntervalMs, (err) => log.warn({ err }, 'webhook dispatch failed'));
      const pruning = startLoop(() => store.webhooks.prune(new Date(Date.now() - config.webhooks.retentionDays * DAY_MS)), HOUR_MS, (err) => log.warn({ err }, 'webhook history pruning failed'));
      stopLoops = () => Promise.all([dispatching(), pruning()]).then(() => undefined);
      for (const c of consumers) c.on('error', (err) => log.warn({ err: err.message, queue: c.name }, 'consumer error'));
    },
    stopConsumers,
    async close() {
      await stopConsumers();
      await closeWithin(deadlines.close());
      await closeWithin(practice.close());
      await closeWithin(validations.close());
      await closeWithin(deliveries.close());
      await closeWithin(greenhouseCallbacks.close());
      await closeWithin(comparisons.close());
      await closeWithin(queue.close());
      subscriber.disconnect();
      rateLimitRedis.disconnect();
      await conn.close();
      await store.close();
    },
  };
}
