import type { AuditEntry } from '../audit/auditRepository.js';
import type { OutboxEvent, EventType } from '../outbox/outboxEvent.js';
import type { OwnerId } from '../tenancy/actor.js';

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  eventTypes: EventType[];
  enabled: boolean;
  /** Why it was disabled by Assay (`gone`: it answered 410; `failing`: it failed for the whole retry window). */
  disabledReason: string | null;
  /** `whsec_…`; shown once, at creation and rotation. */
  secret: string;
  /** The secret before the last rotation, still signed with until `previousSecretUntil`. */
  previousSecret: string | null;
  previousSecretUntil: Date | null;
  lastSuccessAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type EndpointChange = Partial<Pick<WebhookEndpoint, 'url' | 'description' | 'eventTypes' | 'enabled' | 'disabledReason' | 'secret' | 'previousSecret' | 'previousSecretUntil' | 'updatedAt'>>;

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One event to one endpoint; its id is `<event id>.<endpoint id>`, and its job's. */
export interface Delivery {
  id: string;
  eventId: string;
  endpointId: string;
  status: DeliveryStatus;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One HTTP request of a delivery, as the delivery log shows it. */
export interface Attempt {
  id: string;
  deliveryId: string;
  eventId: string;
  endpointId: string;
  attempt: number;
  at: Date;
  /** null when no response came (refused, timed out, connection failed). */
  statusCode: number | null;
  latencyMs: number;
  /** The first bytes of the response body, or why there was none. */
  response: string;
  succeeded: boolean;
}

/** Endpoints, deliveries and their attempts, per organisation. Adapters: platform/sqlite, platform/postgres. */
export interface WebhookRepository {
  insertEndpoint(owner: OwnerId, ep: WebhookEndpoint): Promise<void>;
  getEndpoint(owner: OwnerId, id: string): Promise<WebhookEndpoint | undefined>;
  listEndpoints(owner: OwnerId): Promise<WebhookEndpoint[]>;
  updateEndpoint(owner: OwnerId, id: string, change: EndpointChange): Promise<boolean>;
  deleteEndpoint(owner: OwnerId, id: string): Promise<boolean>;
  /** Disables an enabled endpoint, writing `events` and the audit entry in the same transaction; false when it was not enabled. */
  disableEndpoint(owner: OwnerId, id: string, reason: string, told: { events: OutboxEvent[]; audit: AuditEntry }): Promise<boolean>;
  /** The enabled endpoints subscribed to `type`. */
  subscribers(owner: OwnerId, type: EventType): Promise<WebhookEndpoint[]>;
  /** Creates a pending delivery per endpoint; one that exists already is kept as it is. */
  createDeliveries(owner: OwnerId, eventId: string, endpointIds: string[], at: Date): Promise<void>;
  getDelivery(owner: OwnerId, id: string): Promise<Delivery | undefined>;
  /** Logs an attempt and sets its delivery's status (and the endpoint's last success) in one transaction. */
  recordAttempt(owner: OwnerId, attempt: Attempt, status: DeliveryStatus): Promise<void>;
  /** An endpoint's attempts, newest first. */
  attempts(owner: OwnerId, endpointId: string, limit: number): Promise<Attempt[]>;
  /**
   * Sets deliveries of an endpoint pending again, their schedule restarted, and returns them: the one of `eventId` whatever its
   * status, or every one not succeeded created since `since`.
   */
  reopenDeliveries(owner: OwnerId, endpointId: string, which: { eventId: string } | { since: Date }, at: Date): Promise<Delivery[]>;
  /**
   * Forgets history older than `before`, of every owner: attempts, finished deliveries, and the
   * dispatched events left without a delivery. Pending deliveries and their events stay.
   */
  prune(before: Date): Promise<void>;
}
