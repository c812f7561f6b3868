import type { Attempt, WebhookEndpoint } from '../../webhooks/webhookRepository.js';

/** An endpoint as listed: never its secrets. */
export const endpointView = (ep: WebhookEndpoint) => ({
  id: ep.id,
  url: ep.url,
  description: ep.description,
  eventTypes: ep.eventTypes,
  enabled: ep.enabled,
  disabledReason: ep.disabledReason,
  previousSecretUntil: ep.previousSecretUntil?.toISOString() ?? null,
  lastSuccessAt: ep.lastSuccessAt?.toISOString() ?? null,
  createdAt: ep.createdAt.toISOString(),
  updatedAt: ep.updatedAt.toISOString(),
});

export const attemptView = (a: Attempt) => ({
  id: a.id,
  eventId: a.eventId,
  attempt: a.attempt,
  at: a.at.toISOString(),
  statusCode: a.statusCode,
  latencyMs: a.latencyMs,
  response: a.response,
  succeeded: a.succeeded,
});
