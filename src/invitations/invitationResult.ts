import type { Assessment } from '../assessments/assessmentRepository.js';
import type { Invitation } from './invitationRepository.js';
import type { Submission } from '../submissions/submission.js';

export interface ChallengeResult {
  slug: string;
  version: string;
  weight: number;
  /** Scored submissions made for it. */
  submissions: number;
  /** The last scored one: the one that counts. */
  counted: Submission | null;
  percent: number;
}

export interface InvitationResult {
  invitation: Invitation;
  /** Weighted over the assessment's challenges; a challenge with nothing scored counts 0. */
  percent: number;
  challenges: ChallengeResult[];
  skills: { skill: string; earned: number; max: number; percent: number }[];
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
    return { slug: c.slug, version: c.version, weight: c.weight, submissions: scored.length, counted, percent: counted?.score?.percent ?? 0 };
  });
  const totalWeight = challenges.reduce((n, c) => n + c.weight, 0);
  const skills = new Map<string, { earned: number; max: number }>();
  for (const c of challenges) {
    for (const s of c.counted?.skills ?? []) {
      const acc = skills.get(s.skill) ?? { earned: 0, max: 0 };
      skills.set(s.skill, { earned: acc.earned + s.earned, max: acc.max + s.max });
    }
  }
  const end = invitation.completedAt ?? (invitation.state === 'started' ? now : null);
  return {
    invitation,
    percent: totalWeight === 0 ? 0 : round(challenges.reduce((n, c) => n + c.weight * c.percent, 0) / totalWeight),
    challenges,
    skills: [...skills].map(([skill, s]) => ({ skill, ...s, percent: s.max === 0 ? 0 : round((s.earned / s.max) * 100) })),
    timeUsedMs: invitation.startedAt && end ? end.getTime() - invitation.startedAt.getTime() : null,
    submissions,
  };
}
