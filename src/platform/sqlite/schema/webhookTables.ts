import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { invitations } from './assessmentTables.js';

// The outbox, webhook endpoints, deliveries and attempts, and integration links.

/** The transactional outbox: events written with the change they report, moved on by the dispatcher. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    type: text('type').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    data: text('data', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>(),
    dispatchedAt: integer('dispatched_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('outbox_undispatched').on(t.dispatchedAt, t.at)],
);

export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').notNull(),
  url: text('url').notNull(),
  description: text('description').notNull(),
  eventTypes: text('event_types', { mode: 'json' }).notNull().$type<string[]>(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  disabledReason: text('disabled_reason'),
  secret: text('secret').notNull(),
  previousSecret: text('previous_secret'),
  previousSecretUntil: integer('previous_secret_until', { mode: 'timestamp_ms' }),
  lastSuccessAt: integer('last_success_at', { mode: 'timestamp_ms' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    eventId: text('event_id').notNull(),
    endpointId: text('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('webhook_deliveries_endpoint').on(t.endpointId, t.status, t.createdAt)],
);

export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    deliveryId: text('delivery_id').notNull().references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    endpointId: text('endpoint_id').notNull(),
    attempt: integer('attempt').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    response: text('response').notNull(),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('webhook_attempts_endpoint_at').on(t.endpointId, t.at)],
);

/** An invitation an applicant-tracking system made, and where to tell it the invitation is done. */
export const integrationLinks = sqliteTable(
  'integration_links',
  {
    ownerId: text('owner_id').notNull(),
    integration: text('integration').notNull(),
    invitationId: text('invitation_id').notNull().references(() => invitations.id, { onDelete: 'cascade' }),
    callbackUrl: text('callback_url'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.integration, t.invitationId] })],
);
