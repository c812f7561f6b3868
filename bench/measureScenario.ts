import type { RunnerName } from '../src/images/runners.js';
import type { BenchOptions } from './options.js';
import type { RunSample } from './runSample.js';
import type { System } from './systems.js';

export interface SystemResult {
  /** One at a time, on an otherwise idle system. */
  latency: RunSample[];
  /** All at once, at full concurrency. */
  throughput: { samples: RunSample[]; makespanMs: number };
}

export interface ScenarioResult {
  label: string;
  runner: RunnerName;
  baseline: SystemResult;
  assay: SystemResult;
}

/**
 * Warm-up, then latency runs alternating baseline and Assay (so drift in the host's load hits both
 * alike), then a throughput batch of each.
 */
export async function measureScenario({ label, runner }: { label: string; runner: RunnerName }, baseline: System, assay: System, opts: BenchOptions, progress: (msg: string) => void): Promise<ScenarioResult> {
  for (let i = 0; i < opts.warmupRuns; i++) {
    await baseline.one();
    await assay.one();
  }
  const latency = { baseline: [] as RunSample[], assay: [] as RunSample[] };
  for (let i = 0; i < opts.latencyRuns; i++) {
    latency.baseline.push(await baseline.one());
    latency.assay.push(await assay.one());
  }
  progress(`${label}: ${opts.latencyRuns} latency runs each done; throughput batches of ${opts.throughputRuns}`);
  const baselineBatch = await baseline.many(opts.throughputRuns);
  const assayBatch = await assay.many(opts.throughputRuns);
  return {
    label,
    runner,
    baseline: { latency: latency.baseline, throughput: baselineBatch },
    assay: { latency: latency.assay, throughput: assayBatch },
  };
}
