import { and, asc, desc, eq, gte, isNull, lt, ne, notExists, sql } from 'drizzle-orm';
import type { IntegrationLinkRepository } from '../../integrations/integrationLinkRepository.js';
import type { OutboxRepository } from '../../outbox/outboxRepository.js';
import type { WebhookRepository } from '../../webhooks/webhookRepository.js';
import { toAttempt, toDelivery, toEndpoint, toStoredEvent } from '../webhookRows.js';
import { appendEvents } from './outboxWrites.js';
import { auditLog, integrationLinks, outbox, webhookAttempts, webhookDeliveries, webhookEndpoints } from './schema.js';
import type { SqliteDb } from './sqliteDb.js';

export function sqliteWebhooks(db: SqliteDb): { outbox: OutboxRepository; webhooks: WebhookRepository; integrationLinks: IntegrationLinkRepository } {
  const ownEvent = (owner: string, id: string) => and(eq(outbox.ownerId, owner), eq(outbox.id, id));
  const ownEndpoint = (owner: string, id: string) => and(eq(webhookEndpoints.ownerId, owner), eq(webhookEndpoints.id, id));
  return {
    outbox: {
      async undispatched(limit) {
        return db.select().from(outbox).where(isNull(outbox.dispatchedAt)).orderBy(asc(outbox.at)).limit(limit).all().map(toStoredEvent);
      },
      async get(owner, id) {
        const row = db.select().from(outbox).where(ownEvent(owner, id)).get();
        return row && toStoredEvent(row);
      },
      async setPayload(owner, id, payload) {
        db.update(outbox).set({ payload }).where(ownEvent(owner, id)).run();
      },
      async markDispatched(owner, id, at) {
        db.update(outbox).set({ dispatchedAt: at }).where(ownEvent(owner, id)).run();
      },
    },
    webhooks: {
      async insertEndpoint(owner, ep) {
        db.insert(webhookEndpoints).values({ ...ep, ownerId: owner }).run();
      },
      async getEndpoint(owner, id) {
        const row = db.select().from(webhookEndpoints).where(ownEndpoint(owner, id)).get();
        return row && toEndpoint(row);
      },
      async listEndpoints(owner) {
        return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.ownerId, owner)).orderBy(webhookEndpoints.createdAt).all().map(toEndpoint);
      },
      async updateEndpoint(owner, id, change) {
        return db.update(webhookEndpoints).set(change).where(ownEndpoint(owner, id)).run().changes === 1;
      },
      async deleteEndpoint(owner, id) {
        return db.delete(webhookEndpoints).where(ownEndpoint(owner, id)).run().changes === 1;
      },
      async disableEndpoint(owner, id, reason, { events, audit }) {
        return db.transaction((tx) => {
          const res = tx.update(webhookEndpoints).set({ enabled: false, disabledReason: reason, updatedAt: audit.at }).where(and(ownEndpoint(owner, id), eq(webhookEndpoints.enabled, true))).run();
          if (res.changes !== 1) return false;
          appendEvents(tx, owner, events);
          tx.insert(auditLog).values({ ...audit, ownerId: owner }).run();
          return true;
        });
      },
      async subscribers(owner, type) {
        const rows = db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.ownerId, owner), eq(webhookEndpoints.enabled, true))).all();
        return rows.map(toEndpoint).filter((ep) => ep.eventTypes.includes(type));
      },
      async createDeliveries(owner, eventId, endpointIds, at) {
        if (endpointIds.length === 0) return;
        const rows = endpointIds.map((endpointId) => ({ id: `${eventId}.${endpointId}`, ownerId: owner, eventId, endpointId, status: 'pending' as const, createdAt: at, updatedAt: at }));
        db.insert(webhookDeliveries).values(rows).onConflictDoNothing().run();
      },
      async getDelivery(owner, id) {
        const row = db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.ownerId, owner), eq(webhookDeliveries.id, id))).get();
        return row && toDelivery(row);
      },
      async recordAttempt(owner, a, status) {
        db.transaction((tx) => {
          tx.insert(webhookAttempts).values({ ...a, ownerId: owner }).run();
          tx.update(webhookDeliveries).set({ status, attempts: sql`${webhookDeliveries.attempts} + 1`, updatedAt: a.at }).where(and(eq(webhookDeliveries.ownerId, owner), eq(webhookDeliveries.id, a.deliveryId))).run();
          if (a.succeeded) tx.update(webhookEndpoints).set({ lastSuccessAt: a.at }).where(ownEndpoint(owner, a.endpointId)).run();
        });
      },
      async attempts(owner, endpointId, limit) {
        return db.select().from(webhookAttempts).where(and(eq(webhookAttempts.ownerId, owner), eq(webhookAttempts.endpointId, endpointId))).orderBy(desc(webhookAttempts.at), desc(webhookAttempts.attempt)).limit(limit).all().map(toAttempt);
      },
      async reopenDeliveries(owner, endpointId, which, at) {
        const mine = and(eq(webhookDeliveries.ownerId, owner), eq(webhookDeliveries.endpointId, endpointId));
        const filter = 'eventId' in which ? eq(webhookDeliveries.eventId, which.eventId) : and(ne(webhookDeliveries.status, 'succeeded'), gte(webhookDeliveries.createdAt, which.since));
        return db.update(webhookDeliveries).set({ status: 'pending', attempts: 0, updatedAt: at }).where(and(mine, filter)).returning().all().map(toDelivery);
      },
      async prune(before) {
        db.transaction((tx) => {
          tx.delete(webhookAttempts).where(lt(webhookAttempts.at, before)).run();
          tx.delete(webhookDeliveries).where(and(ne(webhookDeliveries.status, 'pending'), lt(webhookDeliveries.updatedAt, before))).run();
          tx.delete(outbox).where(and(lt(outbox.dispatchedAt, before), notExists(tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.eventId, outbox.id))))).run();
        });
      },
    },
    integrationLinks: {
      async insert(owner, link) {
        db.insert(integrationLinks).values({ ...link, ownerId: owner }).run();
      },
      async get(owner, integration, invitationId) {
        const row = db.select().from(integrationLinks).where(and(eq(integrationLinks.ownerId, owner), eq(integrationLinks.integration, integration), eq(integrationLinks.invitationId, invitationId))).get();
        return row && { integration: row.integration, invitationId: row.invitationId, callbackUrl: row.callbackUrl, createdAt: row.createdAt };
      },
    },
  };
}
