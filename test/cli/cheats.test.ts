import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { runCheats } from '../../src/tools/cheats/runCheats.js';
import { validatePackage } from '../../src/tools/validatePackage.js';
import { cheatsOf, config, grader } from '../support/cheats.js';

/** The starter and every built-in cheat of a package, graded as validate grades them. */
async function cheatReport(dir: string) {
  const { cheats, run, starter } = await cheatsOf(dir);
  return runCheats(run, cheats, await run(starter));
}

describe('adversarial validation', () => {
  it('fails a package whose hidden tests a cheat gets through, naming the cheat and the tests', async () => {
    const report = await validatePackage(grader, config.sandbox, path.join(repoRoot, 'test/fixtures/cheatable/loose-python'));
    const problems = report.problems.join('\n');
    expect(problems).toMatch(/cheat not-implemented scores 1\/4, above the starter's 0; the tests that let it through: test_calc\.py::test_refuses_strings\./);
    expect(problems).toMatch(/cheat always-equal-record scores 1\/4, above the starter's 0; the tests that let it through: test_calc\.py::test_returns_something\./);
    expect(problems).not.toMatch(/fake-pass-markers|patch-test-framework|read-and-echo-files/);
    expect(report.checks).toContain('the reference solution scores 4/4');
  });

  // The full sweep over every shipped challenge takes longer than a test should: `npm run validate:challenges`.
  it.each([['sales-report-query'], ['subscription-schema-sql']])('lets no cheat score above the starter on the shipped %s', async (slug) => {
    const report = await cheatReport(path.join(repoRoot, 'challenges', slug));
    expect(report.problems).toEqual([]);
    expect(report.checks.at(-1)).toMatch(/^\d+ cheats graded in [\d.]+s$/);
  }, 600_000);
});
