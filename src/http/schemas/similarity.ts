import { Type } from '@sinclair/typebox';

const Region = Type.Object({
  path: Type.String(),
  startLine: Type.Integer({ minimum: 1 }),
  startCol: Type.Integer({ minimum: 1 }),
  endLine: Type.Integer({ minimum: 1 }),
  endCol: Type.Integer({ minimum: 1, description: 'A very large number: to the end of the line' }),
});

const Fragment = Type.Object({ left: Region, right: Region, kgrams: Type.Integer({ description: 'Its length in k-grams of tokens' }) });

const Side = Type.Object({ submissionId: Type.String(), invitationId: Type.Union([Type.String(), Type.Null()]) });

export const SimilarityPairSchema = Type.Object({
  challenge: Type.String(),
  language: Type.String(),
  left: Side,
  right: Side,
  similarity: Type.Number({ minimum: 0, maximum: 1, description: 'Dolos\'s similarity: the share of both sides\' fingerprints they have in common, the starter code left out' }),
  flagged: Type.Boolean({ description: 'At or above the configured threshold' }),
  longestFragment: Type.Integer({ description: 'In k-grams; it is `fragments[0]`' }),
  fragments: Type.Array(Fragment, { description: 'Shared fragments, longest first: where each stands on both sides' }),
  comparedAt: Type.String({ format: 'date-time' }),
});

export const SimilarityPairsSchema = Type.Object({
  threshold: Type.Number(),
  items: Type.Array(SimilarityPairSchema, { description: 'Most similar first; the submission or invitation asked about is on the left' }),
});

/** Added to an invitation in the staff's views; never in a candidate's or a shared report's. */
export const SimilarityFlagSchema = Type.Object({
  similarityFlagged: Type.Union([Type.Boolean(), Type.Null()], { description: 'Whether a final submission of it is at or above the similarity threshold with another one; null when the caller may not read results' }),
});
