import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { POOL_LABEL, SANDBOX_LABEL } from '../../src/sandbox/containerSpec.js';
import { removeExpiredContainers } from '../../src/sandbox/containerReaper.js';
import { eventually } from '../support/processes.js';
import { submit, waitForResult } from '../support/submissions.js';
import { leftoverContainers } from '../support/testEnv.js';
import { startTestService, type TestService } from '../support/testService.js';

const fixtures = { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges') };
/** As `npm start` runs beside the suite: a queue outside the test run's scope, with a warm pool. */
let running: TestService;
/** One of the suite's own services. */
let test: TestService;

const warmOf = async (svc: TestService) =>
  (await svc.rt.docker.listContainers({ all: true, filters: { label: [POOL_LABEL, `${SANDBOX_LABEL}=${svc.config.queueName}`] } })).map((c) => c.Id);

beforeAll(async () => {
  running = await startTestService({ env: { ...fixtures, QUEUE_NAME: `assay-side-by-side-${randomBytes(4).toString('hex')}` } });
  test = await startTestService({ env: fixtures });
});
afterAll(async () => {
  await test?.close();
  await running?.close();
});

const SOLUTION = [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }];

describe('the test suite beside a running service on one engine', () => {
  it("each one's reaper and leak check look only at its own sandboxes", async () => {
    // A run in each fills each worker's warm pool.
    for (const svc of [running, test]) expect(await waitForResult(svc, await submit(svc, 'sum-python', SOLUTION))).toMatchObject({ verdict: 'passed' });
    await eventually(async () => (await warmOf(running)).length > 0 && (await warmOf(test)).length > 0, 60_000, 'both pools warm');
    const runningWarm = await warmOf(running);
    const testWarm = await warmOf(test);

    // The suite's leak check counts the test's warm containers and none of the running service's.
    const counted = (await leftoverContainers(test.rt.docker)).map((c) => c.Id);
    expect(counted).toEqual(expect.arrayContaining(testWarm));
    expect(counted.filter((id) => runningWarm.includes(id))).toEqual([]);

    // The test scope's reaper, told every deadline has passed, removes its own and leaves the service's.
    expect(await removeExpiredContainers(test.rt.docker, test.config.queueName, -1e13)).toBeGreaterThanOrEqual(testWarm.length);
    expect(await warmOf(test)).toEqual([]);
    expect(await warmOf(running)).toEqual(expect.arrayContaining(runningWarm));

    // And the service still runs submissions from its warm pool.
    expect(await waitForResult(running, await submit(running, 'sum-python', SOLUTION))).toMatchObject({ status: 'completed', verdict: 'passed' });
  });
});
