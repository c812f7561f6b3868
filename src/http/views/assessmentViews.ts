import type { Static } from '@sinclair/typebox';
import type { Assessment } from '../../assessments/assessmentRepository.js';
import type { Draft } from '../../invitations/draftRepository.js';
import type { Invitation } from '../../invitations/invitationRepository.js';
import type { InvitationResult } from '../../invitations/invitationResult.js';
import type { InvitationResultSchema } from '../schemas/assessment.js';

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
  challenges: r.challenges.map((c) => ({ slug: c.slug, version: c.version, weight: c.weight, submissions: c.submissions, percent: c.percent, counted: c.counted?.id ?? null })),
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
