/** Limits one sandbox run is held to. */
export interface SandboxLimits {
  /** Wall clock for the whole run, enforced by the worker (kill, then remove). */
  timeoutMs: number;
  /** Memory; swap is disabled, so this is all the run gets. */
  memoryMb: number;
  /** Processes and threads together: stops fork bombs. */
  pids: number;
  /** CPU quota in cores. */
  cpus: number;
  /** Size of the in-memory /work and /tmp, each. */
  scratchMb: number;
  /** Candidate output kept for the log. */
  outputBytes: number;
  /** Candidate output at which the run is stopped as output_limit_exceeded. */
  maxOutputBytes: number;
  /** How long past `timeoutMs` the run may go on before it is given up as ours (runSandbox.ts). */
  stuckGraceMs?: number;
}

export interface ServerLimits {
  maxTimeoutMs: number;
  maxMemoryMb: number;
  outputLimitBytes: number;
  maxOutputBytes: number;
  stuckGraceMs?: number;
}

export const DEFAULT_LIMITS = { timeoutMs: 10_000, memoryMb: 256, pids: 128, cpus: 1, scratchMb: 64 } as const;

/** A challenge may ask for more than the defaults, never more than the server allows. */
export function resolveLimits(requested: { timeoutMs?: number; memoryMb?: number } | undefined, server: ServerLimits): SandboxLimits {
  return {
    ...DEFAULT_LIMITS,
    timeoutMs: Math.min(requested?.timeoutMs ?? DEFAULT_LIMITS.timeoutMs, server.maxTimeoutMs),
    memoryMb: Math.min(requested?.memoryMb ?? DEFAULT_LIMITS.memoryMb, server.maxMemoryMb),
    outputBytes: server.outputLimitBytes,
    maxOutputBytes: server.maxOutputBytes,
    ...(server.stuckGraceMs === undefined ? {} : { stuckGraceMs: server.stuckGraceMs }),
  };
}
