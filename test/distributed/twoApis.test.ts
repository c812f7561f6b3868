import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { repoRoot } from '../../src/repoRoot.js';
import { openApiRuntime } from '../../src/runtime/apiRuntime.js';
import { seedOrganisation } from '../support/organisations.js';
import { eventually, freePort, spawnAssay, stop } from '../support/processes.js';
import { readStream } from '../support/sse.js';
import { createPostgresDatabase, removeQueueKeys, testQueueName, TEST_REDIS_URL, type TestDatabase } from '../support/testEnv.js';

// Two API processes and a worker process, sharing nothing but PostgreSQL and Redis.
let database: TestDatabase;
const queueName = testQueueName();
const children: ChildProcess[] = [];
let apiA: string;
let apiB: string;
let key: string;
const auth = () => ({ authorization: `Bearer ${key}` });

beforeAll(async () => {
  database = await createPostgresDatabase();
  const env = {
    ...(process.env as Record<string, string>),
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_NAME: queueName,
    CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges'),
    RUN_WORKER: 'false',
    LOG_LEVEL: 'warn',
  };
  const [portA, portB] = [await freePort(), await freePort()];
  apiA = `http://127.0.0.1:${portA}`;
  apiB = `http://127.0.0.1:${portB}`;
  children.push(spawnAssay('src/main.ts', { ...env, PORT: String(portA) }), spawnAssay('src/main.ts', { ...env, PORT: String(portB) }));
  children.push(spawnAssay('src/workerMain.ts', env));
  const ready = async (api: string) => {
    if (children.some((c) => c.exitCode !== null)) throw new Error('an Assay process exited during start-up');
    return fetch(`${api}/readyz`).then((r) => r.ok, () => false);
  };
  for (const api of [apiA, apiB]) await eventually(() => ready(api), 60_000, `${api} ready`);
  key = await keyFor(database.url);
});

afterAll(async () => {
  await Promise.all(children.map(stop));
  // The processes are gone: nothing writes to the queues any more, so their keys can simply go.
  const redis = new Redis(TEST_REDIS_URL);
  await removeQueueKeys(redis, queueName);
  redis.disconnect();
  await database?.drop();
});

describe('several API processes', () => {
  it('see each other\'s submissions: an SSE client of one follows a run submitted to the other to its end', async () => {
    const res = await fetch(`${apiA}/v1/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      // Slow enough that the client below is connected before the run ends.
      body: JSON.stringify({ challenge: 'sum-python', files: [{ path: 'calc.py', content: 'import time\n\ndef add(a, b):\n    time.sleep(0.5)\n    return a + b\n' }] }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const events = await readStream(await fetch(`${apiB}/v1/submissions/${id}/events`, { headers: auth() }));
    const names = events.map((e) => e.event);
    expect(['queued', 'running']).toContain(names[0]);
    expect(names.filter((n) => n === 'test')).toHaveLength(3);
    expect(names.at(-1)).toBe('completed');
    expect(events.at(-1)!.data).toMatchObject({ id, status: 'completed', verdict: 'passed', score: { earned: 6, max: 6 } });
    // And the first process reads the same stored result.
    expect(await (await fetch(`${apiA}/v1/submissions/${id}`, { headers: auth() })).json()).toMatchObject({ status: 'completed', score: { earned: 6, max: 6 } });
  });

  it('answer the same Idempotency-Key with the same submission, whichever process is asked', async () => {
    const send = (api: string) =>
      fetch(`${api}/v1/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'shared-key', ...auth() },
        body: JSON.stringify({ challenge: 'sum-python', files: [{ path: 'calc.py', content: 'def add(a, b):\n    return a - b\n' }] }),
      });
    const [a, b] = await Promise.all([send(apiA), send(apiB)]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(((await a.json()) as { id: string }).id).toBe(((await b.json()) as { id: string }).id);
  });
});

/** An organisation and an API key, made in the processes' shared database through the services. */
async function keyFor(url: string): Promise<string> {
  const rt = await openApiRuntime(loadConfig({ DATABASE_URL: url, REDIS_URL: TEST_REDIS_URL, QUEUE_NAME: queueName, LOG_LEVEL: 'silent' }));
  try {
    return (await seedOrganisation(rt, 'two-apis')).key;
  } finally {
    await rt.close();
  }
}
