import type { OwnerId } from '../tenancy/actor.js';
import type { SimilarityPair } from './similarityPair.js';

/**
 * A final submission as similarity compares it: the last completed one of its invitation and
 * challenge (`key` is the invitation, or the submission itself when it was made without one).
 */
export interface FinalSubmission {
  challengeSlug: string;
  key: string;
  submissionId: string;
  invitationId: string | null;
  language: string;
  completedAt: Date;
}

/** Which stored pairs to read: those of one submission, or of any submission of one invitation. */
export type PairsOf = { submissionId: string } | { invitationId: string };

/**
 * Where similarity keeps the final submissions it compared and their pairs, per owner: never
 * across owners. Adapters: platform/sqlite, platform/postgres.
 */
export interface SimilarityRepository {
  /**
   * Makes `final` its key's final submission, in one transaction with dropping the pairs of the one it
   * replaces; false (and nothing changed) when the key already has a later one.
   */
  replaceFinal(owner: OwnerId, final: FinalSubmission): Promise<boolean>;
  /** The final submissions of a challenge in a language, oldest first. */
  finals(owner: OwnerId, challengeSlug: string, language: string): Promise<FinalSubmission[]>;
  /** Stores pairs, replacing any stored for the same two submissions. */
  savePairs(owner: OwnerId, pairs: SimilarityPair[]): Promise<void>;
  /** The pairs of a submission or an invitation, most similar first. */
  pairs(owner: OwnerId, of: PairsOf): Promise<SimilarityPair[]>;
  /** Of these invitations, those with a pair at or above `threshold`. */
  flagged(owner: OwnerId, invitationIds: string[], threshold: number): Promise<Set<string>>;
}
