import type { WebhookAttempt } from '../api/types';

/** One event's delivery to an endpoint as the log shows it: its attempts, the latest first. */
export interface EventDelivery {
  eventId: string;
  attempts: WebhookAttempt[];
  latest: WebhookAttempt;
  /** Whether any attempt succeeded (a redelivery after a success is still delivered). */
  delivered: boolean;
}

/** Groups the delivery log (every attempt, any order) by event, the most recently attempted event first. */
export function deliveriesOf(attempts: WebhookAttempt[]): EventDelivery[] {
  const byEvent = new Map<string, WebhookAttempt[]>();
  for (const a of [...attempts].sort((x, y) => y.at.localeCompare(x.at) || y.attempt - x.attempt)) {
    byEvent.set(a.eventId, [...(byEvent.get(a.eventId) ?? []), a]);
  }
  return [...byEvent].map(([eventId, list]) => ({ eventId, attempts: list, latest: list[0]!, delivered: list.some((a) => a.succeeded) }));
}
