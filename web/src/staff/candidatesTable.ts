import type { Invitation, InvitationResult } from '../api/types';

/** One candidate of an assessment as the table shows it. */
export interface CandidateLine {
  invitation: Invitation;
  result: InvitationResult | null;
}

export type SortKey = 'name' | 'state' | 'total' | 'timeUsed' | `skill:${string}`;

/** What in a candidate's record asks for a closer look. */
export function flagsOf(line: CandidateLine): string[] {
  const r = line.result;
  const flags: string[] = [];
  if (r && ['completed', 'expired'].includes(line.invitation.state) && r.submissions.length === 0) flags.push('no submission');
  if (r?.submissions.some((s) => s.status === 'failed')) flags.push('run failed');
  if (r?.submissions.some((s) => s.verdict && ['time_limit_exceeded', 'memory_limit_exceeded', 'output_limit_exceeded'].includes(s.verdict))) flags.push('hit a limit');
  const { deadline, completedAt } = line.invitation;
  if (line.invitation.state === 'expired' || (deadline && completedAt && completedAt >= deadline)) flags.push('ran out of time');
  if (line.invitation.similarityFlagged) flags.push('similar to another');
  return flags;
}

function value(line: CandidateLine, key: SortKey): string | number {
  if (key === 'name') return line.invitation.candidate.name.toLowerCase();
  if (key === 'state') return line.invitation.state;
  if (key === 'total') return line.result?.percent ?? -1;
  if (key === 'timeUsed') return line.result?.timeUsedMs ?? -1;
  const skill = key.slice('skill:'.length);
  return line.result?.skills.find((s) => s.skill === skill)?.percent ?? -1;
}

/** The rows matching `filter` (name, email or state; a state name alone picks that state), sorted by `key`. */
export function sortAndFilter(lines: CandidateLine[], key: SortKey, direction: 'asc' | 'desc', filter: string): CandidateLine[] {
  const f = filter.trim().toLowerCase();
  const matching = f === '' ? lines : lines.filter(({ invitation: i }) => i.state === f || i.candidate.name.toLowerCase().includes(f) || i.candidate.email.toLowerCase().includes(f));
  const sign = direction === 'asc' ? 1 : -1;
  return [...matching].sort((a, b) => {
    const [x, y] = [value(a, key), value(b, key)];
    return (x < y ? -1 : x > y ? 1 : 0) * sign || a.invitation.createdAt.localeCompare(b.invitation.createdAt);
  });
}

/** Every skill any candidate was scored on, for the table's columns. */
export const skillsOf = (lines: CandidateLine[]) => [...new Set(lines.flatMap((l) => l.result?.skills.map((s) => s.skill) ?? []))].sort();

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const min = Math.round(ms / 60_000);
  return min < 60 ? `${min} min` : `${Math.floor(min / 60)} h ${min % 60} min`;
}
