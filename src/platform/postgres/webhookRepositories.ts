import { and, asc, desc, eq, gte, isNull, lt, ne, notExists, sql } from 'drizzle-orm';
import type { IntegrationLinkRepository } from '../../integrations/integrationLinkRepository.js';
import type { OutboxRepository } from '../../outbox/outboxRepository.js';
import type { WebhookRepository } from '../../webhooks/webhookRepository.js';
import { toAttempt, toDelivery, toEndpoint, toStoredEvent } from '../webhookRows.js';
import { appendEvents } from './outboxWrites.js';
import { auditLog, integrationLinks, outbox, webhookAttempts, webhookDeliveries, webhookEndpoints } from './schema.js';
import type { PostgresDb } from './postgresDb.js';

export function postgresWebhooks(db: PostgresDb): { outbox: OutboxRepository; webhooks: WebhookRepository; integrationLinks: IntegrationLinkRepository } {
  const ownEvent = (owner: string, id: string) => and(eq(outbox.ownerId, owner), eq(outbox.id, id));
  const ownEndpoint = (owner: string, id: string) => and(eq(webhookEndpoints.ownerId, owner), eq(webhookEndpoints.id, id));
  return {
    outbox: {
      async undispatched(limit) {
        return (await db.select().from(outbox).where(isNull(outbox.dispatchedAt)).orderBy(asc(outbox.at)).limit(limit)).map(toStoredEvent);
      },
      async get(owner, id) {
        const [row] = await db.select().from(outbox).where(ownEvent(owner, id));
        return row && toStoredEvent(row);
      },
      async setPayload(owner, id, payload) {
        await db.update(outbox).set({ payload }).where(ownEvent(owner, id));
      },
      async markDispatched(owner, id, at) {
        await db.update(outbox).set({ dispatchedAt: at }).where(ownEvent(owner, id));
      },
    },
    webhooks: {
      async insertEndpoint(owner, ep) {
        await db.insert(webhookEndpoints).values({ ...ep, ownerId: owner });
      },
      async getEndpoint(owner, id) {
        const [row] = await db.select().from(webhookEndpoints).where(ownEndpoint(owner, id));
        return row && toEndpoint(row);
      },
      async listEndpoints(owner) {
        return (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.ownerId, owner)).orderBy(webhookEndpoints.createdAt)).map(toEndpoint);
      },
      async updateEndpoint(owner, id, change) {
        return (await db.update(webhookEndpoints).set(change).where(ownEndpoint(owner, id)).returning({ id: webhookEndpoints.id })).length === 1;
      },
      async deleteEndpoint(owner, id) {
        return (await db.delete(webhookEndpoints).where(ownEndpoint(owner, id)).returning({ id: webhookEndpoints.id })).length === 1;
      },
      async disableEndpoint(owner, id, reason, { events, audit }) {
        return db.transaction(async (tx) => {
          const res = await tx.update(webhookEndpoints).set({ enabled: false, disabledReason: reason, updatedAt: audit.at }).where(and(ownEndpoint(owner, id), eq(webhookEndpoints.enabled, true))).returning({ id: webhookEndpoints.id });
          if (res.length !== 1) return false;
          await appendEvents(tx, owner, events);
          await tx.insert(auditLog).values({ ...audit, ownerId: owner });
          return true;
        });
      },
      async subscribers(owner, type) {
        const rows = await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.ownerId, owner), eq(webhookEndpoints.enabled, true)));
        return rows.map(toEndpoint).filter((ep) => ep.eventTypes.includes(type));
      },
      async createDeliveries(owner, eventId, endpointIds, at) {
        if (endpointIds.length === 0) return;
        const rows = endpointIds.map((endpointId) => ({ id: `${eventId}.${endpointId}`, ownerId: owner, eventId, endpointId, status: 'pending' as const, createdAt: at, updatedAt: at }));
        await db.insert(webhookDeliveries).values(rows).onConflictDoNothing();
      },
      async getDelivery(owner, id) {
        const [row] = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.ownerId, owner), eq(webhookDeliveries.id, id)));
        return row && toDelivery(row);
      },
      async recordAttempt(owner, a, status) {
        await db.transaction(async (tx) => {
          await tx.insert(webhookAttempts).values({ ...a, ownerId: owner });
          await tx.update(webhookDeliveries).set({ status, attempts: sql`${webhookDeliveries.attempts} + 1`, updatedAt: a.at }).where(and(eq(webhookDeliveries.ownerId, owner), eq(webhookDeliveries.id, a.deliveryId)));
          if (a.succeeded) await tx.update(webhookEndpoints).set({ lastSuccessAt: a.at }).where(ownEndpoint(owner, a.endpointId));
        });
      },
      async attempts(owner, endpointId, limit) {
        return (await db.select().from(webhookAttempts).where(and(eq(webhookAttempts.ownerId, owner), eq(webhookAttempts.endpointId, endpointId))).orderBy(desc(webhookAttempts.at), desc(webhookAttempts.attempt)).limit(limit)).map(toAttempt);
      },
      async reopenDeliveries(owner, endpointId, which, at) {
        const mine = and(eq(webhookDeliveries.ownerId, owner), eq(webhookDeliveries.endpointId, endpointId));
        const filter = 'eventId' in which ? eq(webhookDeliveries.eventId, which.eventId) : and(ne(webhookDeliveries.status, 'succeeded'), gte(webhookDeliveries.createdAt, which.since));
        return (await db.update(webhookDeliveries).set({ status: 'pending', attempts: 0, updatedAt: at }).where(and(mine, filter)).returning()).map(toDelivery);
      },
      async prune(before) {
        await db.transaction(async (tx) => {
          await tx.delete(webhookAttempts).where(lt(webhookAttempts.at, before));
          await tx.delete(webhookDeliveries).where(and(ne(webhookDeliveries.status, 'pending'), lt(webhookDeliveries.updatedAt, before)));
          await tx.delete(outbox).where(and(lt(outbox.dispatchedAt, before), notExists(tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.eventId, outbox.id)))));
        });
      },
    },
    integrationLinks: {
      async insert(owner, link) {
        await db.insert(integrationLinks).values({ ...link, ownerId: owner });
      },
      async get(owner, integration, invitationId) {
        const [row] = await db.select().from(integrationLinks).where(and(eq(integrationLinks.ownerId, owner), eq(integrationLinks.integration, integration), eq(integrationLinks.invitationId, invitationId)));
        return row && { integration: row.integration, invitationId: row.invitationId, callbackUrl: row.callbackUrl, createdAt: row.createdAt };
      },
    },
  };
}
