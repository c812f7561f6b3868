import type { OwnerId } from '../tenancy/actor.js';
import type { Failure } from './failureCode.js';
import type { RunResult } from './submission.js';

/** What a worker sends back about a submission, for the API side to record in its database. */
export type ResultMessage = { ownerId: OwnerId; submissionId: string } & (
  | { kind: 'started' }
  | { kind: 'completed'; result: RunResult }
  | { kind: 'failed'; failure: Failure }
);
