/**
 * The sandbox could not run at all (engine down, image missing): our fault, never the
 * candidate's, so the worker retries it with backoff.
 */
export class SandboxUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SandboxUnavailableError';
  }
}
