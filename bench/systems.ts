import type { SandboxFiles } from '../src/sandbox/inputArchive.js';
import type { SandboxLimits } from '../src/sandbox/limits.js';
import type { SandboxProfile } from '../src/sandbox/sandboxProfile.js';
import { submitAndWait } from './assayClient.js';
import { naiveDockerRun } from './naiveDockerRun.js';
import { runPool } from '../src/tools/runPool.js';
import type { RunSample } from './runSample.js';

/** One way of running a challenge's solution against its hidden tests. */
export interface System {
  /** One submission on an otherwise idle system. */
  one(): Promise<RunSample>;
  /** `count` submissions at the system's full concurrency; the makespan runs from the first send to the last result. */
  many(count: number): Promise<{ samples: RunSample[]; makespanMs: number }>;
}

/** The baseline: `docker run --rm` per submission, `concurrency` CLIs at a time. */
export function baselineSystem(image: string, profile: SandboxProfile, files: SandboxFiles, limits: SandboxLimits, concurrency: number): System {
  const one = () => naiveDockerRun(image, profile, files, limits);
  return {
    one,
    many: async (count) => {
      const { results, makespanMs } = await runPool(count, concurrency, one);
      return { samples: results, makespanMs };
    },
  };
}

/** Assay: every submission is sent at once and the worker's concurrency decides how many run. */
export function assaySystem(baseUrl: string, apiKey: string, body: unknown): System {
  const one = () => submitAndWait(baseUrl, apiKey, body);
  return {
    one,
    many: async (count) => {
      const { results, makespanMs } = await runPool(count, count, one);
      return { samples: results, makespanMs };
    },
  };
}
