import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { POOL_LABEL, SANDBOX_LABEL } from '../../src/sandbox/containerSpec.js';
import { exited, spawnAssay } from '../support/processes.js';
import { startTestService, stored, type TestService } from '../support/testService.js';
import { containersOf, submit, waitForResult, waitForStatus } from '../support/submissions.js';

let svc: TestService;
const children: ChildProcess[] = [];

/** A worker in its own process, as `npm run worker` starts one, on the test's queue. */
function spawnWorker(): ChildProcess {
  const child = spawnAssay('src/workerMain.ts', { ...process.env, ...svc.env } as Record<string, string>);
  children.push(child);
  return child;
}

/** Owners of the warm-pool containers on the engine now. */
async function poolOwners(): Promise<Set<string>> {
  const list = await svc.rt.docker.listContainers({ all: true, filters: { label: [POOL_LABEL, `${SANDBOX_LABEL}=${svc.rt.config.queueName}`] } });
  return new Set(list.map((c) => c.Labels[POOL_LABEL]!));
}

beforeAll(async () => {
  svc = await startTestService({
    worker: false,
    env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges'), WORKER_LOCK_MS: '2000', WORKER_POOL_IDLE_MS: '1000' },
  });
});
afterAll(async () => {
  // SIGTERM: a worker shuts down cleanly, removing its warm containers.
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map(exited));
  await svc.close();
});

describe('a worker killed mid-run', () => {
  it('does not lose the submission: another worker completes it, once', async () => {
    const first = spawnWorker();
    // Slow enough to be caught mid-run, well within the 8 s limit.
    const id = await submit(svc, 'sum-python', [{ path: 'calc.py', content: 'import time\n\ndef add(a, b):\n    time.sleep(1)\n    return a + b\n' }]);
    await waitForStatus(svc, id, 'running');
    // Its run took a warm container, so it is refilling its pool: kill it with warm containers about.
    const until = Date.now() + 10_000;
    while ((await poolOwners()).size === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    first.kill('SIGKILL');
    await exited(first);
    const orphans = await poolOwners();
    expect(orphans.size).toBeGreaterThan(0);
    const second = spawnWorker();
    const r = await waitForResult(svc, id, 60_000);
    expect(r).toMatchObject({ status: 'completed', verdict: 'passed', score: { earned: 6, max: 6 } });
    const row = await stored(svc, id);
    expect({ attempts: row.attempts, tests: row.tests.length }).toEqual({ attempts: 2, tests: 3 });
    // The dead worker's container was removed by the run that took over.
    expect(await containersOf(svc, id)).toBe(0);
    // The dead worker's warm containers (and the one its run used) expire, and a live worker reaps them.
    const reapedBy = Date.now() + 60_000;
    while ([...(await poolOwners())].some((owner) => orphans.has(owner))) {
      if (Date.now() > reapedBy) throw new Error('the dead worker\'s sandboxes were never reaped');
      await new Promise((r) => setTimeout(r, 500));
    }
    second.kill('SIGTERM');
    await exited(second);
    expect(second.exitCode).toBe(0);
  });
});
