import { DuplicateKeyError } from '../../errors/DuplicateKeyError.js';

/** PostgreSQL's SQLSTATE for unique_violation (drizzle may wrap the driver's error). */
function isUniqueViolation(err: unknown): boolean {
  const code = (e: unknown) => (e as { code?: string } | undefined)?.code;
  return (code(err) ?? code((err as { cause?: unknown }).cause)) === '23505';
}

/** Runs a write, turning a unique-key clash into the DuplicateKeyError the services understand. */
export async function unique(key: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new DuplicateKeyError(key, { cause: err });
    throw err;
  }
}
