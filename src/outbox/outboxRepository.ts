import type { OwnerId } from '../tenancy/actor.js';
import type { OutboxEvent } from './outboxEvent.js';

/** An outbox row as the dispatcher reads it: `payload` is the built `data`, once built. */
export interface StoredEvent extends OutboxEvent {
  ownerId: OwnerId;
  payload: Record<string, unknown> | null;
  dispatchedAt: Date | null;
}

/**
 * The events written beside state changes (the invitation and submission adapters write them in
 * their own transactions); the dispatcher (webhooks/outboxDispatcher.ts) moves them on.
 */
export interface OutboxRepository {
  /** Events of every owner not yet dispatched, oldest first. */
  undispatched(limit: number): Promise<StoredEvent[]>;
  get(owner: OwnerId, id: string): Promise<StoredEvent | undefined>;
  /** Keeps the built payload, so every attempt and every redelivery sends the same bytes. */
  setPayload(owner: OwnerId, id: string, payload: Record<string, unknown>): Promise<void>;
  markDispatched(owner: OwnerId, id: string, at: Date): Promise<void>;
}
