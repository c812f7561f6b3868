import type { OutboxEvent } from '../outbox/outboxEvent.js';
import type { OwnerId } from '../tenancy/actor.js';
import type { Failure } from './failureCode.js';
import type { RunResult, Submission, SubmittedFile } from './submission.js';

export interface NewSubmission {
  id: string;
  /** The invitation a candidate submitted it under; null for a platform's direct submission. */
  invitationId?: string | null;
  challengeSlug: string;
  challengeVersion: string;
  files: SubmittedFile[];
  idempotencyKey: string | null;
  requestHash: string;
}

/** A submission as the sweeper and the tools list it: enough to find it again. */
export interface SubmissionRef {
  ownerId: OwnerId;
  id: string;
}

/**
 * Where submissions are kept. Every method that reads or writes one takes the owner it belongs to;
 * a submission of another owner does not exist for the caller. Adapters: platform/sqlite, platform/postgres.
 */
export interface SubmissionRepository {
  /** Stores a `queued` submission; raises DuplicateKeyError when the owner already used its idempotency key. */
  insert(owner: OwnerId, s: NewSubmission, now: Date): Promise<void>;
  delete(owner: OwnerId, id: string): Promise<void>;
  findByIdempotencyKey(owner: OwnerId, key: string): Promise<{ id: string; requestHash: string } | undefined>;
  get(owner: OwnerId, id: string): Promise<Submission | undefined>;
  /** queued|running → running, one more attempt; false when it is finished already (or gone). */
  markRunning(owner: OwnerId, id: string, now: Date): Promise<boolean>;
  /**
   * Stores the score and per-test results in one transaction, only if it is not finished: a job
   * retaken after a stalled worker can run twice, but a submission is scored once. `events` are
   * written in the same transaction, and `invitation.completed` when it was the last one its
   * completed invitation waited for.
   */
  complete(owner: OwnerId, id: string, result: RunResult, now: Date, events?: OutboxEvent[]): Promise<boolean>;
  /** Ends an unfinished submission that could not be run for reasons of ours (and may complete its invitation, as `complete`). */
  fail(owner: OwnerId, id: string, failure: Failure, now: Date): Promise<boolean>;
  /** Submissions of every owner still `queued` since before `olderThan`, oldest first. */
  staleQueued(olderThan: Date, limit: number): Promise<SubmissionRef[]>;
  /** The submissions made under an invitation, oldest first. */
  listByInvitation(owner: OwnerId, invitationId: string): Promise<Submission[]>;
  /** The owner's completed submissions of a challenge scored against another version, oldest first. */
  completedOnOtherVersions(owner: OwnerId, slug: string, version: string, limit: number): Promise<Submission[]>;
}
