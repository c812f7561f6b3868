import { AppError } from './AppError.js';

/** The same Idempotency-Key came with a different request body. */
export class IdempotencyKeyReusedError extends AppError {
  readonly status = 422;
  readonly code = 'idempotency-key-reused';
  readonly title = 'Idempotency key reused with a different request';
}
