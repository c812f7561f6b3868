import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { runnerImageRef } from '../../src/images/imageRefs.js';
import { startPrivateEngine, type PrivateEngine } from '../support/privateEngine.js';
import { eventually } from '../support/processes.js';
import type { TestService } from '../support/testService.js';
import { expectAllScoredOnce, expectServing, report, runsInProgress, startFaultService, submitAll } from './faultCase.js';
import { IN_FLIGHT } from './faultSubmissions.js';

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
    const { ids, sent } = await submitAll(svc);
    // Some runs in their sandboxes, most still queued.
    await runsInProgress(svc, 2, engine.docker);
    await engine.restart();
    const rows = await expectAllScoredOnce(svc, ids, sent);
    // Some were run again: those the restart killed.
    expect(rows.some((row) => row.attempts > 1)).toBe(true);
    // Nothing left on the engine but the refilled warm pool, and the worker serves the next one.
    await eventually(async () => (await engine.docker.listContainers({ all: true, filters: { name: ['assay-run-'] } })).length === 0, 60_000, 'no run containers left');
    await expectServing(svc);
    report('engine-restart (sqlite)', started, rows);
  }, 600_000);
});
