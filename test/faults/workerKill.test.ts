import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { POOL_LABEL, SANDBOX_LABEL } from '../../src/sandbox/containerSpec.js';
import { eventually, exited, spawnAssay } from '../support/processes.js';
import type { TestService } from '../support/testService.js';
import { expectAllScoredOnce, expectServing, report, runsInProgress, scopeContainers, startFaultService, submitAll } from './faultCase.js';
import { IN_FLIGHT } from './faultSubmissions.js';

// Short enough that a dead worker's jobs are taken over soon, long enough that a live one on a loaded
// machine renews its locks in time (a missed renewal would run a job twice, and is what is tested).
const LOCK_MS = '5000';

let svc: TestService | undefined;
const children: ChildProcess[] = [];

/** A worker in its own process (`npm run worker`), on the case's queue. */
function spawnWorker(env: Record<string, string> = {}): ChildProcess {
  const child = spawnAssay('src/workerMain.ts', { ...process.env, ...svc!.env, WORKER_LOCK_MS: LOCK_MS, ...env } as Record<string, string>);
  children.push(child);
  return child;
}

/** Owners of the warm-pool containers of the case's scope now. */
async function poolOwners(s: TestService): Promise<Set<string>> {
  const list = await s.rt.docker.listContainers({ all: true, filters: { label: [POOL_LABEL, `${SANDBOX_LABEL}=${s.config.queueName}`] } });
  return new Set(list.map((c) => c.Labels[POOL_LABEL]!));
}

async function sigkill(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  await exited(child);
}

afterEach(async () => {
  // SIGTERM: a live worker shuts down cleanly, removing its warm containers.
  for (const child of children.splice(0)) {
    child.kill('SIGTERM');
    await exited(child);
  }
  const queue = svc?.config.queueName;
  await svc?.close();
  if (svc && queue) expect(await scopeContainers(svc.rt.docker, queue)).toBe(0);
  svc = undefined;
});

describe('a worker SIGKILLed', () => {
  it(`mid-run, ${IN_FLIGHT} in flight: another worker completes each once with the score its content deserves`, async () => {
    svc = await startFaultService({ worker: false });
    const s = svc;
    const started = Date.now();
    // Warm containers wait briefly, so the dead worker's expire (and are reaped) within the case.
    const shortIdle = { WORKER_POOL_IDLE_MS: '2000' };
    const doomed = spawnWorker(shortIdle);
    const { ids, sent } = await submitAll(s);
    await runsInProgress(s, 4);
    const orphans = await poolOwners(s);
    const survivor = spawnWorker(shortIdle);
    await sigkill(doomed);
    const rows = await expectAllScoredOnce(s, ids, sent);
    // The killed worker's runs were taken over after its lock expired.
    expect(rows.filter((r) => r.attempts > 1).length).toBeGreaterThan(0);
    // Its warm containers outlive it until their deadline, when the survivor's reaper removes them.
    expect(orphans.size).toBeGreaterThan(0);
    await eventually(async () => [...(await poolOwners(s))].every((owner) => !orphans.has(owner)), 120_000, 'the dead worker\'s warm containers reaped');
    await expectServing(s);
    expect(survivor.exitCode).toBeNull();
    report('worker-kill mid-run (sqlite)', started, rows);
  }, 600_000);

  it(`during container start, ${IN_FLIGHT} in flight: the same`, async () => {
    svc = await startFaultService({ worker: false });
    const s = svc;
    const started = Date.now();
    // No warm pool: every run creates and starts its own container, so a kill can land between the two.
    const noPool = { WORKER_POOL_SIZE: '0' };
    const doomed = spawnWorker(noPool);
    const events = await s.rt.docker.getEvents({ filters: { type: ['container'], event: ['create'], label: [`${SANDBOX_LABEL}=${s.config.queueName}`] } });
    const created = new Promise<void>((resolve) => events.once('data', () => resolve()));
    const { ids, sent } = await submitAll(s);
    await created;
    await sigkill(doomed);
    (events as unknown as { destroy(): void }).destroy();
    const leftover = await s.rt.docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=${s.config.queueName}`] } });
    expect(leftover.length, 'the killed worker left a container it was starting').toBeGreaterThan(0);
    spawnWorker(noPool);
    const rows = await expectAllScoredOnce(s, ids, sent);
    expect(rows.filter((r) => r.attempts > 1).length).toBeGreaterThan(0);
    await expectServing(s);
    report('worker-kill during container start (sqlite)', started, rows);
  }, 600_000);
});
