import { AppError } from './AppError.js';

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'payload-too-large';
  readonly title = 'The request body is too large';
}
