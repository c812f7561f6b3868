import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { runnerImageRef } from '../../src/images/imageRefs.js';
import { SANDBOX_LABEL } from '../../src/sandbox/containerSpec.js';
import { startPrivateEngine, type PrivateEngine } from '../support/privateEngine.js';
import { eventually } from '../support/processes.js';
import { submit, waitForResult } from '../support/submissions.js';
import { stored, type TestService } from '../support/testService.js';
import { startFaultService } from './faultCase.js';
import { IN_FLIGHT, solutions } from './faultSubmissions.js';

let engine: PrivateEngine;
let svc: TestService;

beforeAll(async () => {
  engine = await startPrivateEngine([await runnerImageRef('python', loadConfig().baseImage)]);
  svc = await startFaultService({ env: { DOCKER_SOCKET: engine.socket } });
}, 300_000);
afterAll(async () => {
  await svc?.close();
  await engine?.destroy();
});

describe('the Docker engine restarted with runs in progress', () => {
  it(`${IN_FLIGHT} in flight: every one completes once with the score its content deserves`, async () => {
    const started = Date.now();
    const sent = solutions();
    const ids = await Promise.all(sent.map((s) => submit(svc, 'sum-python', s.files)));
    // Some runs in their sandboxes, most still queued.
    await eventually(async () => (await engine.docker.listContainers({ filters: { label: [`${SANDBOX_LABEL}=${svc.config.queueName}`], name: ['assay-run-'] } })).length >= 2, 60_000, 'runs in progress');
    await engine.restart();
    await eventually(async () => (await Promise.all(ids.map((id) => stored(svc, id)))).every((row) => row.status === 'completed' || row.status === 'failed'), 300_000, 'every submission finished')
      .catch(async (err: Error) => {
        const rows = await Promise.all(ids.map((id) => stored(svc, id)));
        const unfinished = rows.filter((r) => r.status !== 'completed' && r.status !== 'failed').map((r) => `${r.id} ${r.status} (${r.attempts} attempts)`);
        throw new Error(`${err.message}: ${unfinished.join(', ')}`);
      });
    const results = await Promise.all(ids.map((id) => waitForResult(svc, id)));
    results.forEach((r, i) => expect(r, `${r.id}: ${r.message} ${JSON.stringify(r.tests?.map((t: { message: string | null }) => t.message))}`).toMatchObject({ status: 'completed', verdict: sent[i]!.verdict, score: { earned: sent[i]!.earned, max: 6 } }));
    const rows = await Promise.all(ids.map((id) => stored(svc, id)));
    // Some were run again: those the restart killed.
    expect(rows.some((row) => row.attempts > 1)).toBe(true);
    // Nothing left on the engine but the refilled warm pool, and the worker serves the next one.
    await eventually(async () => (await engine.docker.listContainers({ all: true, filters: { name: ['assay-run-'] } })).length === 0, 60_000, 'no run containers left');
    const after = await submit(svc, 'sum-python', sent[0]!.files);
    expect(await waitForResult(svc, after, 60_000)).toMatchObject({ status: 'completed', verdict: sent[0]!.verdict });
    console.log(`fault engine-restart: ${IN_FLIGHT} in flight, all completed, ${rows.filter((r) => r.attempts > 1).length} rerun, ${Math.round((Date.now() - started) / 1000)} s`);
  }, 600_000);
});
