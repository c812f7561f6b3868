import type { Assessment, ResultVisibility } from '../assessments/assessmentRepository.js';
import type { Invitation, InvitationState } from '../invitations/invitationRepository.js';

// Rows of assessments and invitations as both adapters read them.

type ChallengeRow = Omit<Assessment['challenges'][number], 'languages'> & { languages?: Assessment['challenges'][number]['languages'] };

export const toAssessment = (r: Omit<Assessment, 'resultVisibility' | 'challenges'> & { resultVisibility: string; challenges: ChallengeRow[] }): Assessment => ({
  id: r.id,
  name: r.name,
  instructions: r.instructions,
  timeLimitMinutes: r.timeLimitMinutes,
  maxSubmissions: r.maxSubmissions,
  resultVisibility: r.resultVisibility as ResultVisibility,
  challenges: r.challenges.map((c) => ({ ...c, languages: c.languages ?? null })),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export interface InvitationRow {
  id: string;
  assessmentId: string;
  candidateName: string;
  candidateEmail: string;
  externalId: string | null;
  validFrom: Date;
  validUntil: Date;
  state: string;
  startedAt: Date | null;
  deadline: Date | null;
  completedAt: Date | null;
  createdAt: Date;
}

export const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id,
  assessmentId: r.assessmentId,
  candidate: { name: r.candidateName, email: r.candidateEmail, externalId: r.externalId },
  validFrom: r.validFrom,
  validUntil: r.validUntil,
  state: r.state as InvitationState,
  startedAt: r.startedAt,
  deadline: r.deadline,
  completedAt: r.completedAt,
  createdAt: r.createdAt,
});

export const invitationColumns = (inv: Invitation) => ({
  id: inv.id,
  assessmentId: inv.assessmentId,
  candidateName: inv.candidate.name,
  candidateEmail: inv.candidate.email,
  externalId: inv.candidate.externalId,
  validFrom: inv.validFrom,
  validUntil: inv.validUntil,
  state: inv.state,
  startedAt: inv.startedAt,
  deadline: inv.deadline,
  completedAt: inv.completedAt,
  createdAt: inv.createdAt,
});
