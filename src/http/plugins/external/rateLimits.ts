import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { TooManyRequestsError } from '../../../errors/TooManyRequestsError.js';

/**
 * Rate limiting, counted in Redis so every API process shares the counts. Nothing is limited by
 * default; routes opt in (sign-in: per address and per account; submissions: per client, http/clientKey.ts).
 */
export const rateLimits = fp<{ redis: Redis; nameSpace: string }>(async (app, opts) => {
  await app.register(rateLimit, {
    global: false,
    redis: opts.redis,
    nameSpace: opts.nameSpace,
    // Redis unreachable: requests go uncounted rather than fail; a submit is then refused by the queue cap's 503.
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new TooManyRequestsError(`Too many requests; retry in ${context.after}.`, { headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) } }),
  });
});
