import { AppError } from './AppError.js';

/** An operator has to free space; retrying much sooner would only fail again. */
const RETRY_AFTER_S = '60';

/**
 * The database has no space left (SQLite's SQLITE_FULL, PostgreSQL's disk_full): nothing was
 * written, and the write may be retried once there is room. Raised by the storage adapters
 * (platform/storeFaults.ts), so no driver's error code leaks into the services.
 */
export class StorageFullError extends AppError {
  readonly status = 503;
  readonly code = 'storage-full';
  readonly title = 'The database is full';

  constructor(options: { cause?: unknown } = {}) {
    super('The database has no space left, so nothing was stored; retry later with the same Idempotency-Key.', { ...options, headers: { 'retry-after': RETRY_AFTER_S } });
  }
}
