import { afterAll, beforeAll, describe, it } from 'vitest';
import { startPrivatePostgres, type PrivatePostgres } from '../support/privatePostgres.js';
import type { TestService } from '../support/testService.js';
import { expectAllScoredOnce, expectServing, report, runsInProgress, startFaultService, submitAll } from './faultCase.js';
import { IN_FLIGHT } from './faultSubmissions.js';

/** How long the server stays down between its stop and its start. */
const DOWN_MS = 5000;

let postgres: PrivatePostgres;
let svc: TestService;

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  svc = await startFaultService({ database: postgres.database });
}, 120_000);
afterAll(async () => {
  await svc?.close();
  await postgres?.destroy();
});

describe('PostgreSQL restarted with runs in progress', () => {
  it(`${IN_FLIGHT} in flight: every one completes once with the score its content deserves`, async () => {
    const started = Date.now();
    const { ids, sent } = await submitAll(svc);
    await runsInProgress(svc);
    await postgres.restart(DOWN_MS);
    const rows = await expectAllScoredOnce(svc, ids, sent);
    await expectServing(svc);
    report('postgres-restart (postgres)', started, rows);
  }, 600_000);
});
