import fp from 'fastify-plugin';
import type { ChallengeService } from '../../../challenges/challengeService.js';
import type { EventHub } from '../../../events/eventHub.js';
import type { ServerLimits } from '../../../sandbox/limits.js';
import type { SubmissionService } from '../../../submissions/submissionService.js';

/** What the routes use; made once by the composition root (runtime/apiRuntime.ts) and shared. */
export interface AppServices {
  submissions: SubmissionService;
  challenges: ChallengeService;
  events: EventHub;
  serverLimits: ServerLimits;
  /** Liveness of what the API depends on, for /readyz. */
  probes: { redis: () => Promise<unknown>; database: () => Promise<unknown>; docker: () => Promise<unknown> };
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
  }
}

export const services = fp<{ services: AppServices }>(async (app, opts) => {
  app.decorate('services', opts.services);
});
