import type { WebhookSettings } from '../config.js';
import type { StoredEvent } from '../outbox/outboxRepository.js';
import { retryAfterMs } from './retrySchedule.js';
import { safeRequest } from './safeRequest.js';
import { signedHeaders } from './signing.js';
import type { WebhookEndpoint } from './webhookRepository.js';

export interface AttemptOutcome {
  statusCode: number | null;
  latencyMs: number;
  response: string;
  succeeded: boolean;
  retryAfterMs: number | null;
}

/** The Standard Webhooks body: type, timestamp (when it happened), data. */
export const webhookBody = (ev: StoredEvent) => JSON.stringify({ type: ev.type, timestamp: ev.at.toISOString(), data: ev.payload ?? ev.data });

/** The secrets an attempt at `at` is signed with: the current one, and the previous during its overlap. */
export const signingSecrets = (ep: WebhookEndpoint, at: Date) =>
  ep.previousSecret && ep.previousSecretUntil && ep.previousSecretUntil > at ? [ep.secret, ep.previousSecret] : [ep.secret];

/** One signed POST of an event to an endpoint; every way it can go is an outcome, nothing throws. */
export async function deliverOnce(ep: WebhookEndpoint, ev: StoredEvent, settings: WebhookSettings, at: Date): Promise<AttemptOutcome> {
  const body = webhookBody(ev);
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const res = await safeRequest(ep.url, {
      method: 'POST',
      headers: { ...signedHeaders(ev.id, at, body, signingSecrets(ep, at)), 'user-agent': 'Assay-Webhooks/1' },
      body,
      connectTimeoutMs: settings.connectTimeoutMs,
      timeoutMs: settings.timeoutMs,
      allowPrivate: settings.allowPrivateUrls,
    });
    const succeeded = res.statusCode >= 200 && res.statusCode < 300;
    return { statusCode: res.statusCode, latencyMs: latency(), response: res.body, succeeded, retryAfterMs: retryAfterMs(res.headers['retry-after'], at) };
  } catch (err) {
    return { statusCode: null, latencyMs: latency(), response: `${(err as Error).name}: ${(err as Error).message}`, succeeded: false, retryAfterMs: null };
  }
}
