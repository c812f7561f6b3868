/** better-sqlite3 reports a unique or primary-key clash with these codes (drizzle may wrap it). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (e: unknown) => (e as { code?: string } | undefined)?.code;
  const c = code(err) ?? code((err as { cause?: unknown }).cause);
  return c === 'SQLITE_CONSTRAINT_UNIQUE' || c === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
