/** What kept a sandbox from running, read from the engine's answer (or its silence). */
/** `service_failed`: a server the run needs inside its sandbox (the sql runner's PostgreSQL) did not start. */
export type SandboxProblem = 'engine_unreachable' | 'image_missing' | 'engine_error' | 'sandbox_killed' | 'service_failed';

const UNREACHABLE = new Set(['ENOENT', 'ECONNREFUSED', 'ECONNRESET', 'EACCES', 'EPIPE', 'ETIMEDOUT']);

function problemOf(cause: unknown): SandboxProblem {
  const err = cause as { code?: string; statusCode?: number; message?: string } | undefined;
  if (err?.code && UNREACHABLE.has(err.code)) return 'engine_unreachable';
  if (err?.statusCode === 404 && /no such image/i.test(err.message ?? '')) return 'image_missing';
  return 'engine_error';
}

/**
 * The sandbox could not run at all (engine down, image missing): our fault, never the
 * candidate's, so the worker retries it with backoff.
 */
export class SandboxUnavailableError extends Error {
  readonly problem: SandboxProblem;

  /** `problem` names it outright (a sandbox killed from outside); otherwise the engine's answer does. */
  constructor(message: string, options?: { cause?: unknown; problem?: SandboxProblem }) {
    super(message, options);
    this.name = 'SandboxUnavailableError';
    this.problem = options?.problem ?? (options?.cause instanceof SandboxUnavailableError ? options.cause.problem : problemOf(options?.cause));
  }
}
