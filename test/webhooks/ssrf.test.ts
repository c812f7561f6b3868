import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/processes.js';
import { startTestService, type TestService } from '../support/testService.js';
import { startReceiver, type Receiver } from '../support/webhookReceiver.js';

// With the default configuration, webhook URLs that name or resolve to loopback, private,
// link-local or metadata addresses are refused at delivery time, after DNS: a live receiver on
// 127.0.0.1 never hears a thing, however its address is spelled.

let svc: TestService;
let receiver: Receiver;

beforeAll(async () => {
  svc = await startTestService({ worker: false, env: { WEBHOOK_RETRY_SCHEDULE_MS: '0,50', WEBHOOK_DISPATCH_INTERVAL_MS: '50', WEBHOOK_CONNECT_TIMEOUT_MS: '500' } });
  receiver = await startReceiver();
});
afterAll(async () => {
  await svc?.close();
  await receiver?.close();
});

describe('unsafe webhook destinations', () => {
  it('are refused after DNS resolution, logged, and never reached', async () => {
    const urls = [receiver.url, `http://localhost:${receiver.port}/hooks`, `http://[::1]:${receiver.port}/hooks`, `http://127.1:${receiver.port}/hooks`, 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/hooks'];
    const ids: string[] = [];
    for (const url of urls) {
      const res = await svc.inject({ method: 'POST', url: '/v1/webhook-endpoints', payload: { url, eventTypes: ['invitation.created'] } });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().endpoint.id);
    }
    const a = await svc.inject({ method: 'POST', url: '/v1/assessments', payload: { name: 'A', instructions: '', timeLimitMinutes: 30, maxSubmissions: 1, resultVisibility: 'none', challenges: [{ slug: 'sales-report-query', weight: 1 }] } });
    expect((await svc.inject({ method: 'POST', url: `/v1/assessments/${a.json().id}/invitations`, payload: { candidate: { name: 'A', email: 'a@example.com' } } })).statusCode).toBe(201);
    const attempts = async (id: string) => (await svc.inject({ method: 'GET', url: `/v1/webhook-endpoints/${id}/attempts` })).json().items as { statusCode: number | null; response: string }[];
    await eventually(async () => (await Promise.all(ids.map(attempts))).every((log) => log.length === 2), 10_000, 'both attempts of every endpoint');
    for (const [i, id] of ids.entries()) {
      for (const attempt of await attempts(id)) {
        expect(attempt.statusCode, urls[i]).toBeNull();
        expect(attempt.response, urls[i]).toMatch(/^RefusedDestinationError: .*(may not reach)/);
      }
    }
    expect((await attempts(ids[1]!))[0]!.response).toMatch(/localhost resolves to (127\.0\.0\.1|::1)/);
    expect(receiver.received).toEqual([]);
  });
});
