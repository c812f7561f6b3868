import type { PackageFile } from '../challenges/challengePackage.js';
import type { ScoreCap } from '../scoring/scoreCap.js';
import type { Score, ScoredTest } from '../scoring/scoreRun.js';
import type { Verdict } from '../scoring/verdict.js';
import type { FailureCode } from './failureCode.js';

export type SubmissionStatus = 'queued' | 'running' | 'completed' | 'failed';

/** A file of a submission; its `encoding` (default `utf8`) says whether `content` is text or base64. */
export type SubmittedFile = PackageFile;

/** What a client asks to have graded. */
export interface SubmissionRequest {
  challenge: string;
  files: SubmittedFile[];
}

export interface StoredScore {
  earned: number;
  max: number;
  percent: number;
  cap: ScoreCap | null;
}

/** A candidate's files for one challenge version, and what became of them. */
export interface Submission {
  id: string;
  invitationId: string | null;
  challenge: { slug: string; version: string };
  status: SubmissionStatus;
  verdict: Verdict | null;
  message: string | null;
  /** Set when the submission `failed`: why we could not run it. */
  failureCode: FailureCode | null;
  /** `percent` is within the cap when one applies; `earned` and `max` are the raw points. */
  score: StoredScore | null;
  tests: ScoredTest[];
  skills: { skill: string; earned: number; max: number; ceiling: number | null; percent: number }[];
  files: SubmittedFile[];
  log: string | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

/** What a run produced, as the worker sends it back to be recorded. */
export interface RunResult {
  score: Score;
  /** The candidate's output, capped. */
  log: string;
}
