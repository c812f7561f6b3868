import type { InvitationResult } from './invitationResult.js';

/** RFC 4180: quote every field that needs it, double the quotes inside; a leading =+-@ is defused for spreadsheets. */
const field = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** One row per invitation: who, state, time used, the weighted total and each challenge's percent. */
export function resultsCsv(slugs: string[], results: InvitationResult[]): string {
  const header = ['invitation', 'name', 'email', 'external_id', 'state', 'started_at', 'completed_at', 'time_used_s', 'percent', ...slugs.map((s) => `${s}_percent`)];
  const rows = results.map((r) => {
    const { invitation: i } = r;
    return [i.id, i.candidate.name, i.candidate.email, i.candidate.externalId, i.state, i.startedAt?.toISOString() ?? null, i.completedAt?.toISOString() ?? null,
      r.timeUsedMs === null ? null : Math.round(r.timeUsedMs / 1000), r.percent, ...slugs.map((s) => r.challenges.find((c) => c.slug === s)?.percent ?? null)];
  });
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
