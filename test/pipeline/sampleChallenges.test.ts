import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackage } from '../../src/challenges/readPackage.js';
import type { ChallengePackage } from '../../src/challenges/challengePackage.js';
import { readMutants } from '../../src/tools/readMutants.js';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';
import { TEST_DATABASE } from '../support/testEnv.js';

const CHALLENGES = path.join(repoRoot, 'challenges');
// A package's scores do not depend on the database: on PostgreSQL one challenge with critical caps and
// per-skill scores proves the storage path, and the whole pack runs once, on SQLite.
const slugs = TEST_DATABASE === 'postgres' ? ['slow-orders-query-sql'] : readdirSync(CHALLENGES).sort();
let svc: TestService;

beforeAll(async () => {
  svc = await startTestService();
});
afterAll(async () => svc.close());

type Result = { status: string; verdict: string; score: { earned: number; max: number; percent: number; cap: { ceiling: number; triggered: { name: string }[] } | null }; tests: { name: string; status: string }[] };
const statuses = (r: Result) => r.tests.map((t) => `${t.name}=${t.status}`);

/**
 * What `assay challenge validate` checks, through the whole service (HTTP, queue, worker, sandbox):
 * the reference scores 100% three times alike, the starter less, each mutant exactly its expected
 * score, every hidden test fails against some mutant, and each critical mutant (a security hole, a double charge, a wrong report) is
 * capped by a critical test: its percent is at most the ceiling, below what its points alone give.
 */
describe.each(slugs)('sample challenge %s', (slug) => {
  let pkg: ChallengePackage;
  const run = async (files: ChallengePackage['solution']) => (await waitForResult(svc, await submit(svc, slug, files), 90_000)) as Result;

  beforeAll(async () => {
    pkg = await readPackage(path.join(CHALLENGES, slug));
  });

  it('scores its reference 100% three times alike, and its starter below that', async () => {
    const [a, b, c, starter] = await Promise.all([run(pkg.solution), run(pkg.solution), run(pkg.solution), run(pkg.starter)]);
    expect(a, JSON.stringify(a.tests.filter((t) => t.status !== 'passed'))).toMatchObject({ status: 'completed', verdict: 'passed', score: { percent: 100 } });
    expect(a.tests.map((t) => t.name)).toEqual(pkg.manifest.tests.map((t) => t.name));
    expect(statuses(b!)).toEqual(statuses(a!));
    expect(statuses(c!)).toEqual(statuses(a!));
    expect(starter!.status).toBe('completed');
    expect(starter!.score.percent).toBeLessThan(100);
  });

  it('gives each mutant its exact score, and every hidden test catches one', async () => {
    const mutants = await readMutants(path.join(CHALLENGES, slug), pkg.solution);
    expect(mutants.length).toBeGreaterThan(0);
    const results = await Promise.all(mutants.map((m) => run(m.files)));
    results.forEach((r, i) => {
      expect(r.status, mutants[i]!.name).toBe('completed');
      expect(r.score.earned, mutants[i]!.name).toBe(mutants[i]!.expectedEarned);
      if (!mutants[i]!.critical) return;
      expect(r.score.cap, mutants[i]!.name).not.toBeNull();
      expect(r.score.percent, mutants[i]!.name).toBe(Math.min(Math.round((r.score.earned / r.score.max) * 10000) / 100, r.score.cap!.ceiling));
      expect(r.score.percent, mutants[i]!.name).toBeLessThanOrEqual(Math.max(...pkg.manifest.critical!.map((g) => g.ceiling)));
    });
    const caught = new Set(results.flatMap((r) => r.tests.filter((t) => t.status !== 'passed').map((t) => t.name)));
    expect(pkg.manifest.tests.map((t) => t.name).filter((name) => !caught.has(name))).toEqual([]);
  });
});
