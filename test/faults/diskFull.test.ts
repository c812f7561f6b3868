import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/processes.js';
import { mountSmallDisk, type SmallDisk } from '../support/smallDisk.js';
import { waitForResult } from '../support/submissions.js';
import type { TestService } from '../support/testService.js';
import { expectAllScoredOnce, expectServing, report, runsInProgress, startFaultService, submitAll } from './faultCase.js';
import { IN_FLIGHT, solutions } from './faultSubmissions.js';

/** How long the disk stays full once the first result could not be recorded. */
const FULL_MS = 10_000;

let disk: SmallDisk;
let svc: TestService;

beforeAll(async () => {
  disk = await mountSmallDisk(32);
  svc = await startFaultService({ database: { url: path.join(disk.dir, 'assay.db'), drop: async () => undefined } });
}, 120_000);
afterAll(async () => {
  disk?.free();
  await svc?.close();
  await disk?.destroy();
});

describe('the SQLite database\'s disk full', () => {
  it(`answers 503 problem+json, loses none of the ${IN_FLIGHT} accepted, and recovers when space returns`, async () => {
    const started = Date.now();
    const { ids, sent } = await submitAll(svc);
    await runsInProgress(svc);
    // Everything the WAL holds goes into the main file first, so any later write must grow a file.
    const db = new Sqlite(svc.database.url);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    await disk.fill();

    const [right] = solutions();
    const refused = await svc.inject({ method: 'POST', url: '/v1/submissions', headers: { 'idempotency-key': 'while-full' }, payload: { challenge: 'sum-python', files: right!.files } });
    expect(refused.statusCode, refused.body).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json()).toMatchObject({ type: 'https://assay.dev/problems/storage-full', status: 503 });
    // Reads still work while nothing can be written.
    expect((await svc.inject({ method: 'GET', url: '/v1/challenges' })).statusCode).toBe(200);

    // The recorder could not store a worker's result: the message waits to be retried, not dropped.
    await eventually(async () => ((await svc.rt.results.getJobCounts('delayed')).delayed ?? 0) > 0, 60_000, 'a result waiting for space');
    await new Promise((r) => setTimeout(r, FULL_MS));
    disk.free();

    const rows = await expectAllScoredOnce(svc, ids, sent);
    // The refused request, retried with its key, is taken now.
    const retried = await svc.inject({ method: 'POST', url: '/v1/submissions', headers: { 'idempotency-key': 'while-full' }, payload: { challenge: 'sum-python', files: right!.files } });
    expect(retried.statusCode, retried.body).toBe(202);
    expect(await waitForResult(svc, retried.json().id, 120_000)).toMatchObject({ status: 'completed', verdict: right!.verdict });
    await expectServing(svc);
    report('disk-full (sqlite)', started, rows);
  }, 600_000);
});
