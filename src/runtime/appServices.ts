import type { AppServices } from '../http/plugins/app/services.js';
import type { ApiRuntime } from './apiRuntime.js';

/** What the HTTP app is given of an API runtime. */
export const appServices = (rt: ApiRuntime): AppServices => ({
  ...rt.services,
  events: rt.events,
  serverLimits: rt.config.sandbox,
  probes: { redis: () => rt.redis.ping(), database: () => rt.store.ping(), docker: () => rt.docker.ping() },
});
