import type { AppServices } from '../http/plugins/app/services.js';
import type { ApiRuntime } from './apiRuntime.js';

/** What the HTTP app is given of an API runtime. */
export const appServices = (rt: ApiRuntime): AppServices => ({
  ...rt.services,
  events: rt.events,
  serverLimits: rt.config.sandbox,
  practiceLimit: rt.config.practice,
  cookieSecure: rt.config.http.cookieSecure,
  probes: { redis: () => rt.redis.ping(), database: () => rt.store.ping(), docker: () => rt.docker.ping() },
});

/** The shared infrastructure the HTTP app uses directly: Redis for rate-limit counts, under the queue's key space; the built web app. */
export const appInfra = (rt: ApiRuntime) => ({ redis: rt.redis, rateLimitNamespace: `bull:${rt.config.queueName}:rate-limit:`, webDir: rt.config.webDir });
