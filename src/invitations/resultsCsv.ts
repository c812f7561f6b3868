import type { ScoreCap } from '../scoring/scoreCap.js';
import type { InvitationResult } from './invitationResult.js';

/** RFC 4180: quote every field that needs it, double the quotes inside; a leading =+-@ is defused for spreadsheets. */
const field = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** Why a challenge's score was capped, e.g. `25% forged tokens: accepts forged tokens (test_a)`; empty when it was not. */
const capText = (cap: ScoreCap | null) => cap?.triggered.map((t) => `${t.ceiling}% ${t.name}: ${t.reason} (${t.tests.join(' ')})`).join('; ') ?? null;

/** One row per invitation: who, state, time used, the weighted total, each challenge's percent, then why any was capped. */
export function resultsCsv(slugs: string[], results: InvitationResult[]): string {
  const header = ['invitation', 'name', 'email', 'external_id', 'state', 'started_at', 'completed_at', 'time_used_s', 'percent', ...slugs.map((s) => `${s}_percent`), ...slugs.map((s) => `${s}_capped_by`)];
  const rows = results.map((r) => {
    const { invitation: i } = r;
    return [i.id, i.candidate.name, i.candidate.email, i.candidate.externalId, i.state, i.startedAt?.toISOString() ?? null, i.completedAt?.toISOString() ?? null,
      r.timeUsedMs === null ? null : Math.round(r.timeUsedMs / 1000), r.percent, ...slugs.map((s) => r.challenges.find((c) => c.slug === s)?.percent ?? null),
      ...slugs.map((s) => capText(r.challenges.find((c) => c.slug === s)?.cap ?? null))];
  });
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
