import { SandboxUnavailableError } from '../sandbox/SandboxUnavailableError.js';
import type { Failure, FailureCode } from '../submissions/failureCode.js';
import { WorkerFailure } from './WorkerFailure.js';

const SANDBOX_CODES: Record<SandboxUnavailableError['problem'], FailureCode> = {
  engine_unreachable: 'engine_unreachable',
  image_missing: 'image_missing',
  engine_error: 'internal',
  sandbox_killed: 'sandbox_killed',
  service_failed: 'internal',
};

/** The failure code and message a submission ends with when its last attempt threw `err`. */
export function failureOf(err: unknown): Failure {
  const message = `internal error: ${(err as Error).message}`;
  if (err instanceof WorkerFailure) return { code: err.code, message: err.message };
  if (err instanceof SandboxUnavailableError) return { code: SANDBOX_CODES[err.problem], message };
  return { code: 'internal', message };
}
