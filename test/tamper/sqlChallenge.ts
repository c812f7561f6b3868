import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';

/** A submission that tries a trick: what the same SQL earns without it, and the verdict and points it must get. */
export interface SqlAttack {
  name: string;
  migration: string;
  report: string;
  honest: number;
  verdict: string;
  earned: number;
}

/**
 * For a test file of submissions to one of the sample SQL challenges that take a `migration.sql` and a
 * `report.sql`: starts the service around the file's tests and returns how to submit the two files and
 * wait for the result.
 */
export function sqlChallenge(slug: string) {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ env: { CHALLENGES_DIR: path.join(repoRoot, 'challenges') } });
  });
  afterAll(async () => svc.close());
  return async (migration: string, report: string) => {
    const files = [{ path: 'migration.sql', content: migration }, { path: 'report.sql', content: report }];
    return waitForResult(svc, await submit(svc, slug, files), 120_000);
  };
}
