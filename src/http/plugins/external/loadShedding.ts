import underPressure from '@fastify/under-pressure';
import fp from 'fastify-plugin';
import { ServiceUnavailableError } from '../../../errors/ServiceUnavailableError.js';

/** When this process is overloaded (event-loop delay, heap), requests get 503 + Retry-After before any work is done. */
export const loadShedding = fp<{ maxEventLoopDelayMs: number; maxHeapUsedBytes: number; retryAfterS: number }>(async (app, opts) => {
  await app.register(underPressure, {
    maxEventLoopDelay: opts.maxEventLoopDelayMs,
    maxHeapUsedBytes: opts.maxHeapUsedBytes,
    retryAfter: opts.retryAfterS,
    pressureHandler: (_request, _reply, type, value) => {
      throw new ServiceUnavailableError(`The server is overloaded (${type}: ${value}); retry later.`, { headers: { 'retry-after': String(opts.retryAfterS) } });
    },
  });
});
