import type { OwnerId } from '../tenancy/actor.js';
import type { GradingReason, Grading } from './grading.js';
import type { RunResult } from './submission.js';

export interface NewGrading {
  id: string;
  submissionId: string;
  challengeVersion: string;
  reason: GradingReason;
  result: RunResult;
}

/**
 * Where further gradings of submissions are kept (adapters: platform/sqlite, platform/postgres).
 * A grading belongs to its submission's owner; a submission of another owner does not exist for the caller.
 */
export interface GradingRepository {
  /** Stores a grading of one of the owner's submissions; false (and nothing stored) when there is no such submission. */
  add(owner: OwnerId, g: NewGrading, now: Date): Promise<boolean>;
  /** The gradings of a submission, oldest first; none for another owner's. */
  listBySubmission(owner: OwnerId, submissionId: string): Promise<Grading[]>;
}
