import type { WebhookSettings } from '../config.js';

const MIN_RETRY_AFTER_CAP_MS = 60_000;

/**
 * The delay before the next attempt after `attemptsMade` attempts, or null when the schedule is
 * spent. Jitter adds up to `retryJitter` of the delay; a receiver's Retry-After may ask for longer,
 * up to the schedule's longest delay (and at least a minute), so no receiver can park an event forever.
 */
export function nextDelayMs(settings: Pick<WebhookSettings, 'retryScheduleMs' | 'retryJitter'>, attemptsMade: number, retryAfterMs: number | null, random = Math.random): number | null {
  const base = settings.retryScheduleMs[attemptsMade];
  if (base === undefined) return null;
  const jittered = Math.round(base * (1 + settings.retryJitter * random()));
  if (retryAfterMs === null) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, Math.max(MIN_RETRY_AFTER_CAP_MS, ...settings.retryScheduleMs)));
}

/** A Retry-After header (seconds, or an HTTP date) in ms from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now: Date): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
