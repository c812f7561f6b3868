import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, stored, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';

/**
 * A sandbox whose own service fails (the sql runner's PostgreSQL or MariaDB server, or the http runner's
 * mariadb service, exits at start, here because the fixture's engineSettings are invalid) is ours: the harness says so (errorKind `infrastructure`), the
 * worker retries the run and ends the submission failed with a code, never with a verdict or a score.
 */
const FIXTURES = path.join(repoRoot, 'test/fixtures/service-failure');
let svc: TestService | undefined;

afterAll(async () => svc?.close());

describe('a service inside the sandbox that does not start', () => {
  const query = { path: 'one.sql', content: 'SELECT 1 AS one;\n' };
  const server = { path: 'app.py', content: readFileSync(path.join(FIXTURES, 'http-maria-service-fails/solution/app.py'), 'utf8') };
  it.each([
    ['pg-server-fails', query],
    ['maria-server-fails', query],
    ['http-maria-service-fails', server],
  ])('%s is retried, then fails as ours with no verdict and no score', async (slug, file) => {
    svc ??= await startTestService({ env: { CHALLENGES_DIR: FIXTURES, JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '50' } });
    const id = await submit(svc, slug, [file]);
    const r = await waitForResult(svc, id, 120_000);
    expect(r).toMatchObject({ status: 'failed', failureCode: 'internal', verdict: null, score: null });
    expect((await stored(svc, id)).attempts).toBe(2);
  });
});
