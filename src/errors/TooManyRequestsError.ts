import { AppError } from './AppError.js';

export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly code = 'too-many-requests';
  readonly title = 'Too many requests';
}
