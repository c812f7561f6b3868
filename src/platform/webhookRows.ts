import type { EventType, OutboxEvent } from '../outbox/outboxEvent.js';
import type { StoredEvent } from '../outbox/outboxRepository.js';
import type { Attempt, Delivery, DeliveryStatus, WebhookEndpoint } from '../webhooks/webhookRepository.js';

// Rows of the outbox and of webhooks as both adapters read them.

export const eventColumns = (owner: string, e: OutboxEvent) => ({ id: e.id, ownerId: owner, type: e.type, at: e.at, data: e.data });

export const toStoredEvent = (r: { id: string; ownerId: string; type: string; at: Date; data: Record<string, unknown>; payload: Record<string, unknown> | null; dispatchedAt: Date | null }): StoredEvent => ({
  id: r.id,
  ownerId: r.ownerId,
  type: r.type as EventType,
  at: r.at,
  data: r.data,
  payload: r.payload,
  dispatchedAt: r.dispatchedAt,
});

export const toEndpoint = ({ ownerId: _, eventTypes, ...r }: Omit<WebhookEndpoint, 'eventTypes'> & { ownerId: string; eventTypes: string[] }): WebhookEndpoint => ({ ...r, eventTypes: eventTypes as EventType[] });

export const toDelivery = ({ ownerId: _, status, ...r }: Omit<Delivery, 'status'> & { ownerId: string; status: string }): Delivery => ({ ...r, status: status as DeliveryStatus });

export const toAttempt = ({ ownerId: _, ...r }: Attempt & { ownerId: string }): Attempt => r;
