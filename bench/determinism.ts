import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readPackage } from '../src/challenges/readPackage.js';
import { repoRoot } from '../src/repoRoot.js';
import { BUILTIN_OWNER } from '../src/tenancy/actor.js';
import { startCpuHog } from '../src/tools/cpuHog.js';
import { runPool } from '../src/tools/runPool.js';
import { submitAndWait } from './assayClient.js';
import type { AssayService } from './assayService.js';

/** One challenge's part of the determinism scenario. */
export interface DeterminismResult {
  slug: string;
  runs: number;
  /** Whether every run gave the same verdict, points and per-test statuses. */
  identical: boolean;
  /** Each result seen (`verdict earned/max: failing tests`), with how many runs gave it. */
  seen: Record<string, number>;
}

interface StoredScore {
  verdict: string | null;
  score: { earned: number; max: number } | null;
  tests: { name: string; status: string }[];
}

const CHALLENGES = path.join(repoRoot, 'challenges');

const resultOf = (s: StoredScore) => {
  const failing = s.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}=${t.status}`);
  return `${s.verdict} ${s.score?.earned}/${s.score?.max}${failing.length > 0 ? `: ${failing.join(', ')}` : ''}`;
};

/**
 * Per shipped challenge (or those named), its reference solution submitted `runs` times at once
 * through the API, so the worker runs at its full concurrency with a queue behind it, and a CPU hog
 * fills the cores it leaves: whether every stored score came out identical.
 */
export async function measureDeterminism(svc: AssayService, runs: number, only: string[] | undefined, progress: (msg: string) => void): Promise<DeterminismResult[]> {
  const slugs = (await readdir(CHALLENGES)).sort().filter((s) => !only || only.includes(s));
  const results: DeterminismResult[] = [];
  for (const slug of slugs) {
    const pkg = await readPackage(path.join(CHALLENGES, slug));
    await svc.rt.store.challenges.save(BUILTIN_OWNER, pkg, new Date());
    progress(`determinism: ${slug}, ${runs} submissions at once beside a CPU hog`);
    const hog = startCpuHog(svc.config.worker.concurrency);
    try {
      const { results: scores } = await runPool(runs, runs, async () => {
        const { id } = await submitAndWait(svc.baseUrl, svc.apiKey, { challenge: slug, files: pkg.solution });
        const res = await fetch(`${svc.baseUrl}/v1/submissions/${id}`, { headers: { authorization: `Bearer ${svc.apiKey}` } });
        return resultOf((await res.json()) as StoredScore);
      });
      const seen: Record<string, number> = {};
      for (const r of scores) seen[r] = (seen[r] ?? 0) + 1;
      results.push({ slug, runs, identical: Object.keys(seen).length === 1, seen });
    } finally {
      await hog.stop();
    }
  }
  return results;
}

/** The scenario's section of the report, in Markdown. */
export function renderDeterminism(results: DeterminismResult[]): string {
  const rows = results.map((r) => `| ${r.slug} | ${r.runs} | ${r.identical ? 'yes' : '**no**'} | ${Object.entries(r.seen).map(([s, n]) => `${s} ×${n}`).join('; ')} |`);
  return ['## Determinism under load', '', 'The reference solution of each challenge, submitted that many times at once to a saturated worker with a CPU hog beside it.', '', '| challenge | runs | every score identical | results seen |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
