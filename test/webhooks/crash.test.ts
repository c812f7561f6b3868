import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openApiRuntime, type ApiRuntime } from '../../src/runtime/apiRuntime.js';
import type { OrgActor } from '../../src/tenancy/actor.js';
import { seedOrganisation, type SeededOrganisation } from '../support/organisations.js';
import { eventually, exited, freePort, spawnAssay, stop } from '../support/processes.js';
import { createSqliteDatabase, removeQueueKeys, testQueueName, TEST_REDIS_URL } from '../support/testEnv.js';
import { startReceiver, type Receiver } from '../support/webhookReceiver.js';

// The real service in its own process, killed (SIGKILL) while a delivery is in flight, and events
// written while no API process runs: when an API process is back, every event arrives, and the
// receiver's view deduplicated on webhook-id has each once.

const database = createSqliteDatabase();
const queueName = testQueueName();
const env = {
  ...(process.env as Record<string, string>),
  DATABASE_URL: database.url,
  REDIS_URL: TEST_REDIS_URL,
  QUEUE_NAME: queueName,
  RUN_WORKER: 'false',
  LOG_LEVEL: 'warn',
  WORKER_LOCK_MS: '2000',
  WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
  WEBHOOK_RETRY_SCHEDULE_MS: '0,200,400,800',
  WEBHOOK_TIMEOUT_MS: '60000',
  WEBHOOK_DISPATCH_INTERVAL_MS: '100',
};
let rt: ApiRuntime;
let org: SeededOrganisation;
let receiver: Receiver;
let api: ChildProcess | undefined;
let base: string;

async function startApi(): Promise<void> {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const child = spawnAssay('src/main.ts', { ...env, PORT: String(port) });
  api = child;
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error('the API exited during start-up');
    return fetch(`${base}/readyz`).then((r) => r.ok, () => false);
  }, 60_000, 'API ready');
}

beforeAll(async () => {
  // A runtime of the test's own, never started: it writes as an API process would, and dispatches nothing.
  rt = await openApiRuntime(loadConfig({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_NAME: queueName, LOG_LEVEL: 'silent' }));
  org = await seedOrganisation(rt, 'crashy');
  receiver = await startReceiver();
});
afterAll(async () => {
  if (api) await stop(api);
  await receiver?.close();
  await rt?.close();
  const redis = new Redis(TEST_REDIS_URL);
  await removeQueueKeys(redis, queueName);
  redis.disconnect();
});

const call = (method: string, path: string, body?: object) =>
  fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${org.key}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body) }).then(async (r) => ({ status: r.status, json: (await r.json()) as { id: string; secret: string; endpoint: { id: string } } }));

describe('an API process killed mid-delivery', () => {
  it('loses nothing: the delivery in flight is retaken, and events written while it was down go out', async () => {
    await startApi();
    const ep = await call('POST', '/v1/webhook-endpoints', { url: receiver.url, eventTypes: ['invitation.created', 'invitation.cancelled'] });
    expect(ep.status).toBe(201);
    receiver.state.secrets.push(ep.json.secret);
    const assessment = await call('POST', '/v1/assessments', { name: 'A', instructions: '', timeLimitMinutes: 30, maxSubmissions: 1, resultVisibility: 'none', challenges: [{ slug: 'sales-report-query', weight: 1 }] });
    expect(assessment.status).toBe(201);

    // The receiver holds the first request open; the API dies while waiting for it.
    receiver.state.reply = () => ({ hang: true });
    const first = await call('POST', `/v1/assessments/${assessment.json.id}/invitations`, { candidate: { name: 'A', email: 'a@example.com', externalId: 'first' } });
    expect(first.status).toBe(201);
    await eventually(async () => receiver.received.length === 1, 10_000, 'first request in flight');
    api!.kill('SIGKILL');
    await exited(api!);
    api = undefined;

    // While no API process runs, state changes still commit, each with its event in the outbox.
    const owner = (await rt.store.members.get(org.id, org.members.owner.id))!;
    const actor: OrgActor = { kind: 'member', ownerId: org.id, memberId: owner.id, role: 'owner' };
    const second = await rt.services.invitations.create(actor, assessment.json.id, { candidate: { name: 'B', email: 'b@example.com', externalId: 'second' } });
    await rt.services.invitations.cancel(actor, second.invitation.id);
    expect((await rt.store.outbox.undispatched(10)).map((e) => e.type)).toEqual(['invitation.created', 'invitation.cancelled']);

    receiver.state.reply = () => ({ status: 200 });
    await startApi();
    const want = [['invitation.created', 'first'], ['invitation.created', 'second'], ['invitation.cancelled', 'second']];
    // Assay counts an event delivered once the receiver answered 2xx: the request the dead process
    // sent got no answer, so it is sent again (with the same webhook-id).
    const delivered = async () => (await rt.store.webhooks.attempts(org.id, ep.json.endpoint.id, 50)).filter((a) => a.succeeded).map((a) => a.eventId);
    await eventually(async () => new Set(await delivered()).size === 3, 20_000, 'every event delivered');
    expect(want.every(([type, ext]) => receiver.unique().some((r) => r.body.type === type && r.body.data.externalId === ext))).toBe(true);
    expect(receiver.unique()).toHaveLength(3);
    const firsts = receiver.received.filter((r) => r.body.data.externalId === 'first');
    expect(firsts.length).toBe(2);
    expect(new Set(firsts.map((r) => r.id)).size).toBe(1);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
  });
});
