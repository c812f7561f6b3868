import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivatePostgres, type PrivatePostgres } from '../support/privatePostgres.js';
import type { TestService } from '../support/testService.js';
import { expectAllScoredOnce, expectServing, report, runsInProgress, startFaultService, submitAll } from './faultCase.js';
import { IN_FLIGHT, solutions } from './faultSubmissions.js';

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
    await postgres.restart(async () => {
      const down = Date.now();
      // Intake while the database is away: a 503 to retry, not a 500.
      const [right] = solutions();
      const refused = await svc.inject({ method: 'POST', url: '/v1/submissions', payload: { challenge: 'sum-python', files: right!.files } });
      expect(refused.statusCode, refused.body).toBe(503);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.headers['retry-after']).toBeDefined();
      await new Promise((r) => setTimeout(r, Math.max(0, DOWN_MS - (Date.now() - down))));
    });
    const rows = await expectAllScoredOnce(svc, ids, sent);
    await expectServing(svc);
    report('postgres-restart (postgres)', started, rows);
  }, 600_000);
});
