import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackage } from '../../src/challenges/readPackage.js';
import type { PackageFile } from '../../src/challenges/challengePackage.js';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';

const CHALLENGES = path.join(repoRoot, 'challenges');
const slugs = readdirSync(CHALLENGES).sort();
let svc: TestService;

beforeAll(async () => {
  svc = await startTestService();
});
afterAll(async () => svc.close());

function mutants(slug: string): Array<{ name: string; files: PackageFile[]; earned: number }> {
  const dir = path.join(CHALLENGES, slug, 'mutants');
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const files = readdirSync(path.join(dir, name), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name !== 'expected.json')
      .map((e) => {
        const full = path.join(e.parentPath, e.name);
        return { path: path.relative(path.join(dir, name), full), content: readFileSync(full, 'utf8') };
      });
    const { earned } = JSON.parse(readFileSync(path.join(dir, name, 'expected.json'), 'utf8')) as { earned: number };
    return { name, files, earned };
  });
}

describe.each(slugs)('sample challenge %s', (slug) => {
  it('scores its reference solution 100% and its starter below that', async () => {
    const pkg = await readPackage(path.join(CHALLENGES, slug));
    const [reference, starter] = await Promise.all([submit(svc, slug, pkg.solution), submit(svc, slug, pkg.starter)]);
    const ref = await waitForResult(svc, reference);
    expect(ref, JSON.stringify(ref.tests.filter((t: { status: string }) => t.status !== 'passed'))).toMatchObject({ status: 'completed', verdict: 'passed', score: { percent: 100 } });
    expect(ref.tests.map((t: { name: string }) => t.name)).toEqual(pkg.manifest.tests.map((t) => t.name));
    const start = await waitForResult(svc, starter);
    expect(start.status).toBe('completed');
    expect(start.score.percent).toBeLessThan(100);
  });

  it.each(mutants(slug).map((m) => [m.name, m] as const))('gives mutant %s its exact partial score', async (_name, mutant) => {
    const r = await waitForResult(svc, await submit(svc, slug, mutant.files));
    expect(r.status).toBe('completed');
    expect(r.score.earned).toBe(mutant.earned);
  });
});
