import { AppError } from './AppError.js';

/** The candidate's session is not open (not started, past its deadline, cancelled): nothing can be submitted. */
export class SessionClosedError extends AppError {
  readonly status = 409;
  readonly code = 'session-closed';
  readonly title = 'The assessment session is closed';
}
