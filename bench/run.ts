/**
 * `npm run bench`: Assay end to end against a naive `docker run` per submission, on the same image,
 * in one run. Prints a Markdown report on stdout, progress on stderr. Options: bench/options.ts.
 */
import { loadConfig } from '../src/config.js';
import Docker from 'dockerode';
import { imageExists } from '../src/images/imageExists.js';
import { runnerImageRef } from '../src/images/imageRefs.js';
import { resolveLimits } from '../src/sandbox/limits.js';
import { sandboxProfile } from '../src/sandbox/sandboxProfile.js';
import { startAssay } from './assayService.js';
import { watchBackgroundLoad } from './backgroundLoad.js';
import { measureFairness } from './fairness.js';
import { measureDeterminism, renderDeterminism, type DeterminismResult } from './determinism.js';
import { leftoverContainers } from './leftovers.js';
import { describeMachine } from './machine.js';
import { measureScenario, type ScenarioResult } from './measureScenario.js';
import { parseOptions } from './options.js';
import { installPhaseProbe } from './phaseProbe.js';
import { PHASES, phasesOf, type Phase } from './phases.js';
import { renderReport, type BenchResult } from './report.js';
import { CPU_LOOP_DIR, loadScenario, SCENARIO_DIRS, submissionBody, type Scenario } from './scenario.js';
import { median } from './stats.js';
import { assaySystem, baselineSystem } from './systems.js';

const started = performance.now();
const progress = (msg: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${msg}\n`);

const opts = parseOptions(process.argv.slice(2), process.env);
const docker = new Docker({ socketPath: opts.dockerSocket });
const image = await runnerImageRef('python', loadConfig().baseImage);
if (!(await imageExists(docker, image))) {
  process.stderr.write(`The sandbox image ${image} is missing: build it with \`npx tsx scripts/buildImages.ts python\`.\n`);
  process.exit(1);
}
const profile = await sandboxProfile(docker, image);
const machine = await describeMachine(docker);
const all = await Promise.all(SCENARIO_DIRS.map((s) => loadScenario(s.label, s.dir)));
const scenarios = all.filter((s) => !opts.scenarios || opts.scenarios.includes(s.pkg.manifest.slug));
const cpuLoop = await loadScenario('cpu loop', CPU_LOOP_DIR);

const svc = await startAssay(opts, [...all.map((s) => s.pkg), cpuLoop.pkg]);
progress(`Assay listening on ${svc.baseUrl}, queue ${svc.config.queueName}, concurrency ${opts.concurrency}; image ${image}`);
const probe = installPhaseProbe(svc.rt.docker);
const background = watchBackgroundLoad(docker, probe.knows);
const systemsFor = (s: Scenario) => ({
  baseline: baselineSystem(image, profile, s.pkg, resolveLimits(s.pkg.manifest.limits, svc.config.sandbox), opts.concurrency),
  assay: assaySystem(svc.baseUrl, svc.apiKey, submissionBody(s)),
});

const results: ScenarioResult[] = [];
const phases = new Map<string, Record<Phase, number>>();
let fairness: BenchResult['fairness'];
let cleanup: BenchResult['cleanup'];
let determinism: DeterminismResult[] = [];
try {
  for (const s of scenarios) {
    progress(`${s.label}: warm-up and latency runs`);
    background.part(s.label);
    const { baseline, assay } = systemsFor(s);
    const r = await measureScenario(s.label, baseline, assay, opts, progress);
    results.push(r);
    const traced = r.assay.latency.map((x) => phasesOf(x, probe.trace(x.id!))).filter((p) => p !== undefined);
    if (traced.length > 0) phases.set(s.label, Object.fromEntries(PHASES.map((p) => [p, median(traced.map((t) => t[p]))])) as Record<Phase, number>);
  }
  if (opts.fairnessRuns > 0) {
    progress(`fairness: ${opts.fairnessRuns} idle and ${opts.fairnessRuns * opts.concurrency} loaded runs per system`);
    background.part('fairness');
    const { baseline, assay } = systemsFor(cpuLoop);
    await baseline.one();
    await assay.one();
    const measured = await measureFairness({ assay, baseline }, opts.fairnessRuns, opts.concurrency);
    fairness = { assay: measured.assay!, baseline: measured.baseline! };
  }
  if (opts.determinismRuns > 0) {
    background.part('determinism');
    determinism = await measureDeterminism(svc, opts.determinismRuns, opts.determinismChallenges, progress);
  }
} finally {
  const load = background.stop();
  probe.uninstall();
  const redisKeys = await svc.close();
  cleanup = {
    redisKeys,
    containers: await leftoverContainers(docker, probe.runIds()),
    otherContainersAtEnd: (await docker.listContainers()).length,
    load,
  };
  progress(`done; left behind: ${cleanup.containers} container(s), ${redisKeys.length} Redis key(s)`);
}

process.stdout.write(`${renderReport({ opts, image, machine, scenarios: results, phases, fairness, cleanup, elapsedMs: performance.now() - started })}\n`);
if (determinism.length > 0) process.stdout.write(`\n${renderDeterminism(determinism)}\n`);
