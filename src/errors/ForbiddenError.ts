import { AppError } from './AppError.js';

/** Authenticated, but the role or the key's scopes do not allow this. */
export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'forbidden';
  readonly title = 'Not allowed';
}
