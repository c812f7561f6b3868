import { describe, expect, it } from 'vitest';
import type { WebhookAttempt } from '../../../web/src/api/types';
import { deliveriesOf } from '../../../web/src/staff/deliveryLog';

const attempt = (eventId: string, n: number, at: string, succeeded: boolean, statusCode: number | null = succeeded ? 204 : 500): WebhookAttempt =>
  ({ id: `${eventId}-${n}`, eventId, attempt: n, at, statusCode, latencyMs: 5, response: '', succeeded });

describe('the webhook delivery log', () => {
  it('groups attempts by event, the latest attempt and the most recent event first', () => {
    const log = deliveriesOf([
      attempt('msg_a', 1, '2026-01-01T10:00:00.000Z', false),
      attempt('msg_b', 1, '2026-01-01T10:05:00.000Z', true),
      attempt('msg_a', 2, '2026-01-01T10:10:00.000Z', false, null),
    ]);
    expect(log.map((d) => [d.eventId, d.attempts.length, d.latest.attempt, d.delivered])).toEqual([['msg_a', 2, 2, false], ['msg_b', 1, 1, true]]);
    expect(log[0]!.latest.statusCode).toBeNull();
  });

  it('counts an event delivered once any attempt succeeded, even if a redelivery failed after', () => {
    const [d] = deliveriesOf([attempt('msg_a', 1, '2026-01-01T10:00:00.000Z', true), attempt('msg_a', 2, '2026-01-01T11:00:00.000Z', false)]);
    expect(d!.delivered).toBe(true);
    expect(d!.latest.succeeded).toBe(false);
  });

  it('is empty for no attempts', () => {
    expect(deliveriesOf([])).toEqual([]);
  });
});
