import { AppError } from './AppError.js';

/** The request is valid but clashes with what exists (a taken email, the last owner). */
export class ConflictError extends AppError {
  readonly status = 409;
  readonly code = 'conflict';
  readonly title = 'Conflict';
}
