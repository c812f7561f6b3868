import type { AppInfra } from '../http/app.js';
import type { AppServices } from '../http/plugins/app/services.js';
import type { ApiRuntime } from './apiRuntime.js';

/** What the HTTP app is given of an API runtime. */
export const appServices = (rt: ApiRuntime): AppServices => ({
  ...rt.services,
  events: rt.events,
  serverLimits: rt.config.sandbox,
  practiceLimit: rt.config.practice,
  admission: rt.config.admission,
  cookieSecure: rt.config.http.cookieSecure,
  probes: { redis: () => rt.redis.ping(), database: () => rt.store.ping(), docker: () => rt.docker.ping() },
});

/** The shared infrastructure the HTTP app uses directly: Redis for rate-limit counts, under the queue's key space; the built web app; server timeouts and load shedding; metrics; Bull Board's queues. */
export const appInfra = (rt: ApiRuntime): AppInfra => ({
  redis: rt.rateLimitRedis,
  rateLimitNamespace: `bull:${rt.config.queueName}:rate-limit:`,
  webDir: rt.config.webDir,
  timeouts: rt.config.timeouts,
  pressure: rt.config.pressure,
  metrics: { registry: rt.metrics, token: rt.config.metrics.token },
  admin: rt.config.adminPassword === null ? null : { queues: [rt.queue, rt.results, rt.reports, rt.deadlines, rt.deliveries, rt.greenhouseCallbacks], password: rt.config.adminPassword },
});
