import fp from 'fastify-plugin';
import { ServiceUnavailableError } from '../../../errors/ServiceUnavailableError.js';

/** Seconds a client is told to wait: by then another process (or this one, restarted) takes requests. */
const RETRY_AFTER_S = '5';
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * While the process shuts down (SIGTERM, shutdown.ts), nothing new is taken in: every request that
 * would change something gets a 503 problem+json with Retry-After; reads are still answered, so
 * clients can follow the runs that are finishing.
 */
export const drain = fp<{ draining: () => boolean }>(async (app, opts) => {
  app.addHook('onRequest', async (request) => {
    if (opts.draining() && !READS.has(request.method)) {
      throw new ServiceUnavailableError('the service is shutting down; retry shortly', { headers: { 'retry-after': RETRY_AFTER_S } });
    }
  });
});
