/** Minutes left at which the candidate is warned, largest first. */
export const WARNINGS_MIN = [10, 2] as const;

/** "1:02:03" or "12:34" for what is left; never negative. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/**
 * The warning due when the time left went from `before` to `now` (ms), crossing a threshold, or
 * null. A page opened with less time left than a threshold does not replay warnings already past.
 */
export function warningCrossed(before: number | null, now: number): number | null {
  if (before === null) return null;
  const crossed = WARNINGS_MIN.filter((min) => before > min * 60_000 && now <= min * 60_000);
  return crossed.length > 0 ? Math.min(...crossed) : null;
}

/** What the clock shows as its urgency: calm, warned (under 10 min), urgent (under 2 min), over. */
export function urgency(ms: number): 'calm' | 'warn' | 'urgent' | 'over' {
  if (ms <= 0) return 'over';
  if (ms <= 2 * 60_000) return 'urgent';
  if (ms <= 10 * 60_000) return 'warn';
  return 'calm';
}
