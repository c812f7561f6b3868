import { DuplicateKeyError } from '../../errors/DuplicateKeyError.js';
import { driverCode } from '../driverCode.js';

/** PostgreSQL's SQLSTATE for unique_violation. */
const isUniqueViolation = (err: unknown) => driverCode(err) === '23505';

/** Runs a write, turning a unique-key clash into the DuplicateKeyError the services understand. */
export async function unique(key: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new DuplicateKeyError(key, { cause: err });
    throw err;
  }
}
