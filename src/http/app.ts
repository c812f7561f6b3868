import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import { actor } from './plugins/app/actor.js';
import { services, type AppServices } from './plugins/app/services.js';
import type { Redis } from 'ioredis';
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

/** Room for the largest valid submission (1 MiB of files) once JSON-escaped. */
const BODY_LIMIT = 4 * 1024 * 1024;

/** Infrastructure plugins, then the app's (services, the caller), then routes: health, the API under /v1, integrations, and the web app on every other GET. */
export async function buildApp(appServices: AppServices, infra: { redis: Redis; rateLimitNamespace: string; webDir?: string; draining?: () => boolean }, logger: Logger | false) {
  const app = Fastify({
    // Credentials sent in a query string by mistake must not reach the logs with it.
    loggerInstance: (logger ? logger.child({}, { serializers: { req: requestSerializer } }) : undefined) as FastifyBaseLogger | undefined,
    bodyLimit: BODY_LIMIT,
    // Report links carry their signed claim in the path (routes/v1/invitations.ts).
    routerOptions: { maxParamLength: 500 },
    // Reject unknown fields instead of silently dropping them: a typo should be an error.
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // The API speaks JSON only: anything else is a 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  registerProblemHandler(app);
  if (infra.draining) await app.register(drain, { draining: infra.draining });
  await app.register(openApi);
  await app.register(cookies);
  await app.register(rateLimits, { redis: infra.redis, nameSpace: infra.rateLimitNamespace });
  await app.register(services, { services: appServices });
  await app.register(actor);
  await app.register(healthRoutes);
  await app.register(v1Routes, { prefix: '/v1' });
  // Applicant-tracking systems, each in the shape it dictates, apart from the /v1 API.
  await app.register(greenhouseRoutes, { prefix: '/integrations/greenhouse' });
  if (infra.webDir) await app.register(webApp, { root: infra.webDir });
  return app;
}
