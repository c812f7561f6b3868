import { randomUUID } from 'node:crypto';
import type { Audit } from '../audit/audit.js';
import { NotFoundError } from '../errors/NotFoundError.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { EventType } from '../outbox/outboxEvent.js';
import type { Actor, OrgActor } from '../tenancy/actor.js';
import { authorize } from '../tenancy/permissions.js';
import type { DeliveryJob } from './deliveryQueue.js';
import { newSigningSecret } from './signing.js';
import type { Attempt, EndpointChange, WebhookEndpoint, WebhookRepository } from './webhookRepository.js';

const MINUTE_MS = 60_000;

export interface EndpointInput {
  url: string;
  eventTypes: EventType[];
  description?: string;
  enabled?: boolean;
}

export interface EndpointDeps {
  webhooks: WebhookRepository;
  audit: Audit;
  /** Queues a delivery again now; `jobId` keeps it apart from the original job. */
  redeliver: (job: DeliveryJob, jobId: string) => Promise<void>;
  now?: () => Date;
}

function checkUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  // Where it resolves to is checked at every delivery, after DNS (safeRequest.ts).
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password) {
    throw new ValidationError('url must be an http(s) URL without credentials.', { errors: [{ field: '/body/url', message: 'must be an http(s) URL without credentials' }] });
  }
}

/** An organisation's webhook endpoints: admins manage them, their secrets, their delivery log. */
export function endpointService(deps: EndpointDeps) {
  const now = deps.now ?? (() => new Date());

  async function mine(actor: OrgActor, id: string): Promise<WebhookEndpoint> {
    const ep = await deps.webhooks.getEndpoint(actor.ownerId, id);
    if (!ep) throw new NotFoundError(`No webhook endpoint ${id}.`);
    return ep;
  }

  return {
    /** A new endpoint; its signing secret is in the answer this once (and on every rotation). */
    async create(caller: Actor, input: EndpointInput): Promise<WebhookEndpoint> {
      const actor = authorize(caller, 'webhooks.manage');
      checkUrl(input.url);
      const at = now();
      const ep: WebhookEndpoint = {
        id: `ep_${randomUUID().replaceAll('-', '')}`,
        url: input.url,
        description: input.description ?? '',
        eventTypes: [...new Set(input.eventTypes)],
        enabled: input.enabled ?? true,
        disabledReason: null,
        secret: newSigningSecret(),
        previousSecret: null,
        previousSecretUntil: null,
        lastSuccessAt: null,
        createdAt: at,
        updatedAt: at,
      };
      await deps.webhooks.insertEndpoint(actor.ownerId, ep);
      await deps.audit(actor, 'webhook_endpoint.created', `webhook-endpoint:${ep.id}`, { url: ep.url, eventTypes: ep.eventTypes });
      return ep;
    },

    list: async (caller: Actor) => deps.webhooks.listEndpoints(authorize(caller, 'webhooks.manage').ownerId),
    get: async (caller: Actor, id: string) => mine(authorize(caller, 'webhooks.manage'), id),

    /** Changes what is given; enabling an endpoint Assay disabled clears why. */
    async update(caller: Actor, id: string, input: Partial<EndpointInput>): Promise<WebhookEndpoint> {
      const actor = authorize(caller, 'webhooks.manage');
      await mine(actor, id);
      if (input.url !== undefined) checkUrl(input.url);
      const change: EndpointChange = { updatedAt: now() };
      if (input.url !== undefined) change.url = input.url;
      if (input.description !== undefined) change.description = input.description;
      if (input.eventTypes !== undefined) change.eventTypes = [...new Set(input.eventTypes)];
      if (input.enabled !== undefined) Object.assign(change, { enabled: input.enabled, disabledReason: null });
      await deps.webhooks.updateEndpoint(actor.ownerId, id, change);
      await deps.audit(actor, 'webhook_endpoint.changed', `webhook-endpoint:${id}`, { ...input });
      return mine(actor, id);
    },

    async remove(caller: Actor, id: string): Promise<void> {
      const actor = authorize(caller, 'webhooks.manage');
      if (!(await deps.webhooks.deleteEndpoint(actor.ownerId, id))) throw new NotFoundError(`No webhook endpoint ${id}.`);
      await deps.audit(actor, 'webhook_endpoint.deleted', `webhook-endpoint:${id}`);
    },

    /** A new secret; the old one still signs (beside it) for `overlapMinutes`, so receivers can switch over. */
    async rotateSecret(caller: Actor, id: string, overlapMinutes: number): Promise<WebhookEndpoint> {
      const actor = authorize(caller, 'webhooks.manage');
      const ep = await mine(actor, id);
      const at = now();
      const previousSecretUntil = new Date(at.getTime() + overlapMinutes * MINUTE_MS);
      await deps.webhooks.updateEndpoint(actor.ownerId, id, { secret: newSigningSecret(), previousSecret: ep.secret, previousSecretUntil, updatedAt: at });
      await deps.audit(actor, 'webhook_endpoint.secret_rotated', `webhook-endpoint:${id}`, { overlapMinutes });
      return mine(actor, id);
    },

    /** The delivery log: the endpoint's attempts, newest first. */
    async attempts(caller: Actor, id: string, limit: number): Promise<Attempt[]> {
      const actor = authorize(caller, 'webhooks.manage');
      await mine(actor, id);
      return deps.webhooks.attempts(actor.ownerId, id, limit);
    },

    /** Sends again one event, or every delivery not succeeded since a time; returns how many. */
    async redeliver(caller: Actor, id: string, which: { eventId: string } | { since: Date }): Promise<number> {
      const actor = authorize(caller, 'webhooks.manage');
      await mine(actor, id);
      const at = now();
      const reopened = await deps.webhooks.reopenDeliveries(actor.ownerId, id, which, at);
      if ('eventId' in which && reopened.length === 0) throw new NotFoundError(`Event ${which.eventId} was never delivered to this endpoint.`);
      for (const d of reopened) await deps.redeliver({ ownerId: actor.ownerId, deliveryId: d.id }, `${d.id}.redo${at.getTime()}`);
      await deps.audit(actor, 'webhook.redelivered', `webhook-endpoint:${id}`, 'eventId' in which ? { eventId: which.eventId } : { since: which.since.toISOString(), deliveries: reopened.length });
      return reopened.length;
    },
  };
}

export type EndpointService = ReturnType<typeof endpointService>;
