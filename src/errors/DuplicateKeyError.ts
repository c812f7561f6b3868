/**
 * A write lost a race on a unique key (e.g. two requests with one Idempotency-Key). Raised by the
 * storage adapters so no driver's error code leaks into the services that decide what it means.
 */
export class DuplicateKeyError extends Error {
  constructor(readonly key: string, options?: { cause?: unknown }) {
    super(`duplicate value for unique key ${key}`, options);
    this.name = 'DuplicateKeyError';
  }
}
