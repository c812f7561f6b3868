import type { ChallengePackage } from '../challenges/challengePackage.js';
import type { SandboxLimits } from '../sandbox/limits.js';
import type { SubmittedFile } from '../submissions/submission.js';
import type { OwnerId } from '../tenancy/actor.js';

/** What of a challenge version a worker needs to grade: the manifest and the hidden tests. */
export type GradingPackage = Pick<ChallengePackage, 'manifest' | 'hiddenTests' | 'version'>;

/**
 * Everything one run needs, so a worker needs no database: the files, the limits, and the
 * challenge version, whose package it fetches by content hash (packageCache.ts).
 */
export interface SubmissionJob {
  ownerId: OwnerId;
  submissionId: string;
  challenge: { slug: string; version: string };
  files: SubmittedFile[];
  limits: SandboxLimits;
  /** The API request that made it, so the worker's log lines can be matched to it; absent for a sweeper's requeue. */
  requestId?: string;
}
