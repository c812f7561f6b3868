import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { repoRoot } from '../../src/repoRoot.js';
import { appInfra, appServices } from '../../src/runtime/appServices.js';
import { exited, spawnAssay } from '../support/processes.js';
import { containersOf, submit, waitForResult, waitForStatus } from '../support/submissions.js';
import { startTestService, stored, type TestService } from '../support/testService.js';

let svc: TestService;
const children: ChildProcess[] = [];

/** A worker in its own process, as `npm run worker` starts one, on the test's queue. */
function spawnWorker(env: Record<string, string>): ChildProcess {
  const child = spawnAssay('src/workerMain.ts', { ...process.env, ...svc.env, ...env } as Record<string, string>);
  children.push(child);
  return child;
}

beforeAll(async () => {
  svc = await startTestService({ worker: false, env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges'), WORKER_LOCK_MS: '3000' } });
});
afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map(exited));
  await svc.close();
});

/** About 2 s of tests: room under the 8 s limit on a busy machine. */
const SLOW = [{ path: 'calc.py', content: 'import time\n\ndef add(a, b):\n    time.sleep(0.5)\n    return a + b\n' }];

/** Submits a slow run, sends its worker SIGTERM once it runs, and waits for a clean exit. */
async function sigtermDuringRun(graceMs: string): Promise<string> {
  const worker = spawnWorker({ SHUTDOWN_GRACE_MS: graceMs });
  const id = await submit(svc, 'sum-python', SLOW);
  await waitForStatus(svc, id, 'running');
  worker.kill('SIGTERM');
  await exited(worker);
  expect(worker.exitCode).toBe(0);
  return id;
}

describe('SIGTERM to a worker during a run', () => {
  it('within the grace period: the run finishes and is scored once, and the worker exits cleanly', async () => {
    const id = await sigtermDuringRun('30000');
    // Recorded by the API's recorder; nothing was left for another worker.
    const r = await waitForResult(svc, id, 30_000);
    expect(r).toMatchObject({ status: 'completed', verdict: 'passed', score: { earned: 6, max: 6 } });
    expect((await stored(svc, id)).attempts).toBe(1);
    expect(await containersOf(svc, id)).toBe(0);
  });

  it('past the grace period: the run goes back to the queue, and the next worker scores it', async () => {
    const id = await sigtermDuringRun('0');
    expect(await containersOf(svc, id)).toBe(0);
    const job = await svc.rt.queue.getJob(id);
    // Handed back as it was: no attempt spent on our shutdown.
    expect({ state: await job!.getState(), attemptsMade: job!.attemptsMade }).toMatchObject({ state: expect.stringMatching(/^(waiting|delayed)$/), attemptsMade: 0 });
    spawnWorker({});
    const r = await waitForResult(svc, id, 60_000);
    expect(r).toMatchObject({ status: 'completed', verdict: 'passed', score: { earned: 6, max: 6 } });
  });
});

describe('the API while it drains', () => {
  it('answers intake with 503 problem+json and Retry-After, and still answers reads', async () => {
    const id = await submit(svc, 'sum-python', SLOW);
    const app = await buildApp(appServices(svc.rt), { ...appInfra(svc.rt), draining: () => true }, false);
    try {
      const auth = { authorization: `Bearer ${svc.org.key}` };
      const refused = await app.inject({ method: 'POST', url: '/v1/submissions', headers: auth, payload: { challenge: 'sum-python', files: SLOW } });
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.json()).toMatchObject({ status: 503, type: 'https://assay.dev/problems/service-unavailable' });
      const read = await app.inject({ method: 'GET', url: `/v1/submissions/${id}`, headers: auth });
      expect(read.statusCode).toBe(200);
    } finally {
      await app.close();
    }
    // The one accepted before is run by the worker the test left running.
    expect(await waitForResult(svc, id, 60_000)).toMatchObject({ status: 'completed', verdict: 'passed' });
  });
});
