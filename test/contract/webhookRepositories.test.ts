import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invitation } from '../../src/invitations/invitationRepository.js';
import { outboxEvent } from '../../src/outbox/outboxEvent.js';
import type { Store } from '../../src/platform/store.js';
import type { RunResult } from '../../src/submissions/submission.js';
import type { WebhookEndpoint } from '../../src/webhooks/webhookRepository.js';
import { openTestStore } from '../support/testStore.js';

// The outbox, webhook and integration-link repositories' contract, on every adapter, and the
// events the invitation and submission adapters write in their own transactions.

const A = 'org-a';
const B = 'org-b';
const t0 = new Date('2026-03-01T00:00:00.000Z');
const later = (m: number) => new Date(t0.getTime() + m * 60_000);
const invitation = (id: string, state: Invitation['state'] = 'started'): Invitation => ({
  id,
  assessmentId: 'as-1',
  candidate: { name: 'Ada', email: 'ada@example.com', externalId: null },
  validFrom: t0,
  validUntil: later(60),
  state,
  startedAt: state === 'started' ? t0 : null,
  deadline: null,
  completedAt: null,
  createdAt: t0,
});
const result: RunResult = { score: { verdict: 'passed', message: null, earned: 1, max: 1, cap: null, tests: [], skills: [] }, log: '' };
const endpoint = (id: string, eventTypes: WebhookEndpoint['eventTypes']): WebhookEndpoint => ({
  id,
  url: 'https://example.com/hooks',
  description: '',
  eventTypes,
  enabled: true,
  disabledReason: null,
  secret: 'whsec_a',
  previousSecret: null,
  previousSecretUntil: null,
  lastSuccessAt: null,
  createdAt: t0,
  updatedAt: t0,
});

describe.each(['sqlite', 'postgres'] as const)('webhook repositories on %s', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  const types = async () => (await store.outbox.undispatched(100)).map((e) => [e.ownerId, e.type, e.data.invitationId ?? e.data.submissionId]);
  const dispatchAll = async () => {
    for (const e of await store.outbox.undispatched(100)) await store.outbox.markDispatched(e.ownerId, e.id, later(1));
  };
  const submit = (id: string, invitationId: string) =>
    store.submissions.insert(A, { id, invitationId, challengeSlug: 'c', challengeVersion: 'v', files: [], idempotencyKey: null, requestHash: 'h' }, t0);

  beforeAll(async () => {
    ({ store, close } = await openTestStore(kind));
    await store.assessments.insert(A, { id: 'as-1', name: 'A', instructions: '', timeLimitMinutes: 30, maxSubmissions: 1, resultVisibility: 'none', challenges: [], createdAt: t0, updatedAt: t0 });
  });
  afterAll(async () => {
    await close();
  });

  it('writes an event with the change it reports, and none when the change does not apply', async () => {
    const created = outboxEvent('invitation.created', { invitationId: 'i-1' }, t0);
    await store.invitations.insert(A, invitation('i-1', 'invited'), 'hash-1', [created]);
    expect(await store.invitations.transition(A, 'i-1', ['started'], { state: 'cancelled' }, [outboxEvent('invitation.cancelled', { invitationId: 'i-1' }, t0)])).toBe(false);
    expect(await store.invitations.transition(A, 'i-1', ['invited'], { state: 'started' }, [outboxEvent('invitation.started', { invitationId: 'i-1' }, later(1))])).toBe(true);
    expect(await types()).toEqual([[A, 'invitation.created', 'i-1'], [A, 'invitation.started', 'i-1']]);
    expect(await store.outbox.get(A, created.id)).toEqual({ ...created, ownerId: A, payload: null, dispatchedAt: null });
    expect(await store.outbox.get(B, created.id)).toBeUndefined();
    await store.outbox.setPayload(A, created.id, { invitationId: 'i-1', externalId: null });
    await store.outbox.markDispatched(A, created.id, later(2));
    expect(await store.outbox.get(A, created.id)).toMatchObject({ payload: { invitationId: 'i-1', externalId: null }, dispatchedAt: later(2) });
    expect(await types()).toEqual([[A, 'invitation.started', 'i-1']]);
    await dispatchAll();
  });

  it('writes invitation.completed once the invitation is completed and nothing of it is still being graded, whichever comes last', async () => {
    // Completed first, scored after: the last score writes it, beside submission.completed.
    await store.invitations.insert(A, invitation('i-2'), 'hash-2');
    await submit('s-2', 'i-2');
    expect(await store.invitations.transition(A, 'i-2', ['started'], { state: 'completed', completedAt: later(5) })).toBe(true);
    expect(await types()).toEqual([]);
    expect(await store.submissions.complete(A, 's-2', result, later(6), [outboxEvent('submission.completed', { submissionId: 's-2' }, later(6))])).toBe(true);
    expect(await types()).toEqual([[A, 'submission.completed', 's-2'], [A, 'invitation.completed', 'i-2']]);
    // A repeated result changes nothing and writes nothing.
    expect(await store.submissions.complete(A, 's-2', result, later(7), [outboxEvent('submission.completed', { submissionId: 's-2' }, later(7))])).toBe(false);
    await dispatchAll();

    // Scored first, completed after: the completion writes it. A failed submission counts as finished.
    await store.invitations.insert(A, invitation('i-3'), 'hash-3');
    await submit('s-3', 'i-3');
    expect(await store.submissions.fail(A, 's-3', { code: 'internal', message: 'x' }, later(1))).toBe(true);
    expect(await types()).toEqual([]);
    expect(await store.invitations.transition(A, 'i-3', ['started'], { state: 'completed', completedAt: later(5) })).toBe(true);
    expect(await types()).toEqual([[A, 'invitation.completed', 'i-3']]);
    await dispatchAll();

    // Cancelled is not completed; a submission of another invitation does not count.
    await store.invitations.insert(A, invitation('i-4'), 'hash-4');
    expect(await store.invitations.transition(A, 'i-4', ['started'], { state: 'cancelled', completedAt: later(5) })).toBe(true);
    expect(await types()).toEqual([]);
  });

  it('writes invitation.completed exactly once when the session ends while its last submission is being scored', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `race-${i}`);
    for (const id of ids) {
      await store.invitations.insert(A, invitation(id), `hash-${id}`);
      await submit(`s-${id}`, id);
    }
    // Each pair at the same moment, on separate connections where the adapter has them.
    await Promise.all(ids.flatMap((id) => [
      store.invitations.transition(A, id, ['started'], { state: 'completed', completedAt: later(5) }),
      store.submissions.complete(A, `s-${id}`, result, later(5)),
    ]));
    const completed = (await store.outbox.undispatched(100)).filter((e) => e.type === 'invitation.completed').map((e) => e.data.invitationId);
    expect(completed.sort()).toEqual([...ids].sort());
    await dispatchAll();
  });

  it('keeps endpoints per organisation, finds the enabled subscribers of an event, and disables once', async () => {
    await store.webhooks.insertEndpoint(A, endpoint('ep-1', ['invitation.created', 'invitation.completed']));
    await store.webhooks.insertEndpoint(A, endpoint('ep-2', ['invitation.completed']));
    await store.webhooks.insertEndpoint(B, endpoint('ep-3', ['invitation.created']));
    expect(await store.webhooks.getEndpoint(A, 'ep-1')).toEqual(endpoint('ep-1', ['invitation.created', 'invitation.completed']));
    expect(await store.webhooks.getEndpoint(B, 'ep-1')).toBeUndefined();
    expect((await store.webhooks.listEndpoints(A)).map((e) => e.id)).toEqual(['ep-1', 'ep-2']);
    expect((await store.webhooks.subscribers(A, 'invitation.created')).map((e) => e.id)).toEqual(['ep-1']);
    expect(await store.webhooks.updateEndpoint(B, 'ep-2', { description: 'x' })).toBe(false);
    expect(await store.webhooks.updateEndpoint(A, 'ep-2', { description: 'x', previousSecret: 'whsec_b', previousSecretUntil: later(9) })).toBe(true);
    expect(await store.webhooks.getEndpoint(A, 'ep-2')).toMatchObject({ description: 'x', previousSecret: 'whsec_b', previousSecretUntil: later(9) });
    const told = (n: number) => ({
      events: [outboxEvent('webhook_endpoint.disabled', { endpointId: 'ep-2' }, later(n))],
      audit: { id: `audit-${n}`, at: later(n), actor: 'system:webhooks', action: 'webhook_endpoint.disabled' as const, target: 'webhook-endpoint:ep-2', details: { reason: 'gone' } },
    });
    const first = told(1);
    expect(await store.webhooks.disableEndpoint(A, 'ep-2', 'gone', first)).toBe(true);
    expect(await store.webhooks.disableEndpoint(A, 'ep-2', 'gone', told(2))).toBe(false);
    expect((await store.outbox.undispatched(10)).map((e) => e.id)).toEqual([first.events[0]!.id]);
    expect((await store.audit.list(A, 10)).map((e) => e.id)).toEqual(['audit-1']);
    await dispatchAll();
    expect(await store.webhooks.getEndpoint(A, 'ep-2')).toMatchObject({ enabled: false, disabledReason: 'gone', updatedAt: later(1) });
    expect((await store.webhooks.subscribers(A, 'invitation.completed')).map((e) => e.id)).toEqual(['ep-1']);
    expect(await store.webhooks.deleteEndpoint(B, 'ep-1')).toBe(false);
    expect(await store.webhooks.deleteEndpoint(B, 'ep-3')).toBe(true);
  });

  it('keeps one delivery per event and endpoint, logs its attempts, and reopens them', async () => {
    await store.webhooks.createDeliveries(A, 'msg_1', ['ep-1'], t0);
    await store.webhooks.createDeliveries(A, 'msg_1', ['ep-1'], later(1));
    await store.webhooks.createDeliveries(A, 'msg_2', ['ep-1'], later(2));
    expect(await store.webhooks.getDelivery(A, 'msg_1.ep-1')).toEqual({ id: 'msg_1.ep-1', eventId: 'msg_1', endpointId: 'ep-1', status: 'pending', attempts: 0, createdAt: t0, updatedAt: t0 });
    expect(await store.webhooks.getDelivery(B, 'msg_1.ep-1')).toBeUndefined();
    const attempt = (n: number, deliveryId: string, succeeded: boolean, at: Date) => ({ id: `a-${deliveryId}-${n}`, deliveryId, eventId: deliveryId.split('.')[0]!, endpointId: 'ep-1', attempt: n, at, statusCode: succeeded ? 200 : 500, latencyMs: 3, response: 'x', succeeded });
    await store.webhooks.recordAttempt(A, attempt(1, 'msg_1.ep-1', false, later(3)), 'pending');
    await store.webhooks.recordAttempt(A, attempt(2, 'msg_1.ep-1', false, later(4)), 'failed');
    await store.webhooks.recordAttempt(A, attempt(1, 'msg_2.ep-1', true, later(5)), 'succeeded');
    expect(await store.webhooks.getDelivery(A, 'msg_1.ep-1')).toMatchObject({ status: 'failed', attempts: 2, updatedAt: later(4) });
    expect((await store.webhooks.getEndpoint(A, 'ep-1'))!.lastSuccessAt).toEqual(later(5));
    expect((await store.webhooks.attempts(A, 'ep-1', 10)).map((a) => a.id)).toEqual(['a-msg_2.ep-1-1', 'a-msg_1.ep-1-2', 'a-msg_1.ep-1-1']);
    expect(await store.webhooks.attempts(B, 'ep-1', 10)).toEqual([]);
    expect((await store.webhooks.reopenDeliveries(A, 'ep-1', { since: t0 }, later(6))).map((d) => [d.id, d.status, d.attempts])).toEqual([['msg_1.ep-1', 'pending', 0]]);
    expect(await store.webhooks.reopenDeliveries(A, 'ep-1', { since: later(1) }, later(6))).toEqual([]);
    expect((await store.webhooks.reopenDeliveries(A, 'ep-1', { eventId: 'msg_2' }, later(7))).map((d) => d.status)).toEqual(['pending']);
    expect(await store.webhooks.reopenDeliveries(B, 'ep-1', { eventId: 'msg_2' }, later(7))).toEqual([]);
  });

  it('forgets finished history older than the retention, keeping what is still pending', async () => {
    const old = outboxEvent('invitation.created', { invitationId: 'old' }, t0);
    const waiting = outboxEvent('invitation.created', { invitationId: 'waiting' }, t0);
    const fresh = outboxEvent('invitation.created', { invitationId: 'fresh' }, later(100));
    await store.invitations.insert(A, invitation('p-1', 'invited'), 'hash-p1', [old, waiting, fresh]);
    for (const e of [old, waiting, fresh]) await store.outbox.markDispatched(A, e.id, e.at);
    await store.webhooks.createDeliveries(A, old.id, ['ep-1'], t0);
    await store.webhooks.createDeliveries(A, waiting.id, ['ep-1'], t0);
    await store.webhooks.recordAttempt(A, { id: 'p-a1', deliveryId: `${old.id}.ep-1`, eventId: old.id, endpointId: 'ep-1', attempt: 1, at: t0, statusCode: 200, latencyMs: 1, response: '', succeeded: true }, 'succeeded');
    await store.webhooks.prune(later(50));
    expect(await store.outbox.get(A, old.id)).toBeUndefined();
    expect(await store.webhooks.getDelivery(A, `${old.id}.ep-1`)).toBeUndefined();
    expect((await store.webhooks.attempts(A, 'ep-1', 100)).map((a) => a.id)).not.toContain('p-a1');
    expect(await store.webhooks.getDelivery(A, `${waiting.id}.ep-1`)).toMatchObject({ status: 'pending' });
    expect(await store.outbox.get(A, waiting.id)).toBeDefined();
    expect(await store.outbox.get(A, fresh.id)).toBeDefined();
  });

  it('keeps integration links per organisation and system', async () => {
    await store.integrationLinks.insert(A, { integration: 'greenhouse', invitationId: 'i-1', callbackUrl: 'https://gh.example/cb', createdAt: t0 });
    expect(await store.integrationLinks.get(A, 'greenhouse', 'i-1')).toEqual({ integration: 'greenhouse', invitationId: 'i-1', callbackUrl: 'https://gh.example/cb', createdAt: t0 });
    expect(await store.integrationLinks.get(B, 'greenhouse', 'i-1')).toBeUndefined();
    expect(await store.integrationLinks.get(A, 'lever', 'i-1')).toBeUndefined();
  });
});
