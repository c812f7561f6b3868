import { AppError } from './AppError.js';

export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = 'validation-failed';
  readonly title = 'The request is invalid';
}
