import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/processes.js';
import { startTestService, type TestService } from '../support/testService.js';
import { startReceiver, type Receiver } from '../support/webhookReceiver.js';

// Webhook delivery against a real receiver on 127.0.0.1 that verifies every signature with the
// standardwebhooks library: the invitation events, failures of every kind and the retries that
// outlast them, disabling, rotation, redelivery. The retry schedule is compressed to milliseconds.

const SCHEDULE = [0, 100, 200, 300, 400, 500, 600];
let svc: TestService;
let receiver: Receiver;

beforeAll(async () => {
  svc = await startTestService({
    worker: false,
    env: {
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      WEBHOOK_RETRY_SCHEDULE_MS: SCHEDULE.join(','),
      WEBHOOK_RETRY_JITTER: '0',
      WEBHOOK_TIMEOUT_MS: '400',
      WEBHOOK_DISPATCH_INTERVAL_MS: '50',
    },
  });
  receiver = await startReceiver();
});
afterAll(async () => {
  await svc?.close();
  await receiver?.close();
});

const staff = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => svc.inject({ method, url, payload });

async function endpoint(url: string, eventTypes: string[], r: Receiver | undefined = receiver) {
  const res = await staff('POST', '/v1/webhook-endpoints', { url, eventTypes, description: 'test' });
  expect(res.statusCode, res.body).toBe(201);
  const { endpoint: ep, secret } = res.json();
  r?.state.secrets.push(secret);
  return { id: ep.id as string, secret: secret as string };
}

let assessmentId: string;
async function invite(externalId = `ats-${Math.random()}`, extra: object = {}) {
  if (!assessmentId) {
    const a = await staff('POST', '/v1/assessments', { name: 'Backend', instructions: '', timeLimitMinutes: 30, maxSubmissions: 2, resultVisibility: 'score', challenges: [{ slug: 'sales-report-query', weight: 1 }] });
    expect(a.statusCode, a.body).toBe(201);
    assessmentId = a.json().id;
  }
  const inv = await staff('POST', `/v1/assessments/${assessmentId}/invitations`, { candidate: { name: 'Ada', email: 'ada@example.com', externalId }, ...extra });
  expect(inv.statusCode, inv.body).toBe(201);
  return { id: inv.json().invitation.id as string, token: inv.json().token as string, externalId };
}

const arrived = (r: Receiver, pred: (x: Receiver['received'][number]) => boolean, what: string, ms = 10_000) =>
  eventually(async () => r.received.some((x) => x.verified && pred(x)), ms, what).then(() => r.received.find((x) => x.verified && pred(x))!);
const attempts = async (id: string) => (await staff('GET', `/v1/webhook-endpoints/${id}/attempts`)).json().items as { eventId: string; statusCode: number | null; succeeded: boolean; response: string; at: string }[];

describe('webhook endpoints', () => {
  it('are managed by admins; the secret is shown once, never listed', async () => {
    const { id, secret } = await endpoint('https://example.com/hooks', ['invitation.created'], undefined);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    const listed = await staff('GET', '/v1/webhook-endpoints');
    expect(listed.json().items.find((e: { id: string }) => e.id === id)).toMatchObject({ url: 'https://example.com/hooks', enabled: true, eventTypes: ['invitation.created'] });
    expect(listed.body).not.toContain(secret);
    const key = await svc.org.keyWith(['assessments:write', 'results:read']);
    const refused = await svc.app.inject({ method: 'GET', url: '/v1/webhook-endpoints', headers: { authorization: `Bearer ${key}` } });
    expect(refused.statusCode).toBe(403);
    expect((await staff('POST', '/v1/webhook-endpoints', { url: 'ftp://example.com/x', eventTypes: ['invitation.created'] })).statusCode).toBe(400);
    expect((await staff('PATCH', `/v1/webhook-endpoints/${id}`, { enabled: false })).json()).toMatchObject({ enabled: false });
    expect((await staff('DELETE', `/v1/webhook-endpoints/${id}`)).statusCode).toBe(204);
    expect((await staff('GET', `/v1/webhook-endpoints/${id}`)).statusCode).toBe(404);
    const audit = (await svc.app.inject({ method: 'GET', url: '/v1/audit-log', headers: { authorization: `Bearer ${svc.org.key}` } }));
    expect(audit.statusCode).toBe(403); // API keys cannot read the audit log; the entries are checked through the store
    const entries = await svc.rt.store.audit.list(svc.org.id, 50);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['webhook_endpoint.created', 'webhook_endpoint.changed', 'webhook_endpoint.deleted']));
  });
});

describe('invitation events', () => {
  it('arrive signed, in the Standard Webhooks shape, with the platform\'s external id', async () => {
    await endpoint(receiver.url, ['invitation.created', 'invitation.started', 'invitation.cancelled', 'invitation.expired']);
    const a = await invite('ats-1');
    const created = await arrived(receiver, (r) => r.body.type === 'invitation.created' && r.body.data.invitationId === a.id, 'invitation.created');
    expect(created.body).toEqual({ type: 'invitation.created', timestamp: expect.any(String), data: expect.objectContaining({ invitationId: a.id, assessmentId, externalId: 'ats-1', validUntil: expect.any(String) }) });
    expect(created.id).toMatch(/^msg_/);
    expect(created.headers['webhook-signature']).toMatch(/^v1,/);

    const start = await svc.app.inject({ method: 'POST', url: '/v1/candidate/start', headers: { authorization: `Bearer ${a.token}` } });
    expect(start.statusCode, start.body).toBe(200);
    const started = await arrived(receiver, (r) => r.body.type === 'invitation.started' && r.body.data.invitationId === a.id, 'invitation.started');
    expect(started.body.data).toMatchObject({ externalId: 'ats-1', startedAt: start.json().startedAt, deadline: start.json().deadline });

    expect((await staff('POST', `/v1/invitations/${a.id}/cancel`)).statusCode).toBe(200);
    const cancelled = await arrived(receiver, (r) => r.body.type === 'invitation.cancelled' && r.body.data.invitationId === a.id, 'invitation.cancelled');
    expect(cancelled.body.data).toMatchObject({ externalId: 'ats-1', cancelledAt: expect.any(String) });

    // Nobody opens this one: it expires by itself when its window ends, and says so.
    const b = await invite('ats-2', { validUntil: new Date(Date.now() + 1500).toISOString() });
    const expired = await arrived(receiver, (r) => r.body.type === 'invitation.expired' && r.body.data.invitationId === b.id, 'invitation.expired', 15_000);
    expect(expired.body.data).toMatchObject({ externalId: 'ats-2' });
    expect((await staff('GET', `/v1/invitations/${b.id}`)).json().state).toBe('expired');
    expect(receiver.received.every((r) => r.verified)).toBe(true);
  });
});

describe('delivery that never loses an event', () => {
  it('retries 500s, timeouts and refused connections on the schedule until the receiver is back, and the receiver sees each event once', async () => {
    const r = await startReceiver();
    const { id } = await endpoint(r.url, ['invitation.created'], r);
    let calls = 0;
    r.state.reply = () => {
      calls++;
      if (calls === 1) return { status: 500, body: 'boom' };
      if (calls === 2) return { status: 200, delayMs: 1000 }; // past WEBHOOK_TIMEOUT_MS: a failure
      return { status: 200 };
    };
    const first = await invite();
    await arrived(r, (x) => x.body.data.invitationId === first.id && calls >= 3, 'third attempt');
    await eventually(async () => (await attempts(id)).some((a) => a.succeeded), 5000, 'success logged');
    const log = (await attempts(id)).reverse();
    expect(log.map((a) => a.statusCode)).toEqual([500, null, 200]);
    expect(log[0]!.response).toBe('boom');
    expect(log[1]!.response).toMatch(/no response within 400 ms/);
    // The log pages: ?limit gives the newest attempts only, and a bad limit is a problem, not a 500.
    const newest = (await staff('GET', `/v1/webhook-endpoints/${id}/attempts?limit=1`)).json().items;
    expect(newest.map((a: { statusCode: number }) => a.statusCode)).toEqual([200]);
    const bad = await staff('GET', `/v1/webhook-endpoints/${id}/attempts?limit=0`);
    expect([bad.statusCode, bad.headers['content-type']]).toEqual([400, 'application/problem+json; charset=utf-8']);
    // The delays follow the schedule: 100 ms after the first, 200 ms after the second (plus the timeout).
    const gaps = log.slice(1).map((a, i) => new Date(a.at).getTime() - new Date(log[i]!.at).getTime());
    expect(gaps[0]).toBeGreaterThanOrEqual(100);
    expect(gaps[1]).toBeGreaterThanOrEqual(400 + 200);

    // A long outage: the receiver is gone (connections refused) while events happen, then comes back.
    await r.close();
    const during = await Promise.all([invite(), invite(), invite()]);
    await new Promise((res) => setTimeout(res, 700));
    const back = await startReceiver(r.state.secrets, r.port);
    await eventually(async () => during.every((d) => back.unique().some((x) => x.body.data.invitationId === d.id)), 10_000, 'every event after the outage');
    expect(back.unique().length).toBe(back.received.length);
    const refused = (await attempts(id)).filter((a) => a.statusCode === null && /ECONNREFUSED/.test(a.response));
    expect(refused.length).toBeGreaterThanOrEqual(3);
    await back.close();
  });

  it('honours Retry-After, follows no redirect, and keeps the webhook-id across retries', async () => {
    const r = await startReceiver();
    await endpoint(r.url, ['invitation.created'], r);
    let calls = 0;
    r.state.reply = (x) => {
      if (x.path !== '/hooks') return { status: 200 };
      calls++;
      if (calls === 1) return { status: 503, headers: { 'retry-after': '1' } };
      if (calls === 2) return { status: 302, headers: { location: `http://127.0.0.1:${r.port}/elsewhere` } };
      return { status: 200 };
    };
    const inv = await invite();
    await eventually(async () => calls >= 3, 10_000, 'three attempts');
    const mine = r.received.filter((x) => x.body?.data.invitationId === inv.id);
    expect(mine.map((x) => x.path)).toEqual(['/hooks', '/hooks', '/hooks']);
    expect(new Set(mine.map((x) => x.id)).size).toBe(1);
    expect(mine[1]!.at - mine[0]!.at).toBeGreaterThanOrEqual(1000);
    await r.close();
  });

  it('disables an endpoint that answers 410, telling the organisation by event and audit log', async () => {
    const r = await startReceiver();
    const watcher = await startReceiver();
    const { id } = await endpoint(r.url, ['invitation.created'], r);
    await endpoint(watcher.url, ['webhook_endpoint.disabled'], watcher);
    r.state.reply = () => ({ status: 410 });
    await invite();
    const told = await arrived(watcher, (x) => x.body.type === 'webhook_endpoint.disabled' && x.body.data.endpointId === id, 'disabled event');
    expect(told.body.data).toMatchObject({ reason: 'gone', url: r.url });
    expect((await staff('GET', `/v1/webhook-endpoints/${id}`)).json()).toMatchObject({ enabled: false, disabledReason: 'gone' });
    expect(r.received.length).toBe(1);
    const entries = await svc.rt.store.audit.list(svc.org.id, 100);
    expect(entries.find((e) => e.action === 'webhook_endpoint.disabled' && e.target === `webhook-endpoint:${id}`)).toMatchObject({ actor: 'system:webhooks', details: { reason: 'gone' } });
    await r.close();
    await watcher.close();
  });

  it('disables an endpoint that fails for the whole schedule, and redelivers what failed once it is enabled again', async () => {
    const r = await startReceiver();
    const { id } = await endpoint(r.url, ['invitation.created'], r);
    r.state.reply = () => ({ status: 500 });
    const inv = await invite();
    await eventually(async () => (await staff('GET', `/v1/webhook-endpoints/${id}`)).json().enabled === false, 15_000, 'disabled');
    expect((await staff('GET', `/v1/webhook-endpoints/${id}`)).json().disabledReason).toBe('failing');
    expect(r.received.filter((x) => x.body.data.invitationId === inv.id).length).toBe(SCHEDULE.length);

    r.state.reply = () => ({ status: 200 });
    expect((await staff('PATCH', `/v1/webhook-endpoints/${id}`, { enabled: true })).json()).toMatchObject({ enabled: true, disabledReason: null });
    const since = new Date(Date.now() - 60_000).toISOString();
    const redo = await staff('POST', `/v1/webhook-endpoints/${id}/redeliver`, { since });
    expect(redo.statusCode, redo.body).toBe(202);
    expect(redo.json().deliveries).toBe(1);
    await eventually(async () => (await attempts(id)).some((a) => a.succeeded), 5000, 'redelivered');
    const copies = r.received.filter((x) => x.body.data.invitationId === inv.id);
    expect(new Set(copies.map((x) => x.id)).size).toBe(1);

    // One event again, by its id, even though it succeeded.
    const eventId = copies[0]!.id;
    expect((await staff('POST', `/v1/webhook-endpoints/${id}/redeliver`, { eventId })).json().deliveries).toBe(1);
    await eventually(async () => r.received.filter((x) => x.id === eventId).length === SCHEDULE.length + 2, 5000, 'sent again');
    expect((await staff('POST', `/v1/webhook-endpoints/${id}/redeliver`, { eventId: 'msg_nope' })).statusCode).toBe(404);
    await r.close();
  });
});

describe('secret rotation', () => {
  it('signs with the old and the new secret during the overlap, then with the new one only', async () => {
    const r = await startReceiver();
    const { id, secret: old } = await endpoint(r.url, ['invitation.created'], r);
    const rotated = await staff('POST', `/v1/webhook-endpoints/${id}/rotate-secret`, { overlapMinutes: 60 });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const fresh = rotated.json().secret as string;
    expect(fresh).not.toBe(old);
    r.state.secrets = [old]; // a receiver not yet told the new secret
    const a = await invite();
    const during = await arrived(r, (x) => x.body.data.invitationId === a.id, 'during the overlap');
    expect((during.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);

    r.state.secrets = [fresh]; // switched over
    const b = await invite();
    await arrived(r, (x) => x.body.data.invitationId === b.id, 'with the new secret');

    // No overlap: the old secret no longer verifies anything.
    const again = (await staff('POST', `/v1/webhook-endpoints/${id}/rotate-secret`, { overlapMinutes: 0 })).json().secret as string;
    r.state.secrets = [fresh];
    const c = await invite();
    await eventually(async () => r.received.some((x) => x.body?.data.invitationId === c.id), 5000, 'sent');
    const signed = r.received.find((x) => x.body?.data.invitationId === c.id)!;
    expect(signed.verified).toBe(false);
    expect((signed.headers['webhook-signature'] as string).split(' ')).toHaveLength(1);
    r.state.secrets = [again];
    await r.close();
  });
});
