import type { Assessment } from '../assessments/assessmentRepository.js';
import type { Invitation } from './invitationRepository.js';
import { percent } from '../scoring/percent.js';
import type { ScoreCap } from '../scoring/scoreCap.js';
import type { Submission } from '../submissions/submission.js';

export interface ChallengeResult {
  slug: string;
  version: string;
  weight: number;
  /** Scored submissions made for it. */
  submissions: number;
  /** The last scored one: the one that counts. */
  counted: Submission | null;
  /** Within the counted submission's cap. */
  percent: number;
  cap: ScoreCap | null;
}

export interface InvitationResult {
  invitation: Invitation;
  /** Weighted over the assessment's challenges; a challenge with nothing scored counts 0. */
  percent: number;
  challenges: ChallengeResult[];
  /** Raw points summed over the counted submissions; `percent` counts each within its ceiling. */
  skills: { skill: string; earned: number; max: number; percent: number; capped: boolean }[];
  /** From start to completion (or to now while it runs). */
  timeUsedMs: number | null;
  submissions: Submission[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/** An invitation's result: the last completed submission of each challenge counts, weighted. */
export function invitationResult(assessment: Assessment, invitation: Invitation, submissions: Submission[], now: Date): InvitationResult {
  const challenges = assessment.challenges.map((c): ChallengeResult => {
    const scored = submissions.filter((s) => s.challenge.slug === c.slug && s.status === 'completed');
    const counted = scored.at(-1) ?? null;
    return { slug: c.slug, version: c.version, weight: c.weight, submissions: scored.length, counted, percent: counted?.score?.percent ?? 0, cap: counted?.score?.cap ?? null };
  });
  const totalWeight = challenges.reduce((n, c) => n + c.weight, 0);
  // A capped skill counts its points only up to its ceiling, so the hole shows in the total too.
  const skills = new Map<string, { earned: number; max: number; counts: number; capped: boolean }>();
  for (const c of challenges) {
    for (const s of c.counted?.skills ?? []) {
      const acc = skills.get(s.skill) ?? { earned: 0, max: 0, counts: 0, capped: false };
      const counts = s.ceiling === null ? s.earned : Math.min(s.earned, (s.max * s.ceiling) / 100);
      skills.set(s.skill, { earned: acc.earned + s.earned, max: acc.max + s.max, counts: acc.counts + counts, capped: acc.capped || counts < s.earned });
    }
  }
  const end = invitation.completedAt ?? (invitation.state === 'started' ? now : null);
  return {
    invitation,
    percent: totalWeight === 0 ? 0 : round(challenges.reduce((n, c) => n + c.weight * c.percent, 0) / totalWeight),
    challenges,
    skills: [...skills].map(([skill, { earned, max, counts, capped }]) => ({ skill, earned, max, percent: percent(counts, max), capped })),
    timeUsedMs: invitation.startedAt && end ? end.getTime() - invitation.startedAt.getTime() : null,
    submissions,
  };
}
