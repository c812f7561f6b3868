import { AppError } from './AppError.js';

/** No credentials, or credentials that are not (or no longer) valid. */
export class UnauthorizedError extends AppError {
  readonly status = 401;
  readonly code = 'unauthorized';
  readonly title = 'Authentication required';
}
