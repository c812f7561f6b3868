/** A database driver's error code, on the error itself or on the one drizzle wrapped. */
export function driverCode(err: unknown): string | undefined {
  const code = (e: unknown) => (e as { code?: unknown } | undefined)?.code;
  const c = code(err) ?? code((err as { cause?: unknown } | undefined)?.cause);
  return typeof c === 'string' ? c : undefined;
}
