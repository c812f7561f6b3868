import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
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

/** An attack on a server engine: text some test's message must contain (the refusal that stopped it). */
export interface ServerAttack extends SqlAttack {
  refusal: string;
}

type Graded = Awaited<ReturnType<typeof waitForResult>>;

const messagesOf = (result: Graded) => (result.tests as { message: string | null }[]).map((t) => t.message ?? '').join('\n');

/** A run's verdict and points, to compare whole, with its tests as the context a failure shows. */
export function expectVerdict(result: Graded, verdict: string, earned: number): void {
  expect({ verdict: result.verdict, earned: result.score.earned }, JSON.stringify(result.tests, null, 1)).toEqual({ verdict, earned });
}

/** One test per attack: the exact verdict and points it must get, no more than honest, and the refusal
 * among its messages. */
export function itGetsItsVerdict(run: (migration: string, report: string) => Promise<Graded>, attacks: ServerAttack[]): void {
  it.each(attacks.map((a) => [a.name, a] as const))('%s', async (_name, attack) => {
    const result = await run(attack.migration, attack.report);
    expectVerdict(result, attack.verdict, attack.earned);
    expect(result.score.earned).toBeLessThanOrEqual(attack.honest);
    expect(messagesOf(result), JSON.stringify(result.tests, null, 1)).toContain(attack.refusal);
  });
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
