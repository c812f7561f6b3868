import type { SimilarityPair } from '../similarity/similarityPair.js';
import type { FinalSubmission } from '../similarity/similarityRepository.js';

type PairRow = Omit<SimilarityPair, 'left' | 'right'> & {
  leftSubmissionId: string;
  leftInvitationId: string | null;
  rightSubmissionId: string;
  rightInvitationId: string | null;
};

export const toPairRow = (owner: string, p: SimilarityPair) => ({
  ownerId: owner,
  challengeSlug: p.challengeSlug,
  language: p.language,
  leftSubmissionId: p.left.submissionId,
  leftInvitationId: p.left.invitationId,
  rightSubmissionId: p.right.submissionId,
  rightInvitationId: p.right.invitationId,
  similarity: p.similarity,
  longestFragment: p.longestFragment,
  fragments: p.fragments,
  comparedAt: p.comparedAt,
});

export const toPair = (r: PairRow): SimilarityPair => ({
  challengeSlug: r.challengeSlug,
  language: r.language,
  left: { submissionId: r.leftSubmissionId, invitationId: r.leftInvitationId },
  right: { submissionId: r.rightSubmissionId, invitationId: r.rightInvitationId },
  similarity: r.similarity,
  longestFragment: r.longestFragment,
  fragments: r.fragments,
  comparedAt: r.comparedAt,
});

export const toFinal = (r: FinalSubmission & { ownerId: string }): FinalSubmission => ({
  challengeSlug: r.challengeSlug,
  key: r.key,
  submissionId: r.submissionId,
  invitationId: r.invitationId,
  language: r.language,
  completedAt: r.completedAt,
});

/** The invitations among `ids` that stand on either side of the given rows. */
export function invitationsAmong(rows: { leftInvitationId: string | null; rightInvitationId: string | null }[], ids: string[]): Set<string> {
  const wanted = new Set(ids);
  return new Set(rows.flatMap((r) => [r.leftInvitationId, r.rightInvitationId]).filter((id): id is string => id !== null && wanted.has(id)));
}
