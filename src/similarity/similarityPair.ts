/** Where a shared fragment stands in one submission: a file and a range, lines and columns from 1. */
export interface SourceRegion {
  path: string;
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
}

/** One fragment both submissions share, at its place on each side; `kgrams` is its length. */
export interface MatchedRegion {
  left: SourceRegion;
  right: SourceRegion;
  kgrams: number;
}

/** How alike two final submissions of one challenge are, as dolos measured them. */
export interface PairComparison {
  /** Dolos's similarity: the share of both sides' fingerprints they have in common, 0 to 1. */
  similarity: number;
  /** The longest shared fragment (in k-grams); it is `fragments[0]` when there are any. */
  longestFragment: number;
  /** The shared fragments, longest first, capped. */
  fragments: MatchedRegion[];
}

/** A stored pair: `left` is the submission whose arrival made the comparison, `right` the earlier one. */
export interface SimilarityPair extends PairComparison {
  challengeSlug: string;
  language: string;
  left: { submissionId: string; invitationId: string | null };
  right: { submissionId: string; invitationId: string | null };
  comparedAt: Date;
}
