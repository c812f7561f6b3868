import type Docker from 'dockerode';
import { RUN_LABEL } from '../src/sandbox/containerSpec.js';
import { BASELINE_LABEL } from './dockerRunArgs.js';

/** Other work on the engine during one part of the benchmark: what makes a run on a shared host noisy. */
export interface BackgroundLoad {
  samples: number;
  /** Samples that saw at least one running container that is not the benchmark's. */
  busySamples: number;
  /** Most such containers running at once. */
  maxOthers: number;
}

export interface LoadWatch {
  /** Files the following samples under `part` (a scenario, the fairness check). */
  part(part: string): void;
  stop(): Map<string, BackgroundLoad>;
}

const SAMPLE_EVERY_MS = 1000;

/** Counts, once a second, running containers that are neither the baseline's nor Assay's runs of this benchmark. */
export function watchBackgroundLoad(docker: Docker, isOurRun: (runId: string) => boolean): LoadWatch {
  const parts = new Map<string, BackgroundLoad>();
  let current = 'start-up';
  const timer = setInterval(() => {
    const part = current;
    void docker.listContainers().then((running) => {
      const others = running.filter((c) => c.Labels[BASELINE_LABEL] === undefined && !isOurRun(c.Labels[RUN_LABEL] ?? '')).length;
      const load = parts.get(part) ?? { samples: 0, busySamples: 0, maxOthers: 0 };
      load.samples++;
      if (others > 0) load.busySamples++;
      load.maxOthers = Math.max(load.maxOthers, others);
      parts.set(part, load);
    }, () => undefined);
  }, SAMPLE_EVERY_MS);
  return {
    part: (part) => {
      current = part;
    },
    stop() {
      clearInterval(timer);
      return new Map(parts);
    },
  };
}
