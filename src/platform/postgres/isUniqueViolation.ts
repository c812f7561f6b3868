/** PostgreSQL's SQLSTATE for unique_violation (drizzle may wrap the driver's error). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (e: unknown) => (e as { code?: string } | undefined)?.code;
  return (code(err) ?? code((err as { cause?: unknown }).cause)) === '23505';
}
