import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { ServiceUnavailableError } from '../errors/ServiceUnavailableError.js';
import type { SubmissionJob } from './submissionJob.js';
import { withTimeout } from './withTimeout.js';

/** Redis must not hang a submit (as in submissionQueue.ts): no answer in this long is a 503. */
const REDIS_TIMEOUT_MS = 3000;
/** A reservation outlives a stuck submit (database write + the 3 s enqueue timeout) by a margin, then lapses. */
const RESERVATION_MS = 30_000;

/**
 * Counts the queue's unfinished jobs plus the reservations of submits in progress and, below the
 * cap, adds one: a single script, so several API processes can never together admit past it.
 */
const RESERVE = `
redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', tonumber(ARGV[3]) - tonumber(ARGV[4]))
local n = redis.call('LLEN', KEYS[1]) + redis.call('LLEN', KEYS[2])
  + redis.call('ZCARD', KEYS[3]) + redis.call('ZCARD', KEYS[4]) + redis.call('ZCARD', KEYS[5])
if n >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[5], ARGV[3], ARGV[2])
redis.call('PEXPIRE', KEYS[5], ARGV[4])
return 1
`;

/** Takes a slot for submission `id` or throws 503; the returned release is called once its job is queued (or given up). */
export type Admit = (id: string) => Promise<() => Promise<void>>;

/** The server-wide cap on queued submissions (SUBMISSIONS_MAX_QUEUED), shared through Redis. */
export function queueAdmission(queue: Queue<SubmissionJob>, redis: Redis, opts: { maxQueued: number; retryAfterS: number }): Admit {
  const reservations = queue.toKey('admission');
  // BullMQ's unfinished jobs: the wait and active lists (a paused queue keeps its jobs in wait), the prioritized and delayed sets.
  const keys = [queue.toKey('wait'), queue.toKey('active'), queue.toKey('prioritized'), queue.toKey('delayed'), reservations];
  return async (id) => {
    const admitted = await withTimeout(redis.eval(RESERVE, keys.length, ...keys, opts.maxQueued, id, Date.now(), RESERVATION_MS), REDIS_TIMEOUT_MS, `no answer from Redis in ${REDIS_TIMEOUT_MS} ms`).catch((err: unknown) => {
      throw new ServiceUnavailableError('The submission queue is unavailable; retry later with the same Idempotency-Key.', { cause: err, headers: { 'retry-after': '5' } });
    });
    if (admitted !== 1) {
      throw new ServiceUnavailableError(`The queue holds ${opts.maxQueued} submissions, its limit; retry later.`, { headers: { 'retry-after': String(opts.retryAfterS) } });
    }
    return async () => {
      // Left to lapse if Redis is gone meanwhile: the answer must not wait for it.
      await withTimeout(redis.zrem(reservations, id), REDIS_TIMEOUT_MS, 'zrem').catch(() => undefined);
    };
  };
}
