import type { ScoredTest } from '../scoring/scoreRun.js';
import type { Verdict } from '../scoring/verdict.js';
import type { StoredScore, Submission } from './submission.js';

/** Why a submission was graded again. Only regrades, for now. */
export type GradingReason = 'regrade';

/**
 * A later scoring of a submission against another version of its challenge, kept beside the
 * original score and never replacing it: the submission's own score is what the candidate was given.
 */
export interface Grading {
  id: string;
  submissionId: string;
  /** The challenge version it was scored against. */
  challengeVersion: string;
  reason: GradingReason;
  verdict: Verdict;
  message: string | null;
  score: StoredScore;
  tests: ScoredTest[];
  skills: Submission['skills'];
  log: string;
  createdAt: Date;
}
