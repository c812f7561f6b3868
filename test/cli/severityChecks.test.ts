import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Grader } from '../../src/grading/grade.js';
import { imageResolver } from '../../src/images/imageResolver.js';
import { repoRoot } from '../../src/repoRoot.js';
import { validatePackage } from '../../src/tools/validatePackage.js';
import { createSqliteDatabase, isolatedEnv } from '../support/testEnv.js';

const FIXTURES = path.join(repoRoot, 'test/fixtures/severity');
const config = loadConfig(isolatedEnv(createSqliteDatabase()));
const grader: Grader = { docker: new Docker(), scope: config.queueName, imageFor: imageResolver(config.baseImage) };
const temps: string[] = [];

afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

/** The sound fixture with one overlay's files laid over it (test/fixtures/severity/README.md). */
async function overlaid(overlay: string): Promise<string> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'assay-severity-'));
  temps.push(parent);
  const dir = path.join(parent, 'greet-token-python');
  await cp(path.join(FIXTURES, 'greet-token-python'), dir, { recursive: true });
  await cp(path.join(FIXTURES, overlay), dir, { recursive: true });
  return dir;
}

describe('assay challenge validate: severity and point shares', () => {
  it('accepts a package whose critical mutants are capped, whose starter is within its share and whose skills are measured', async () => {
    const report = await validatePackage(grader, config.sandbox, path.join(FIXTURES, 'greet-token-python'));
    expect(report.problems).toEqual([]);
    expect(report.checks).toEqual(expect.arrayContaining([
      'each skill gets at least 20% of the points from tests naming it (security 60%, api-design 80%)',
      'the starter scores 0/5',
      'critical mutant always-200 is capped at 25% (forged tokens)',
      'critical mutant unsigned is capped at 25% (forged tokens)',
    ]));
  });

  it.each<[string, RegExp]>([
    ['no-critical-tests', /mutant always-200 is critical but scores 2\/5 \(40%\) and challenge\.json has no critical tests: add a "critical" group naming the tests that catch it \(test_greet\.py::test_rejects_a_forged_token, test_greet\.py::test_answers_401_without_a_user\)/],
    ['generous-starter', /the starter scores 3\/5 \(60%\), more than the 50% a starter may \(validation\.maxStarterShare\): make the starter fail some of test_greet\.py::test_rejects_a_forged_token, test_greet\.py::test_answers_401_without_a_user/],
    ['unnamed-skills', /skill security gets 0% of the points from tests that name it \(none do\), less than 20%: add "security" to the "skills" of the tests that measure it/],
  ])('rejects %s with an actionable message', async (overlay, message) => {
    const report = await validatePackage(grader, config.sandbox, await overlaid(overlay));
    expect(report.problems.join('\n')).toMatch(message);
  });

  it('reports each critical mutant that keeps its points, not only the first', async () => {
    const report = await validatePackage(grader, config.sandbox, await overlaid('no-critical-tests'));
    expect(report.problems.join('\n')).toMatch(/mutant unsigned is critical but scores 4\/5 \(80%\)/);
  });
});
