import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { makeTestNetwork } from '../support/netns.js';
import { eventually, exited, spawnAssay, stop } from '../support/processes.js';
import { submit, waitForResult } from '../support/submissions.js';
import { startTestService, type TestService } from '../support/testService.js';

const REDIS_PORT = '6390';
let network: ReturnType<typeof makeTestNetwork>;
let redis: ChildProcess;
let worker: ChildProcess | undefined;
let svc: TestService;
const workerDir = mkdtempSync(path.join(os.tmpdir(), 'assay-remote-worker-'));

beforeAll(async () => {
  network = makeTestNetwork();
  // Redis on its own host, listening on both links and nowhere else.
  const [cmd, ...prefix] = network.redis.exec;
  redis = spawn(cmd!, [...prefix, 'redis-server', '--bind', network.addr.redisForRoot, network.addr.redisForWorker, '--port', REDIS_PORT, '--save', '', '--appendonly', 'no', '--protected-mode', 'no'], { stdio: 'ignore' });
  const probe = new Redis(`redis://${network.addr.redisForRoot}:${REDIS_PORT}`, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  await eventually(async () => {
    await probe.connect().catch(() => undefined);
    return probe.ping().then((r) => r === 'PONG', () => false);
  }, 10_000, 'redis on the test host');
  probe.disconnect();
  svc = await startTestService({
    worker: false,
    env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges'), REDIS_URL: `redis://${network.addr.redisForRoot}:${REDIS_PORT}` },
  });
});

afterAll(async () => {
  if (worker) await stop(worker);
  await svc?.close();
  redis?.kill('SIGKILL');
  if (redis) await exited(redis);
  network?.remove();
});

describe('a worker on another host', () => {
  it('grades what the API accepted with nothing but Redis and a Docker engine: no database URL, no database file', async () => {
    // Only what a worker needs, and Redis by the address it has on its own link.
    const env: Record<string, string> = {
      PATH: process.env.PATH!,
      HOME: workerDir,
      REDIS_URL: `redis://${network.addr.redisForWorker}:${REDIS_PORT}`,
      QUEUE_NAME: svc.config.queueName,
      LOG_LEVEL: 'warn',
    };
    worker = spawnAssay('src/workerMain.ts', env, { cwd: workerDir, prefix: network.worker.exec });
    const id = await submit(svc, 'sum-python', [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }]);
    const r = await waitForResult(svc, id, 90_000);
    expect(r).toMatchObject({ status: 'completed', verdict: 'passed', score: { earned: 6, max: 6 } });
    expect(r.tests).toHaveLength(3);
    // The worker wrote nothing where it ran: it never opened a database.
    expect(readdirSync(workerDir)).toEqual([]);
  });

  it('cannot reach the API host\'s own services: its only link leads to the Redis host', async () => {
    const { status } = await new Promise<{ status: number | null }>((resolve) => {
      const p = spawn(network.worker.exec[0]!, [...network.worker.exec.slice(1), 'redis-cli', '-h', '127.0.0.1', '-p', '6379', 'ping'], { stdio: 'ignore' });
      p.once('exit', (status) => resolve({ status }));
    });
    expect(status).not.toBe(0);
  });
});
