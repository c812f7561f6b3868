import { AppError } from './AppError.js';

/** A submission names a challenge that does not exist: the body is at fault, not the URL. */
export class UnknownChallengeError extends AppError {
  readonly status = 422;
  readonly code = 'unknown-challenge';
  readonly title = 'Unknown challenge';
}
