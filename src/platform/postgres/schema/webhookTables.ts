import { boolean, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at } from './columns.js';
import { invitations } from './assessmentTables.js';

// The outbox, webhook endpoints, deliveries and attempts, and integration links.

/** The transactional outbox: events written with the change they report, moved on by the dispatcher. */
export const outbox = pgTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    type: text('type').notNull(),
    at: at('at').notNull(),
    data: jsonb('data').notNull().$type<Record<string, unknown>>(),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    dispatchedAt: at('dispatched_at'),
  },
  (t) => [index('outbox_undispatched').on(t.dispatchedAt, t.at)],
);

export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').notNull(),
  url: text('url').notNull(),
  description: text('description').notNull(),
  eventTypes: jsonb('event_types').notNull().$type<string[]>(),
  enabled: boolean('enabled').notNull(),
  disabledReason: text('disabled_reason'),
  secret: text('secret').notNull(),
  previousSecret: text('previous_secret'),
  previousSecretUntil: at('previous_secret_until'),
  lastSuccessAt: at('last_success_at'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    eventId: text('event_id').notNull(),
    endpointId: text('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('webhook_deliveries_endpoint').on(t.endpointId, t.status, t.createdAt)],
);

export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    deliveryId: text('delivery_id').notNull().references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    endpointId: text('endpoint_id').notNull(),
    attempt: integer('attempt').notNull(),
    at: at('at').notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    response: text('response').notNull(),
    succeeded: boolean('succeeded').notNull(),
  },
  (t) => [index('webhook_attempts_endpoint_at').on(t.endpointId, t.at)],
);

/** An invitation an applicant-tracking system made, and where to tell it the invitation is done. */
export const integrationLinks = pgTable(
  'integration_links',
  {
    ownerId: text('owner_id').notNull(),
    integration: text('integration').notNull(),
    invitationId: text('invitation_id').notNull().references(() => invitations.id, { onDelete: 'cascade' }),
    callbackUrl: text('callback_url'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.integration, t.invitationId] })],
);
