import { jobIsLive, startSweeper } from '../../src/queue/sweeper.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateRedis, type PrivateRedis } from '../support/privateRedis.js';
import type { TestService } from '../support/testService.js';
import { expectAllScoredOnce, expectServing, report, runsInProgress, scopeContainers, startFaultService, submitAll } from './faultCase.js';
import { IN_FLIGHT } from './faultSubmissions.js';

/** How long Redis stays down, as the issue has it. */
const DOWN_MS = 5000;
/** The sweeper as `npm start` runs it (main.ts), sooner: what it re-dispatches is what Redis forgot. */
const SWEEP = { everyMs: 2000, graceMs: 10_000 };

describe.each([
  { database: 'sqlite', persistent: true },
  { database: 'postgres', persistent: true },
  // scripts/setup's Redis: killed, it forgets every job, result message and published package.
  { database: 'sqlite', persistent: false },
] as const)('Redis SIGKILLed and restarted after 5 s ($database, persistent: $persistent)', ({ database, persistent }) => {
  let redis: PrivateRedis;
  let svc: TestService | undefined;
  let stopSweeper: (() => void) | undefined;

  beforeAll(async () => {
    redis = await startPrivateRedis({ persistent });
    svc = await startFaultService({ database, env: { REDIS_URL: redis.url } });
    const s = svc;
    stopSweeper = startSweeper((olderThan) => s.rt.services.submissions.requeueStale(olderThan, jobIsLive(s.rt.queue)), SWEEP, () => undefined);
  }, 120_000);
  afterAll(async () => {
    stopSweeper?.();
    await svc?.close();
    await redis?.destroy();
  });

  it(`${IN_FLIGHT} in flight: every one completes once with the score its content deserves`, async () => {
    const s = svc!;
    const started = Date.now();
    const { ids, sent } = await submitAll(s);
    // Some in their sandboxes, most still queued.
    await runsInProgress(s);
    await redis.kill();
    await new Promise((r) => setTimeout(r, DOWN_MS));
    await redis.start();
    const rows = await expectAllScoredOnce(s, ids, sent);
    await expectServing(s);
    report(`redis-kill (${database}, ${persistent ? 'append-only' : 'no persistence'})`, started, rows);
    // Nothing left behind: the service's keys and sandboxes go with it.
    const queue = s.config.queueName;
    stopSweeper?.();
    await s.close();
    svc = undefined;
    expect(await redis.keys(`bull:${queue}*`)).toEqual([]);
    expect(await scopeContainers(s.rt.docker, queue)).toBe(0);
  }, 600_000);
});
