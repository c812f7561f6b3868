import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { runContainerName } from '../../src/sandbox/containerSpec.js';
import { eventually } from '../support/processes.js';
import { containersOf, submit, waitForResult } from '../support/submissions.js';
import { startTestService, stored, type TestService } from '../support/testService.js';

let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({
    // Two attempts: one kill is retried, a kill of every attempt ends the submission with a code.
    env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges'), JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '200', SANDBOX_STUCK_GRACE_MS: '1000' },
  });
});
afterAll(() => svc?.close());

/** Slow enough to be caught mid-run, well within the 8 s limit. */
const SLOW = [{ path: 'calc.py', content: 'import time\n\ndef add(a, b):\n    time.sleep(1)\n    return a + b\n' }];

/** Kills the run's container from outside, as `docker kill` (or an engine stopping) does, once it is running. */
async function killRunFromOutside(id: string): Promise<void> {
  const container = svc.rt.docker.getContainer(runContainerName(id));
  await eventually(async () => (await container.inspect().catch(() => undefined))?.State.Running === true, 30_000, `run ${id} running`);
  await container.kill();
}

describe('a sandbox killed from outside', () => {
  it('is our failure: the run is retried and scored on its content', async () => {
    const id = await submit(svc, 'sum-python', SLOW);
    await killRunFromOutside(id);
    const r = await waitForResult(svc, id);
    expect(r).toMatchObject({ status: 'completed', verdict: 'passed', score: { earned: 6, max: 6 } });
    expect((await stored(svc, id)).attempts).toBe(2);
    expect(await containersOf(svc, id)).toBe(0);
  });

  it('every attempt killed: the submission fails with sandbox_killed, unscored, after the configured attempts', async () => {
    const id = await submit(svc, 'sum-python', SLOW);
    await killRunFromOutside(id);
    await eventually(async () => (await stored(svc, id)).attempts === 2, 30_000, 'second attempt started');
    await killRunFromOutside(id);
    const r = await waitForResult(svc, id);
    expect(r).toMatchObject({ status: 'failed', failureCode: 'sandbox_killed', verdict: null, score: null });
    expect(await containersOf(svc, id)).toBe(0);
  });
});

describe('a sandbox its engine lost', () => {
  it('is given up once past its time limit and the grace: our failure, never a run that waits forever', async () => {
    const id = await submit(svc, 'sum-python', SLOW);
    const container = svc.rt.docker.getContainer(runContainerName(id));
    await eventually(async () => (await container.inspect().catch(() => undefined))?.State.Running === true, 30_000, `run ${id} running`);
    // A stopped containerd shim: the engine can neither kill the container nor report its end.
    const pid = (await container.inspect()).State.Pid;
    const shim = Number((await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ')[1]);
    expect(await readFile(`/proc/${shim}/comm`, 'utf8')).toMatch(/^containerd-shim/);
    process.kill(shim, 'SIGSTOP');
    try {
      // Both attempts give up: the first when the grace is over, the second when the first's container,
      // which still holds the run's name, cannot be removed. With more attempts, a recovered engine scores it.
      const r = await waitForResult(svc, id);
      expect(r).toMatchObject({ status: 'failed', failureCode: 'sandbox_killed', verdict: null, score: null });
      expect((await stored(svc, id)).attempts).toBe(2);
    } finally {
      process.kill(shim, 'SIGCONT');
    }
    await eventually(async () => (await containersOf(svc, id)) === 0, 30_000, 'the lost container removed once its engine answers again');
  }, 90_000);
});

describe("the candidate's own process killed inside the sandbox", () => {
  it('stays the candidate\'s outcome: scored as it ran, not retried', async () => {
    // The solution kills its own process (the runner keeps it apart from the harness): no engine kill, so no retry.
    const id = await submit(svc, 'sum-python', [{ path: 'calc.py', content: 'import os, signal\n\ndef add(a, b):\n    os.kill(os.getpid(), signal.SIGKILL)\n' }]);
    const r = await waitForResult(svc, id);
    expect(r, JSON.stringify(r)).toMatchObject({ status: 'completed', verdict: 'failed', score: { earned: 0, max: 6 } });
    expect((await stored(svc, id)).attempts).toBe(1);
  });
});
