import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { eventually } from '../support/processes.js';
import { startTestService, type TestService } from '../support/testService.js';
import { startReceiver, type Receiver } from '../support/webhookReceiver.js';

// One real graded submission (Docker) carries the events that need a score: submission.completed,
// then invitation.completed with the whole result. The invitation is sent through the Greenhouse
// adapter, so the same run proves that flow end to end against a fake Greenhouse that checks what
// it receives and then asks test_status for the result, as Greenhouse does.

let svc: TestService;
let receiver: Receiver;
let assay: string;
let greenhouse: Server;
let greenhouseUrl: string;
const callbacks: { method: string; contentType: string | undefined; body: Record<string, unknown>; status: Record<string, unknown> }[] = [];
const correct = [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }];

const read = (req: IncomingMessage) => new Promise<string>((resolve) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => resolve(body));
});

beforeAll(async () => {
  svc = await startTestService({
    env: {
      CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges'),
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      WEBHOOK_RETRY_SCHEDULE_MS: '0,100,200,400',
      WEBHOOK_DISPATCH_INTERVAL_MS: '50',
      PUBLIC_URL: 'http://assay.test',
    },
  });
  assay = await svc.app.listen({ port: 0, host: '127.0.0.1' });
  receiver = await startReceiver();
  // The fake Greenhouse: takes the completion PATCH, then reads the result back with HTTP Basic.
  greenhouse = createServer(async (req, res) => {
    try {
      const body = JSON.parse((await read(req)) || '{}');
      const status = await fetch(`${assay}/integrations/greenhouse/test_status?partner_interview_id=${body.partner_interview_id}`, { headers: basic(svc.org.key) });
      callbacks.push({ method: req.method!, contentType: req.headers['content-type'], body, status: (await status.json()) as Record<string, unknown> });
      res.writeHead(200).end();
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((r) => greenhouse.listen(0, '127.0.0.1', r));
  greenhouseUrl = `http://127.0.0.1:${(greenhouse.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await svc?.close();
  await receiver?.close();
  await new Promise((r) => greenhouse?.close(r));
});

const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` });
const gh = (method: 'GET' | 'POST', url: string, payload?: object, key = svc.org.key) => svc.app.inject({ method, url: `/integrations/greenhouse${url}`, payload, headers: basic(key) });

describe('scored events and the Greenhouse flow', () => {
  it('lists assessments as tests, sends one, reports submission.completed then invitation.completed, and calls Greenhouse back', async () => {
    const ep = await svc.inject({ method: 'POST', url: '/v1/webhook-endpoints', payload: { url: receiver.url, eventTypes: ['invitation.created', 'invitation.started', 'submission.completed', 'invitation.completed'] } });
    receiver.state.secrets.push(ep.json().secret);
    const a = await svc.inject({ method: 'POST', url: '/v1/assessments', payload: { name: 'Sums', instructions: '', timeLimitMinutes: 30, maxSubmissions: 2, resultVisibility: 'score', challenges: [{ slug: 'sum-python', weight: 1 }] } });
    expect(a.statusCode, a.body).toBe(201);

    expect((await svc.app.inject({ method: 'GET', url: '/integrations/greenhouse/list_tests' })).statusCode).toBe(401);
    expect((await svc.app.inject({ method: 'GET', url: '/integrations/greenhouse/list_tests', headers: basic('assay_nope_nope') })).statusCode).toBe(401);
    const tests = await gh('GET', '/list_tests');
    expect(tests.statusCode, tests.body).toBe(200);
    expect(tests.json()).toContainEqual({ partner_test_id: a.json().id, partner_test_name: 'Sums' });
    // A key without the invitation scope may list but not send.
    const readOnly = await svc.org.keyWith(['assessments:read', 'results:read']);
    expect((await gh('POST', '/send_test', { partner_test_id: a.json().id, candidate: { email: 'x@example.com' } }, readOnly)).statusCode).toBe(403);
    expect((await gh('POST', '/send_test', { partner_test_id: 'nope', candidate: { email: 'x@example.com' } })).statusCode).toBe(404);

    const sent = await gh('POST', '/send_test', { partner_test_id: a.json().id, candidate: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', greenhouse_application_id: 9001 }, url: `${greenhouseUrl}/callback` });
    expect(sent.statusCode, sent.body).toBe(200);
    const interviewId = sent.json().partner_interview_id as string;
    const token = /#(inv_.+)$/.exec(sent.json().link)![1]!;
    expect((await gh('GET', `/test_status?partner_interview_id=${interviewId}`)).json()).toEqual({ partner_status: 'invited' });
    const invitation = (await svc.inject({ method: 'GET', url: `/v1/invitations/${interviewId}` })).json();
    expect(invitation.candidate).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', externalId: '9001' });

    const candidate = (method: 'POST', url: string, payload?: object) => svc.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
    expect((await candidate('POST', '/v1/candidate/start')).statusCode).toBe(200);
    const sub = await candidate('POST', '/v1/candidate/submissions', { challenge: 'sum-python', files: correct });
    expect(sub.statusCode, sub.body).toBe(202);
    // The deadline passes while it is still being graded (what the deadline job writes): the
    // invitation is completed now, but invitation.completed waits for the score.
    expect(await svc.rt.store.invitations.transition(svc.org.id, interviewId, ['started'], { state: 'completed', completedAt: new Date() })).toBe(true);
    expect((await gh('GET', `/test_status?partner_interview_id=${interviewId}`)).json().partner_status).not.toBe('complete');

    await eventually(async () => receiver.ofType('invitation.completed').length > 0, 90_000, 'invitation.completed');
    const scored = receiver.ofType('submission.completed').find((r) => r.body.data.submissionId === sub.json().id)!;
    expect(scored.verified).toBe(true);
    expect(scored.body.data, JSON.stringify(scored.body.data)).toMatchObject({ invitationId: interviewId, externalId: '9001', challenge: 'sum-python', verdict: 'passed', score: { earned: 6, max: 6, percent: 100 }, skills: expect.any(Array) });
    const done = receiver.ofType('invitation.completed')[0]!;
    expect(done.verified).toBe(true);
    expect(receiver.received.indexOf(done)).toBeGreaterThan(receiver.received.indexOf(scored));
    expect(done.body.data).toMatchObject({
      invitationId: interviewId,
      externalId: '9001',
      assessmentId: a.json().id,
      score: { percent: 100 },
      challenges: [{ slug: 'sum-python', weight: 1, percent: 100, submissionId: sub.json().id, verdict: 'passed' }],
      skills: expect.arrayContaining([expect.objectContaining({ percent: 100 })]),
      reportUrl: expect.stringMatching(/^http:\/\/assay\.test\/v1\/reports\//),
    });
    expect(JSON.stringify(done.body).length).toBeLessThan(2000);
    const report = await fetch(`${assay}${new URL(done.body.data.reportUrl as string).pathname}`);
    expect(report.status).toBe(200);
    expect(['invitation.created', 'invitation.started'].every((t) => receiver.ofType(t).some((r) => r.body.data.invitationId === interviewId))).toBe(true);

    await eventually(async () => callbacks.length > 0, 10_000, 'Greenhouse called back');
    expect(callbacks[0]).toMatchObject({ method: 'PATCH', contentType: 'application/json', body: { partner_interview_id: interviewId } });
    expect(callbacks[0]!.status).toMatchObject({ partner_status: 'complete', partner_score: 100, partner_profile_url: expect.stringMatching(/^http:\/\/assay\.test\/v1\/reports\//), metadata: { 'sum-python': '100%' } });
    expect(receiver.unique().length).toBe(receiver.received.length);
  });
});
