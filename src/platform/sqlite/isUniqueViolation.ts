import { DuplicateKeyError } from '../../errors/DuplicateKeyError.js';
import { driverCode } from '../driverCode.js';

/** better-sqlite3 reports a unique or primary-key clash with these codes. */
function isUniqueViolation(err: unknown): boolean {
  const c = driverCode(err);
  return c === 'SQLITE_CONSTRAINT_UNIQUE' || c === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs a write, turning a unique-key clash into the DuplicateKeyError the services understand. */
export function unique<T>(key: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new DuplicateKeyError(key, { cause: err });
    throw err;
  }
}
