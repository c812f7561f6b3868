import type { BackgroundLoad } from './backgroundLoad.js';
import type { DrainRound } from './drain.js';
import type { FairnessResult } from './fairness.js';
import type { IntakeResult } from './intake.js';
import type { Machine } from './machine.js';
import type { ScenarioResult, SystemResult } from './measureScenario.js';
import type { BenchOptions } from './options.js';
import { PHASES, type Phase } from './phases.js';
import { overheadMs, type RunSample } from './runSample.js';
import type { ServiceLatency } from './serviceStart.js';
import { median, percentile } from './stats.js';
import { boundaryTarget, drainTarget, intakeTarget, overheadTarget, PRE_BOUNDARY_OVERHEAD_MS, TARGETS, verdict } from './targets.js';

export interface BenchResult {
  opts: BenchOptions;
  /** The runner image of each measured scenario, by label. */
  images: Map<string, string>;
  machine: Machine;
  scenarios: ScenarioResult[];
  /** p50 of each phase of Assay's latency runs, per scenario label. */
  phases: Map<string, Record<Phase, number>>;
  fairness: { assay: FairnessResult; baseline: FairnessResult } | undefined;
  intake: Map<string, IntakeResult>;
  drain: { shallow: DrainRound; deep: DrainRound } | undefined;
  services: ServiceLatency[];
  cleanup: { redisKeys: string[]; containers: number; otherContainersAtEnd: number; load: Map<string, BackgroundLoad> };
  elapsedMs: number;
}

const ms = (n: number) => `${Math.round(n)} ms`;
const ratio = (n: number) => `${n.toFixed(2)}×`;
const perMinute = (r: SystemResult['throughput']) => (r.samples.length > 0 ? (r.samples.length / r.makespanMs) * 60_000 : Number.NaN);
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

function outcomes(samples: RunSample[]): string {
  const counts = new Map<string, number>();
  for (const s of samples) counts.set(s.outcome, (counts.get(s.outcome) ?? 0) + 1);
  return [...counts].map(([o, n]) => `${n} ${o}`).join(', ');
}

function systemRow(label: string, system: string, r: SystemResult): string {
  const totals = r.latency.map((s) => s.totalMs);
  const overheads = r.latency.map(overheadMs);
  return row([
    label, system,
    ms(percentile(totals, 50)), ms(percentile(totals, 95)),
    ms(median(r.latency.map((s) => s.testsMs))),
    ms(percentile(overheads, 50)), ms(percentile(overheads, 95)),
    perMinute(r.throughput).toFixed(1),
    `${(r.throughput.makespanMs / 1000).toFixed(1)} s`,
    outcomes([...r.latency, ...r.throughput.samples]),
  ]);
}

function fairnessRow(system: string, f: FairnessResult, target: boolean): string {
  return row([
    system, f.idleMs.length, ms(median(f.idleMs)), f.loadedMs.length, ms(median(f.loadedMs)), ms(percentile(f.loadedMs, 95)),
    `${f.variationPct.toFixed(1)} %`,
    target ? verdict(f.variationPct < TARGETS.maxFairnessVariationPct) : '(reference)',
  ]);
}

function latencySection(r: BenchResult, out: string[]): void {
  const { opts } = r;
  out.push(`### Latency, overhead and throughput per runner`, '');
  out.push(`Latency: ${opts.latencyRuns} runs per scenario and system, one at a time, alternating systems, after ${opts.warmupRuns} warm-up runs each. ` +
    `Overhead: latency minus the sum of the runner-reported \`durationMs\` of the tests. ` +
    `Throughput: ${opts.throughputRuns} submissions at once; Assay's worker runs ${opts.concurrency} at a time, the baseline runs ${opts.concurrency} \`docker run\`s in parallel.`, '');
  out.push(row(['Scenario', 'System', 'p50 latency', 'p95 latency', 'p50 tests\' own time', 'p50 overhead', 'p95 overhead', `throughput (runs/min, ×${opts.concurrency})`, `makespan of ${opts.throughputRuns}`, 'outcomes']));
  out.push(row(Array(10).fill('---')));
  for (const s of r.scenarios) {
    out.push(systemRow(s.label, 'baseline `docker run`', s.baseline));
    out.push(systemRow(s.label, 'Assay (HTTP → queue → worker → SSE)', s.assay));
  }
  out.push('', `### Ratios to the baseline`, '');
  out.push(row(['Scenario', 'p50 overhead ratio (Assay / baseline)', 'target', 'verdict', 'throughput ratio (Assay / baseline)', `target ≥ ${TARGETS.minThroughputRatio}×`]));
  out.push(row(Array(6).fill('---')));
  for (const s of r.scenarios) {
    const overhead = overheadTarget(s.runner, median(s.assay.latency.map(overheadMs)), median(s.baseline.latency.map(overheadMs)));
    const throughput = perMinute(s.assay.throughput) / perMinute(s.baseline.throughput);
    const throughputVerdict = Number.isNaN(throughput) ? '(not run)' : verdict(throughput >= TARGETS.minThroughputRatio);
    out.push(row([s.label, ratio(overhead.ratio), `≤ ${overhead.max}×`, verdict(overhead.pass), Number.isNaN(throughput) ? '—' : ratio(throughput), throughputVerdict]));
  }
  out.push('', `### The grading boundary's cost per runner`, '');
  out.push(`Assay's p50 overhead now against the p50 overhead recorded before the boundary (issue 17, other runs on the sample pack, ranges where they spread); ` +
    `cost = now − the high end of that range. The runners report no phase timings of their own, so this comparison is the measure the code allows.`, '');
  out.push(row(['Scenario', 'p50 overhead before the boundary', 'p50 overhead now', 'boundary cost', `target ≤ +${TARGETS.maxBoundaryCostMs} ms`]));
  out.push(row(Array(5).fill('---')));
  for (const s of r.scenarios) {
    const now = median(s.assay.latency.map(overheadMs));
    const before = PRE_BOUNDARY_OVERHEAD_MS[s.runner];
    const cost = boundaryTarget(s.runner, now);
    if (before === undefined) {
      out.push(row([s.label, '— (born behind the boundary)', ms(now), '—', '—']));
      continue;
    }
    out.push(row([s.label, before.low === before.high ? ms(before.low) : `${before.low}–${before.high} ms`, ms(now), `${cost.costMs >= 0 ? '+' : ''}${ms(cost.costMs)}`, verdict(cost.pass)]));
  }
  if (r.phases.size > 0) {
    const labels = [...r.phases.keys()];
    out.push('', `### Where an Assay submission's time goes (p50 of each phase over the latency runs)`, '');
    out.push(row(['Phase', ...labels]));
    out.push(row(Array(labels.length + 1).fill('---')));
    for (const phase of PHASES) out.push(row([phase, ...labels.map((l) => ms(r.phases.get(l)![phase]))]));
  }
}

function intakeSection(r: BenchResult, out: string[]): void {
  const first = [...r.intake.values()][0]!;
  out.push('', `### Intake: submissions accepted with the worker off`, '');
  out.push(`autocannon (its own process) on loopback, ${first.connections} connections for ${first.durationS} s per database, every request a new submission of sum-python's reference. ` +
    `CPU per submission: the service process's user + system CPU time over the run, per \`202\` (a shared host slows the wall clock far more than it changes this). ` +
    `Afterwards the queued rows and jobs are counted: equal to each other, and at least the \`202\`s (requests cut off at the deadline may still be stored).`, '');
  out.push(row(['Database', 'accepted/s', 'p50', 'p99', `target ≥ ${TARGETS.minIntakePerSecond}/s, p99 ≤ ${TARGETS.maxIntakeP99Ms} ms`, 'CPU per submission', '202s', 'other answers', 'errors', 'rows queued', 'jobs queued', 'none lost']));
  out.push(row(Array(12).fill('---')));
  for (const [db, i] of r.intake) {
    const kept = i.stored === i.queued && i.stored >= i.accepted;
    out.push(row([db, Math.round(i.acceptedPerSecond), `${i.p50Ms} ms`, `${i.p99Ms} ms`, `${verdict(intakeTarget(i.acceptedPerSecond, i.p99Ms).pass)} (${ratio(i.acceptedPerSecond / TARGETS.minIntakePerSecond)} the rate)`,
      `${i.cpuMsPerSubmission.toFixed(2)} ms`, i.accepted, i.refused, i.errors, i.stored, i.queued, verdict(kept)]));
  }
}

function drainSection(d: NonNullable<BenchResult['drain']>, out: string[]): void {
  const target = drainTarget(d.deep.msPerSubmission, d.shallow.msPerSubmission);
  out.push('', `### Drain: a queue of ${d.deep.depth} against one of ${d.shallow.depth}`, '');
  out.push(`sum-python's reference submitted all at once (20 connections) to a running, warmed-up worker; timed until the queue is empty, then every submission read back through the API.`, '');
  out.push(row(['Queue depth', 'makespan', 'per submission', 'completed as `passed`', 'other end states', 'lost (not completed)']));
  out.push(row(Array(6).fill('---')));
  for (const round of [d.shallow, d.deep]) {
    const others = Object.entries(round.others).map(([state, n]) => `${n} ${state}`).join(', ') || '—';
    out.push(row([round.depth, `${(round.makespanMs / 1000).toFixed(1)} s`, ms(round.msPerSubmission), round.completed, others, round.lost]));
  }
  const noneLost = d.shallow.lost + d.deep.lost === 0;
  out.push('', `Cost per submission at depth ${d.deep.depth} / at depth ${d.shallow.depth}: ${ratio(target.ratio)}, target ≤ ${TARGETS.maxDrainCostRatio}× — ${verdict(target.pass)}; none lost — ${verdict(noneLost)}`);
}

/** The whole result as Markdown, ready for docs/benchmarks.md. */
function servicesSection(services: ServiceLatency[], out: string[]): void {
  const spread = (xs: number[]) => `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`;
  out.push('', '### Database servers: a run with one and without, cold and warm', '');
  out.push("The worker's `runSandbox` on the sql image, one run at a time, alternating cold (a container created for the run) and warm (taken from a pool of one after waiting 3 s, its server already up); a trivial case each (`test/fixtures/warm-servers`).", '');
  out.push(row(['Scenario', 'runs', 'cold: p50 (range)', 'warm: p50 (range)', 'warm − cold (p50)']));
  out.push(row(Array(5).fill('---')));
  for (const s of services) out.push(row([s.label, s.cold.length, spread(s.cold), spread(s.warm), ms(median(s.warm) - median(s.cold))]));
  const [none, server] = services;
  if (none && server) out.push('', `The server's cost (PostgreSQL − SQLite, p50): cold ${ms(median(server.cold) - median(none.cold))}, warm ${ms(median(server.warm) - median(none.warm))}.`);
}

export function renderReport(r: BenchResult): string {
  const { opts, machine: m } = r;
  const out: string[] = [];
  if (r.scenarios.length > 0) latencySection(r, out);
  if (r.intake.size > 0) intakeSection(r, out);
  if (r.drain) drainSection(r.drain, out);
  if (r.services.length > 0) servicesSection(r.services, out);
  if (r.fairness) {
    out.push('', `### Fairness: a fixed ~200 ms CPU loop, idle vs. ${opts.concurrency} runs at once`, '');
    out.push(row(['System', 'idle runs', 'idle p50', 'loaded runs', 'loaded p50', 'loaded p95', 'variation of p50', `target < ${TARGETS.maxFairnessVariationPct} %`]));
    out.push(row(Array(8).fill('---')));
    out.push(fairnessRow('Assay', r.fairness.assay, true));
    out.push(fairnessRow('baseline `docker run`', r.fairness.baseline, false));
  }
  out.push('', `### Conditions`, '');
  out.push(`- Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB RAM, kernel ${m.kernel}, Docker ${m.docker}, Node ${m.node}`);
  out.push(`- Images: ${[...new Set(r.images.values())].map((i) => `\`${i}\``).join(', ')}, run with the production flags of \`src/sandbox/containerSpec.ts\` by both systems`);
  out.push(`- Other containers running on the engine: ${m.otherContainers} at the start, ${r.cleanup.otherContainersAtEnd} at the end; 1-min load average at the start ${m.loadAverage}`);
  const parts = [...r.cleanup.load].filter(([part]) => part !== 'start-up');
  const shared = parts.some(([, l]) => l.busySamples > 0);
  out.push(`- Other containers running during each part (sampled every second): ${parts.map(([part, l]) => `${part}: in ${l.busySamples} of ${l.samples} samples, at most ${l.maxOthers} at once`).join('; ')}${shared ? ' — the host was shared, so those parts are noisy' : ''}`);
  out.push(`- Left behind: ${r.cleanup.containers} container(s), ${r.cleanup.redisKeys.length} Redis key(s) of the benchmark's queues`);
  out.push(`- Wall time of the benchmark: ${(r.elapsedMs / 1000).toFixed(0)} s`);
  return out.join('\n');
}
