import type { Static } from '@sinclair/typebox';
import type { Assessment } from '../../assessments/assessmentRepository.js';
import type { ChallengePackage } from '../../challenges/challengePackage.js';
import { offeredLanguages } from '../../challenges/manifest.js';
import type { Draft } from '../../invitations/draftRepository.js';
import type { Invitation } from '../../invitations/invitationRepository.js';
import type { InvitationResult } from '../../invitations/invitationResult.js';
import type { Organisation } from '../../organisations/organisationRepository.js';
import type { ServerLimits } from '../../sandbox/limits.js';
import type { CandidateViewSchema, InvitationResultSchema } from '../schemas/assessment.js';
import { challengeView } from './challengeView.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const assessmentView = (a: Assessment) => ({ ...a, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString() });

export const invitationView = (i: Invitation) => ({
  ...i,
  validFrom: i.validFrom.toISOString(),
  validUntil: i.validUntil.toISOString(),
  startedAt: iso(i.startedAt),
  deadline: iso(i.deadline),
  completedAt: iso(i.completedAt),
  createdAt: i.createdAt.toISOString(),
});

/** The interviewer's view of a result: everything but the candidate's files and the run's whole log, which have their own routes. */
export const invitationResultView = (r: InvitationResult): Static<typeof InvitationResultSchema> => ({
  invitation: invitationView(r.invitation),
  percent: r.percent,
  timeUsedMs: r.timeUsedMs,
  challenges: r.challenges.map((c) => ({ slug: c.slug, version: c.version, weight: c.weight, submissions: c.submissions, percent: c.percent, cap: c.cap, counted: c.counted?.id ?? null })),
  skills: r.skills as Static<typeof InvitationResultSchema>['skills'],
  submissions: r.submissions.map((s) => ({
    id: s.id,
    challenge: s.challenge.slug,
    status: s.status,
    verdict: s.verdict,
    score: s.score,
    tests: s.tests.map(({ name, status, points, maxPoints, message, output }) => ({ name, status, points, maxPoints, message, output })),
    createdAt: s.createdAt.toISOString(),
  })),
});

export const draftView = (d: Draft) => ({ ...d, updatedAt: d.updatedAt.toISOString() });

/** What the candidate sees of their session; each challenge with the languages the assessment allows (null there: all it offers). */
export function candidateView(
  { organisation, invitation, assessment, challenges }: { organisation: Organisation; invitation: Invitation; assessment: Assessment; challenges: ChallengePackage[] },
  limits: ServerLimits,
): Static<typeof CandidateViewSchema> {
  const { name, instructions, timeLimitMinutes, maxSubmissions } = assessment;
  return {
    organisation: { name: organisation.name },
    invitation: invitationView(invitation),
    assessment: { name, instructions, timeLimitMinutes, maxSubmissions },
    challenges: challenges.map((c, i) => ({ ...challengeView(c, limits), languages: assessment.challenges[i]!.languages ?? offeredLanguages(c.manifest) })),
  };
}
