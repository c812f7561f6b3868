import { randomUUID } from 'node:crypto';
import type { PackageFile } from '../challenges/challengePackage.js';
import { readPackage } from '../challenges/readPackage.js';
import { grade, type Grader } from '../grading/grade.js';
import { resolveLimits, type ServerLimits } from '../sandbox/limits.js';
import { startCpuHog } from './cpuHog.js';
import { readMutants } from './readMutants.js';
import { runPool } from './runPool.js';

export interface RepeatOptions {
  /** Runs of each variant. */
  repeat: number;
  /** Runs at once: the worker's concurrency, so the check sees the load a worker puts on the machine. */
  concurrency: number;
  /** Whether to spin every core beside the runs (tests of the check itself may turn it off). @defaultValue true */
  hog?: boolean;
}

/** A test of one variant whose result was not the same in every run. */
export interface UnstableTest {
  variant: string;
  test: string;
  /** Each result seen (`status` or `status, points`), with how many runs gave it. */
  seen: Record<string, number>;
}

export interface RepeatReport {
  runs: number;
  variants: string[];
  unstable: UnstableTest[];
  elapsedMs: number;
}

/** A test's result for this check: its status and points (messages carry timings, which may differ). */
const resultOf = (t: { status: string; points: number }) => `${t.status} ${t.points}`;

/**
 * `assay challenge validate --repeat N`: the reference, the starter and every mutant run N times
 * each, `concurrency` at a time with a CPU hog beside them, in an interleaved order so that every
 * variant meets the busiest moments. Reports each test whose result changed between runs of a variant.
 */
export async function repeatCheck(grader: Grader, server: ServerLimits, dir: string, opts: RepeatOptions): Promise<RepeatReport> {
  const pkg = await readPackage(dir);
  const variants: { name: string; files: PackageFile[] }[] = [
    { name: 'reference', files: pkg.solution },
    { name: 'starter', files: pkg.starter },
    ...(await readMutants(dir, pkg.solution)).map((m) => ({ name: `mutant ${m.name}`, files: m.files })),
  ];
  const limits = resolveLimits(pkg.manifest.limits, server);
  const seen = variants.map(() => new Map<string, Map<string, number>>());
  const started = performance.now();
  const hog = opts.hog === false ? null : startCpuHog(opts.concurrency);
  try {
    await runPool(variants.length * opts.repeat, opts.concurrency, async (i) => {
      const v = i % variants.length;
      const { score } = await grade(grader, { runId: `repeat-${randomUUID()}`, pkg, files: variants[v]!.files, limits });
      // The verdict counts too: a run that hit its time limit under load changed, whichever tests it reached.
      for (const [test, result] of [['(verdict)', score.verdict], ...score.tests.map((t) => [t.name, resultOf(t)])] as const) {
        const counts = seen[v]!.get(test) ?? new Map<string, number>();
        counts.set(result, (counts.get(result) ?? 0) + 1);
        seen[v]!.set(test, counts);
      }
    });
  } finally {
    await hog?.stop();
  }
  const unstable = variants.flatMap((variant, v) =>
    [...seen[v]!].filter(([, counts]) => counts.size > 1).map(([test, counts]) => ({ variant: variant.name, test, seen: Object.fromEntries(counts) })),
  );
  return { runs: opts.repeat, variants: variants.map((x) => x.name), unstable, elapsedMs: performance.now() - started };
}
