import { randomUUID } from 'node:crypto';
import { DelayedError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { WebhookSettings } from '../config.js';
import { outboxEvent } from '../outbox/outboxEvent.js';
import type { OutboxRepository } from '../outbox/outboxRepository.js';
import { deliverOnce } from './deliverOnce.js';
import { deliveryQueueName, type DeliveryJob } from './deliveryQueue.js';
import { nextDelayMs } from './retrySchedule.js';
import type { DeliveryStatus, WebhookEndpoint, WebhookRepository } from './webhookRepository.js';

export interface DeliveryDeps {
  webhooks: WebhookRepository;
  outbox: Pick<OutboxRepository, 'get'>;
  settings: WebhookSettings;
  now?: () => Date;
}

/** How the audit log names Assay itself when it acts on its own. */
const SYSTEM_ACTOR = 'system:webhooks';

/**
 * One delivery job: an attempt, logged; on failure the same job moves to the next slot of the
 * schedule (so a crash mid-attempt leaves it to be retaken, never lost). 410 Gone disables the
 * endpoint; so does failing for the whole schedule with no success meanwhile. Either tells the
 * organisation: a `webhook_endpoint.disabled` event and an audit entry.
 */
export function deliveryProcessor(deps: DeliveryDeps) {
  const now = deps.now ?? (() => new Date());

  async function disable(owner: string, ep: WebhookEndpoint, reason: 'gone' | 'failing'): Promise<void> {
    const at = now();
    await deps.webhooks.disableEndpoint(owner, ep.id, reason, {
      events: [outboxEvent('webhook_endpoint.disabled', { endpointId: ep.id, url: ep.url, reason }, at)],
      audit: { id: randomUUID(), at, actor: SYSTEM_ACTOR, action: 'webhook_endpoint.disabled', target: `webhook-endpoint:${ep.id}`, details: { reason, url: ep.url } },
    });
  }

  return async function process(job: Job<DeliveryJob>, token?: string): Promise<void> {
    const { ownerId, deliveryId } = job.data;
    const delivery = await deps.webhooks.getDelivery(ownerId, deliveryId);
    if (!delivery || delivery.status !== 'pending') return;
    const ep = await deps.webhooks.getEndpoint(ownerId, delivery.endpointId);
    const ev = await deps.outbox.get(ownerId, delivery.eventId);
    // A disabled endpoint keeps its pending deliveries for a redelivery once it is enabled again.
    if (!ep || !ep.enabled || !ev) return;
    const at = now();
    const outcome = await deliverOnce(ep, ev, deps.settings, at);
    const attempt = delivery.attempts + 1;
    const gone = outcome.statusCode === 410;
    const delay = outcome.succeeded || gone ? null : nextDelayMs(deps.settings, attempt, outcome.retryAfterMs);
    const status: DeliveryStatus = outcome.succeeded ? 'succeeded' : delay === null ? 'failed' : 'pending';
    await deps.webhooks.recordAttempt(ownerId, {
      id: randomUUID(),
      deliveryId,
      eventId: ev.id,
      endpointId: ep.id,
      attempt,
      at,
      statusCode: outcome.statusCode,
      latencyMs: outcome.latencyMs,
      response: outcome.response,
      succeeded: outcome.succeeded,
    }, status);
    if (gone) return disable(ownerId, ep, 'gone');
    if (status === 'failed') {
      const fresh = await deps.webhooks.getEndpoint(ownerId, ep.id);
      if (!fresh?.lastSuccessAt || fresh.lastSuccessAt < delivery.createdAt) await disable(ownerId, ep, 'failing');
      return;
    }
    if (status === 'pending') {
      await job.moveToDelayed(Date.now() + delay!, token);
      throw new DelayedError();
    }
  };
}

/** The delivery consumer of an API process; a stalled job (its process killed) is retaken, however often. */
export function startDeliveryWorker(queueName: string, connection: ConnectionOptions, deps: DeliveryDeps, lockMs: number): Worker<DeliveryJob> {
  return new Worker<DeliveryJob>(deliveryQueueName(queueName), deliveryProcessor(deps), { connection, concurrency: 8, lockDuration: lockMs, stalledInterval: lockMs, maxStalledCount: 1000 });
}
