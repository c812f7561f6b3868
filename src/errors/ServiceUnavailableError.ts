import { AppError } from './AppError.js';

/** A dependency (Redis, Docker) is down; the client may retry, ideally with its Idempotency-Key. */
export class ServiceUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'service-unavailable';
  readonly title = 'Service temporarily unavailable';
}
