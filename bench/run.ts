/**
 * `npm run bench`: every runner end to end against a naive `docker run` per submission, on the same
 * image, in one run; then intake with the worker off, the drain of a deep queue, fairness, and a database
 * server's cost to a run, cold and warm.
 * Prints a Markdown report on stdout, progress on stderr. Options: bench/options.ts.
 */
import Docker from 'dockerode';
import { loadConfig } from '../src/config.js';
import { runOptions } from '../src/grading/grade.js';
import { imageExists } from '../src/images/imageExists.js';
import { runnerImageRef } from '../src/images/imageRefs.js';
import type { RunnerName } from '../src/images/runners.js';
import { resolveLimits } from '../src/sandbox/limits.js';
import { sandboxProfile } from '../src/sandbox/sandboxProfile.js';
import { startAssay, type AssayService } from './assayService.js';
import { watchBackgroundLoad } from './backgroundLoad.js';
import { drainRound } from './drain.js';
import { measureFairness } from './fairness.js';
import { measureIntake, type IntakeResult } from './intake.js';
import { measureDeterminism, renderDeterminism, type DeterminismResult } from './determinism.js';
import { leftoverContainers } from './leftovers.js';
import { describeMachine } from './machine.js';
import { measureScenario, type ScenarioResult } from './measureScenario.js';
import { measureServiceStart, type ServiceLatency } from './serviceStart.js';
import { parseOptions } from './options.js';
import { installPhaseProbe } from './phaseProbe.js';
import { PHASES, phasesOf, type Phase } from './phases.js';
import { renderReport, type BenchResult } from './report.js';
import { CPU_LOOP, FAST, loadScenario, SCENARIO_SOURCES, submissionBody, type Scenario } from './scenario.js';
import { median } from './stats.js';
import { assaySystem, baselineSystem } from './systems.js';

const started = performance.now();
const progress = (msg: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${msg}\n`);

const opts = parseOptions(process.argv.slice(2), process.env);
const docker = new Docker({ socketPath: opts.dockerSocket });
const baseImage = loadConfig().baseImage;
const runs = [
  ...new Set<RunnerName>([
    ...opts.runners,
    ...(opts.parts.includes('fairness') || opts.parts.includes('drain') ? (['python'] as const) : []),
    ...(opts.parts.includes('services') ? (['sql'] as const) : []),
  ]),
];
const images = new Map<RunnerName, string>();
for (const runner of runs) {
  const image = await runnerImageRef(runner, baseImage);
  if (!(await imageExists(docker, image))) {
    process.stderr.write(`The sandbox image ${image} is missing: build it with \`npm run images ${runner}\`.\n`);
    process.exit(1);
  }
  images.set(runner, image);
}
const machine = await describeMachine(docker);
const all = await Promise.all(SCENARIO_SOURCES.map(loadScenario));
const scenarios = all.filter((s) => opts.runners.includes(s.runner) && (!opts.scenarios || opts.scenarios.includes(s.pkg.manifest.slug)));
const cpuLoop = await loadScenario(CPU_LOOP);
const fast = await loadScenario(FAST);
const packages = [...all.map((s) => s.pkg), cpuLoop.pkg];

const svc = await startAssay(opts, packages);
progress(`Assay listening on ${svc.baseUrl}, queue ${svc.config.queueName}, concurrency ${opts.concurrency}`);
const probe = installPhaseProbe(svc.rt.docker);
const background = watchBackgroundLoad(docker, probe.knows);
const systemsFor = async (s: Scenario) => {
  const image = images.get(s.runner)!;
  // run.json as the worker writes it: the sql runner's engine comes from it.
  const files = { solution: s.files, tests: s.pkg.hiddenTests, run: runOptions(s.pkg.manifest) };
  return {
    baseline: baselineSystem(image, await sandboxProfile(docker, image), files, resolveLimits(s.pkg.manifest.limits, svc.config.sandbox), opts.concurrency),
    assay: assaySystem(svc.baseUrl, svc.apiKey, submissionBody(s)),
  };
};

/** Redis keys the intake's own services left behind. */
const intakeLeftovers: string[] = [];

/** Intake on a service of its own per database, worker off, so the queue only grows. */
async function intakeOn(database: 'sqlite' | 'postgres'): Promise<IntakeResult> {
  const own: AssayService = await startAssay(opts, [fast.pkg], { database, worker: false });
  try {
    return await measureIntake(own, submissionBody(fast), opts.intakeConnections, opts.intakeSeconds);
  } finally {
    intakeLeftovers.push(...(await own.close()));
  }
}

const results: ScenarioResult[] = [];
const phases = new Map<string, Record<Phase, number>>();
const intake = new Map<string, IntakeResult>();
let fairness: BenchResult['fairness'];
let drain: BenchResult['drain'];
let cleanup: BenchResult['cleanup'];
let determinism: DeterminismResult[] = [];
let services: ServiceLatency[] = [];
try {
  for (const s of scenarios) {
    progress(`${s.label}: warm-up and latency runs`);
    background.part(s.label);
    const { baseline, assay } = await systemsFor(s);
    const r = await measureScenario(s, baseline, assay, opts, progress);
    results.push(r);
    const traced = r.assay.latency.map((x) => phasesOf(x, probe.trace(x.id!))).filter((p) => p !== undefined);
    if (traced.length > 0) phases.set(s.label, Object.fromEntries(PHASES.map((p) => [p, median(traced.map((t) => t[p]))])) as Record<Phase, number>);
  }
  if (opts.parts.includes('intake')) {
    for (const database of opts.intakeDatabases) {
      progress(`intake on ${database}: ${opts.intakeConnections} connections for ${opts.intakeSeconds} s, worker off`);
      background.part(`intake (${database})`);
      intake.set(database, await intakeOn(database));
    }
  }
  if (opts.parts.includes('drain')) {
    progress(`drain: ${opts.drainShallow} then ${opts.drainDeep} submissions of ${fast.label}`);
    background.part('drain');
    const body = submissionBody(fast);
    await (await systemsFor(fast)).assay.one();
    const shallow = await drainRound(svc, body, opts.drainShallow, 'passed');
    const deep = await drainRound(svc, body, opts.drainDeep, 'passed');
    drain = { shallow, deep };
  }
  if (opts.parts.includes('fairness') && opts.fairnessRuns > 0) {
    progress(`fairness: ${opts.fairnessRuns} idle and ${opts.fairnessRuns * opts.concurrency} loaded runs per system`);
    background.part('fairness');
    const { baseline, assay } = await systemsFor(cpuLoop);
    await baseline.one();
    await assay.one();
    const measured = await measureFairness({ assay, baseline }, opts.fairnessRuns, opts.concurrency);
    fairness = { assay: measured.assay!, baseline: measured.baseline! };
  }
  if (opts.parts.includes('services')) {
    background.part('services');
    services = await measureServiceStart(docker, images.get('sql')!, svc.config.queueName, svc.config.sandbox, opts.latencyRuns, progress);
  }
  if (opts.determinismRuns > 0) {
    background.part('determinism');
    determinism = await measureDeterminism(svc, opts.determinismRuns, opts.determinismChallenges, progress);
  }
} finally {
  const load = background.stop();
  probe.uninstall();
  const redisKeys = [...(await svc.close()), ...intakeLeftovers];
  cleanup = {
    redisKeys,
    containers: await leftoverContainers(docker, probe.runIds()),
    otherContainersAtEnd: (await docker.listContainers()).length,
    load,
  };
  progress(`done; left behind: ${cleanup.containers} container(s), ${redisKeys.length} Redis key(s)`);
}

const imagesByLabel = new Map([
  ...results.map((r) => [r.label, images.get(r.runner)!] as const),
  ...(fairness || drain ? [['python', images.get('python')!] as const] : []),
  ...(services.length > 0 ? [['services', images.get('sql')!] as const] : []),
]);
process.stdout.write(`${renderReport({ opts, images: imagesByLabel, machine, scenarios: results, phases, fairness, intake, drain, services, cleanup, elapsedMs: performance.now() - started })}\n`);
if (determinism.length > 0) process.stdout.write(`\n${renderDeterminism(determinism)}\n`);
