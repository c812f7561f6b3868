import type { Static } from '@sinclair/typebox';
import type { SimilarityPair } from '../../similarity/similarityPair.js';
import type { SimilarityPairSchema } from '../schemas/similarity.js';

export const similarityPairView = (p: SimilarityPair, threshold: number): Static<typeof SimilarityPairSchema> => ({
  challenge: p.challengeSlug,
  language: p.language,
  left: p.left,
  right: p.right,
  similarity: p.similarity,
  flagged: p.similarity >= threshold,
  longestFragment: p.longestFragment,
  fragments: p.fragments,
  comparedAt: p.comparedAt.toISOString(),
});

/** The similarity flag of an invitation the staff see; null where the caller may not read results. */
export const flagOf = (flags: Set<string> | null, invitationId: string) => (flags ? flags.has(invitationId) : null);

/** `view` of an invitation with its similarity flag. */
export const flaggedView = <T extends { id: string }, V>(view: (i: T) => V, flags: Set<string> | null) => (i: T) => ({ ...view(i), similarityFlagged: flagOf(flags, i.id) });
