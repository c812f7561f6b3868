import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type Docker from 'dockerode';
import { readPackage } from '../src/challenges/readPackage.js';
import { runOptions } from '../src/grading/grade.js';
import { repoRoot } from '../src/repoRoot.js';
import { resolveLimits, type ServerLimits } from '../src/sandbox/limits.js';
import { runSandbox } from '../src/sandbox/runSandbox.js';
import { WarmPool } from '../src/sandbox/warmPool.js';

/** One challenge's runs of the services part: each run's latency, in ms. */
export interface ServiceLatency {
  label: string;
  cold: number[];
  warm: number[];
}

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'warm-servers');
/** A trivial case each, so what differs is the server: none, or PostgreSQL with a four-row seed. */
const CHALLENGES = [
  { label: 'sql on SQLite (count-sqlite)', slug: 'count-sqlite' },
  { label: 'sql on PostgreSQL (paid-total-postgres)', slug: 'paid-total-postgres' },
];
/** How long a warm container waits before a run takes it: its server is up well within it. */
const WAIT_MS = 3000;

/**
 * The `services` part: what a database server costs a run, and what starting it while the container waits
 * saves. The worker's own runSandbox on the sql image, one run at a time, alternating: cold (a container
 * created for the run, whose harness starts the server as it starts, while the submission streams in) and
 * warm (taken from a pool of one, after its container has waited WAIT_MS: the server already up). Latency
 * is runSandbox's call to its outcome, so it includes Docker's create and start only when cold.
 */
export async function measureServiceStart(
  docker: Docker,
  image: string,
  scope: string,
  server: ServerLimits,
  runs: number,
  progress: (msg: string) => void,
): Promise<ServiceLatency[]> {
  const results: ServiceLatency[] = [];
  for (const { label, slug } of CHALLENGES) {
    const pkg = await readPackage(path.join(FIXTURES, slug));
    const files = { solution: pkg.solution, tests: pkg.hiddenTests, run: runOptions(pkg.manifest) };
    const limits = resolveLimits(pkg.manifest.limits, server);
    const pool = new WarmPool(docker, { size: 1, maxIdleMs: 10 * 60_000, owner: `bench-${randomUUID().slice(0, 8)}`, scope }, (err) => progress(`warm pool: ${String(err)}`));
    const once = async (warm: boolean) => {
      const started = performance.now();
      const outcome = await runSandbox(docker, { runId: `bench-svc-${randomUUID().slice(0, 8)}`, scope, image, files, limits, ...(warm ? { pool } : {}) });
      const ms = performance.now() - started;
      if (outcome.result?.status !== 'pass') throw new Error(`${label}: the reference did not pass (${outcome.timedOut ? 'timed out' : (outcome.result?.status ?? 'no result')}): ${outcome.log}`);
      return ms;
    };
    const ready = async () => {
      while (pool.readyCount < 1) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, WAIT_MS));
    };
    try {
      progress(`services: ${label}, ${runs} cold and ${runs} warm runs`);
      await once(false);
      await once(true); // makes the pool's key: later runs find a container waiting
      const result: ServiceLatency = { label, cold: [], warm: [] };
      for (let i = 0; i < runs; i++) {
        result.cold.push(await once(false));
        await ready();
        result.warm.push(await once(true));
      }
      results.push(result);
    } finally {
      await pool.close();
    }
  }
  return results;
}
