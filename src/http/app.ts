import Fastify, { type FastifyBaseLogger } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Queue } from 'bullmq';
import type Docker from 'dockerode';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { EventHub } from '../events/eventHub.js';
import type { SubmissionJob } from '../queue/submissionQueue.js';
import type { ServerLimits } from '../sandbox/limits.js';
import { registerProblemHandler } from './problemHandler.js';
import { challengeRoutes } from './routes/challenges.js';
import { healthRoutes } from './routes/health.js';
import { submissionEventRoutes } from './routes/submissionEvents.js';
import { submissionRoutes } from './routes/submissions.js';

/** What the routes use; made once by the caller (main.ts, or a test) and shared. */
export interface AppDeps {
  db: Db;
  queue: Queue<SubmissionJob>;
  events: EventHub;
  redis: Redis;
  docker: Docker;
  serverLimits: ServerLimits;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** Room for the largest valid submission (1 MiB of files) once JSON-escaped. */
const BODY_LIMIT = 4 * 1024 * 1024;

export async function buildApp(deps: AppDeps, logger: Logger | false) {
  const app = Fastify({
    loggerInstance: (logger || undefined) as FastifyBaseLogger | undefined,
    bodyLimit: BODY_LIMIT,
    // Reject unknown fields instead of silently dropping them: a typo should be an error.
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('deps', deps);
  // The API speaks JSON only: anything else is a 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  registerProblemHandler(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Assay', version: '1', description: 'Submit solutions to backend challenges and read their scores.' },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes);
  await app.register(challengeRoutes);
  await app.register(submissionRoutes);
  await app.register(submissionEventRoutes);
  return app;
}
