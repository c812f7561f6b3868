import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Grader } from '../../src/grading/grade.js';
import { imageResolver } from '../../src/images/imageResolver.js';
import { repoRoot } from '../../src/repoRoot.js';
import { repeatCheck } from '../../src/tools/repeatCheck.js';
import { createSqliteDatabase, isolatedEnv } from '../support/testEnv.js';

const run = promisify(execFile);
const env = isolatedEnv(createSqliteDatabase());
const config = loadConfig(env);
const grader: Grader = { docker: new Docker(), scope: config.queueName, imageFor: imageResolver(config.baseImage) };
const UNSTABLE = path.join(repoRoot, 'test/fixtures/unstable/coin-toss-python');

describe('assay challenge validate --repeat', () => {
  it('names the test, the variant and the results seen when a test depends on chance', async () => {
    // Two coin tosses in each of three variants, five runs each: all thirty alike is a 1 in 2^24 chance.
    const cli = await run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'challenge', 'validate', UNSTABLE, '--repeat', '5'], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    }).then(
      () => ({ code: 0, out: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(cli.code).toBe(1);
    // Each result seen with its count; on a very busy machine a time limit may add `not_run 0 ×n`.
    expect(cli.out).toMatch(/FAIL test_calc\.py::test_(heads|tails) of the (reference|starter|mutant off-by-one) is unstable under load \(3 variants × 5 runs, \d+ at once beside a CPU hog, in \d+ s\): \w+ \d ×\d+(, \w+ \d ×\d+)+; make its outcome independent of timing and chance\./);
  }, 900_000);

  it('passes a stable package: every variant gives the same results in every run under load', async () => {
    const report = await repeatCheck(grader, config.sandbox, path.join(repoRoot, 'test/fixtures/challenges/sum-python'), { repeat: 3, concurrency: config.worker.concurrency });
    expect(report).toMatchObject({ runs: 3, variants: ['reference', 'starter'], unstable: [] });
  });

  it('refuses a repeat count that is not a positive whole number', async () => {
    const err = await run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'challenge', 'validate', UNSTABLE, '--repeat', '0'], { cwd: repoRoot }).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 2, stderr: expect.stringContaining('--repeat must be a positive whole number') });
  });
});
