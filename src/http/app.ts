import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import { actor } from './plugins/app/actor.js';
import { services, type AppServices } from './plugins/app/services.js';
import type { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import type { Registry } from 'prom-client';
import type { Config } from '../config.js';
import { SUBMISSION_LIMITS } from '../submissions/submissionLimits.js';
import { jsonBodyLimit } from './bodyLimit.js';
import { streamSlots } from './plugins/app/streamSlots.js';
import { adminQueues } from './plugins/external/adminQueues.js';
import { loadShedding } from './plugins/external/loadShedding.js';
import { metrics } from './plugins/external/metrics.js';
import { securityHeaders } from './plugins/external/securityHeaders.js';
import { cookies } from './plugins/external/cookies.js';
import { drain } from './plugins/external/drain.js';
import { openApi } from './plugins/external/openapi.js';
import { rateLimits } from './plugins/external/rateLimits.js';
import { registerProblemHandler } from './problemHandler.js';
import { requestSerializer } from './requestLog.js';
import { healthRoutes } from './routes/health.js';
import { greenhouseRoutes } from './routes/integrations/greenhouse.js';
import { v1Routes } from './routes/v1/index.js';
import { webApp } from './plugins/external/webApp.js';

/** Room for the largest valid submission once JSON-escaped (http/bodyLimit.ts). */
const BODY_LIMIT = jsonBodyLimit(SUBMISSION_LIMITS);

/** What the app needs of the infrastructure besides its services (runtime/appServices.ts appInfra). */
export interface AppInfra {
  redis: Redis;
  rateLimitNamespace: string;
  webDir?: string;
  timeouts: Config['timeouts'];
  pressure: Config['pressure'];
  metrics: { registry: Registry; token: string | null };
  /** Bull Board's queues and password; null: not mounted. */
  admin: { queues: Queue[]; password: string } | null;
  /** True while a SIGTERM drains the process: changes are refused with 503. */
  draining?: () => boolean;
}

/** Infrastructure plugins, then the app's (services, the caller), then routes: health, the API under /v1, integrations, and the web app on every other GET. */
export async function buildApp(appServices: AppServices, infra: AppInfra, logger: Logger | false) {
  const app = Fastify({
    // Credentials sent in a query string by mistake must not reach the logs with it.
    loggerInstance: (logger ? logger.child({}, { serializers: { req: requestSerializer } }) : undefined) as FastifyBaseLogger | undefined,
    bodyLimit: BODY_LIMIT,
    // Unique across API processes (Fastify's default counts from 1 in each): workers log it with the run.
    genReqId: () => randomUUID(),
    // Idle and slow connections are closed (Node's timeouts; the check interval makes them prompt).
    connectionTimeout: infra.timeouts.connectionMs,
    keepAliveTimeout: infra.timeouts.keepAliveMs,
    requestTimeout: infra.timeouts.requestMs,
    http: { headersTimeout: infra.timeouts.headersMs, connectionsCheckingInterval: infra.timeouts.checkIntervalMs },
    // Report links carry their signed claim in the path (routes/v1/invitations.ts).
    routerOptions: { maxParamLength: 500 },
    // Reject unknown fields instead of silently dropping them: a typo should be an error.
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // The API speaks JSON only: anything else is a 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  registerProblemHandler(app);
  // Headers first, so a shed or drained request's 503 carries them too.
  await app.register(securityHeaders);
  if (infra.draining) await app.register(drain, { draining: infra.draining });
  await app.register(loadShedding, infra.pressure);
  await app.register(metrics, infra.metrics);
  await app.register(openApi);
  await app.register(cookies);
  await app.register(rateLimits, { redis: infra.redis, nameSpace: infra.rateLimitNamespace });
  await app.register(services, { services: appServices });
  await app.register(actor);
  await app.register(streamSlots);
  if (infra.admin) await app.register(adminQueues, infra.admin);
  await app.register(healthRoutes);
  await app.register(v1Routes, { prefix: '/v1' });
  // Applicant-tracking systems, each in the shape it dictates, apart from the /v1 API.
  await app.register(greenhouseRoutes, { prefix: '/integrations/greenhouse' });
  if (infra.webDir) await app.register(webApp, { root: infra.webDir });
  return app;
}
