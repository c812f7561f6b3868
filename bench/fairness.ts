import { median } from './stats.js';
import type { RunSample } from './runSample.js';
import type { System } from './systems.js';

/** The fixed CPU-bound test's measured run time, alone and among `concurrency` runs at once. */
export interface FairnessResult {
  idleMs: number[];
  loadedMs: number[];
  /** |median loaded − median idle| / median idle, in %. */
  variationPct: number;
}

/** Rounds the measurement is split into, alternating the systems, so a burst of other load on a shared host hits both. */
const ROUNDS = 2;

const loopMs = (s: RunSample): number => {
  const ms = s.tests[0]?.durationMs;
  if (ms === null || ms === undefined) throw new Error(`the CPU-loop run reported no duration (${s.outcome})`);
  return ms;
};

/**
 * Per system, `runs` runs one after another (an idle system) and `runs × concurrency` all at once
 * (the system at its full concurrency), in rounds that alternate the systems and their order.
 */
export async function measureFairness(systems: Record<string, System>, runs: number, concurrency: number): Promise<Record<string, FairnessResult>> {
  const names = Object.keys(systems);
  const samples = Object.fromEntries(names.map((n) => [n, { idleMs: [] as number[], loadedMs: [] as number[] }]));
  for (let round = 0; round < ROUNDS; round++) {
    const share = Math.ceil(runs / ROUNDS);
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const system = systems[name]!;
      for (let i = 0; i < share; i++) samples[name]!.idleMs.push(loopMs(await system.one()));
      samples[name]!.loadedMs.push(...(await system.many(share * concurrency)).samples.map(loopMs));
    }
  }
  return Object.fromEntries(names.map((n) => {
    const { idleMs, loadedMs } = samples[n]!;
    return [n, { idleMs, loadedMs, variationPct: (Math.abs(median(loadedMs) - median(idleMs)) / median(idleMs)) * 100 }];
  }));
}
