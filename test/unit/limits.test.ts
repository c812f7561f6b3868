import { describe, expect, it } from 'vitest';
import { resolveLimits, type ServerLimits } from '../../src/sandbox/limits.js';

const server: ServerLimits = { maxTimeoutMs: 60_000, maxMemoryMb: 1024, outputLimitBytes: 65_536, maxOutputBytes: 16_777_216 };

describe('resolveLimits', () => {
  it('uses the defaults when the challenge asks for nothing', () => {
    const expected = { timeoutMs: 10_000, memoryMb: 256, pids: 128, cpus: 1, scratchMb: 64, outputBytes: 65_536, maxOutputBytes: 16_777_216 };
    expect(resolveLimits(undefined, server)).toEqual(expected);
    expect(resolveLimits({}, server)).toEqual(expected);
  });

  it('uses what the challenge asks for within the server maximums', () => {
    expect(resolveLimits({ timeoutMs: 30_000, memoryMb: 512 }, server)).toMatchObject({ timeoutMs: 30_000, memoryMb: 512 });
    expect(resolveLimits({ timeoutMs: 2000, memoryMb: 128 }, server)).toMatchObject({ timeoutMs: 2000, memoryMb: 128 });
  });

  it('caps each override at the server maximum independently', () => {
    expect(resolveLimits({ timeoutMs: 120_000 }, server)).toMatchObject({ timeoutMs: 60_000, memoryMb: 256 });
    expect(resolveLimits({ memoryMb: 4096 }, server)).toMatchObject({ timeoutMs: 10_000, memoryMb: 1024 });
    expect(resolveLimits({ timeoutMs: 60_000, memoryMb: 1024 }, server)).toMatchObject({ timeoutMs: 60_000, memoryMb: 1024 });
  });

  it('caps the defaults too when the server allows less than them', () => {
    const tight: ServerLimits = { maxTimeoutMs: 5000, maxMemoryMb: 128, outputLimitBytes: 2048, maxOutputBytes: 4096 };
    expect(resolveLimits(undefined, tight)).toEqual({ timeoutMs: 5000, memoryMb: 128, pids: 128, cpus: 1, scratchMb: 64, outputBytes: 2048, maxOutputBytes: 4096 });
  });

  it('takes the output limits from the server only', () => {
    const requested = { timeoutMs: 1000, outputBytes: 1, maxOutputBytes: 1 } as { timeoutMs: number };
    expect(resolveLimits(requested, server)).toMatchObject({ outputBytes: 65_536, maxOutputBytes: 16_777_216 });
  });
});
