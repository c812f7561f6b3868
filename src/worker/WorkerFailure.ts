import type { FailureCode } from '../submissions/failureCode.js';

/** A run that cannot go ahead for a reason of ours the worker names itself. */
export class WorkerFailure extends Error {
  constructor(readonly code: FailureCode, message: string) {
    super(message);
    this.name = 'WorkerFailure';
  }
}
