import { randomUUID } from 'node:crypto';

/** Every event an organisation's webhook endpoints may subscribe to (docs/webhooks.md). */
export const EVENT_TYPES = [
  'invitation.created',
  'invitation.started',
  'invitation.cancelled',
  'invitation.expired',
  'invitation.completed',
  'submission.completed',
  'webhook_endpoint.disabled',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * A fact to announce, written in the same transaction as the change it reports (the outbox), so a
 * crash can never keep the change and lose its event. `id` is the `webhook-id` receivers deduplicate on.
 */
export interface OutboxEvent {
  id: string;
  type: EventType;
  at: Date;
  /** What the writer knew; the dispatcher adds what every payload of its kind carries (externalId, results). */
  data: Record<string, unknown>;
}

export const outboxEvent = (type: EventType, data: Record<string, unknown>, at: Date): OutboxEvent => ({ id: `msg_${randomUUID().replaceAll('-', '')}`, type, at, data });
