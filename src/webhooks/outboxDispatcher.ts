import type { OutboxRepository, StoredEvent } from '../outbox/outboxRepository.js';
import type { BuildPayload } from './eventPayloads.js';
import type { WebhookRepository } from './webhookRepository.js';

/** An in-process subscriber to every dispatched event (an applicant-tracking integration). */
export type EventListener = (event: StoredEvent & { payload: Record<string, unknown> }) => Promise<void>;

export interface DispatcherDeps {
  outbox: OutboxRepository;
  webhooks: Pick<WebhookRepository, 'subscribers' | 'createDeliveries'>;
  build: BuildPayload;
  /** Adds a delivery's job (idempotent by its id). */
  enqueue: (ownerId: string, deliveryId: string) => Promise<void>;
  listeners: EventListener[];
  now?: () => Date;
}

/**
 * Moves outbox events on: builds each payload once, makes a delivery per subscribed endpoint,
 * queues them, tells the listeners, and only then marks the event dispatched. A crash anywhere in
 * between repeats the event; deliveries and their jobs are keyed by event and endpoint, so it
 * reaches each endpoint once (receivers deduplicate on `webhook-id` for the rare race).
 */
export function outboxDispatcher(deps: DispatcherDeps) {
  const now = deps.now ?? (() => new Date());
  return async function dispatchPending(): Promise<number> {
    const events = await deps.outbox.undispatched(100);
    for (const ev of events) {
      let payload = ev.payload;
      if (!payload) {
        payload = await deps.build(ev);
        await deps.outbox.setPayload(ev.ownerId, ev.id, payload);
      }
      const endpoints = await deps.webhooks.subscribers(ev.ownerId, ev.type);
      await deps.webhooks.createDeliveries(ev.ownerId, ev.id, endpoints.map((e) => e.id), now());
      for (const ep of endpoints) await deps.enqueue(ev.ownerId, `${ev.id}.${ep.id}`);
      for (const listener of deps.listeners) await listener({ ...ev, payload });
      await deps.outbox.markDispatched(ev.ownerId, ev.id, now());
    }
    return events.length;
  };
}
