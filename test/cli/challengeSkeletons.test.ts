import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Grader } from '../../src/grading/grade.js';
import { ensureRunnerImages } from '../../src/images/ensureRunnerImages.js';
import { imageResolver } from '../../src/images/imageResolver.js';
import { RUNNERS } from '../../src/images/runners.js';
import { repoRoot } from '../../src/repoRoot.js';
import { validatePackage } from '../../src/tools/validatePackage.js';
import { createSqliteDatabase, isolatedEnv } from '../support/testEnv.js';

const run = promisify(execFile);
const config = loadConfig(isolatedEnv(createSqliteDatabase()));
const docker = new Docker();
const grader: Grader = { docker, scope: config.queueName, imageFor: imageResolver(config.baseImage) };
let parent: string;

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'assay-new-'));
  // Built once up front, so each runner's check below times validation, not an image build.
  await ensureRunnerImages(docker, [...RUNNERS], config.baseImage, () => {});
}, 1_800_000);
afterAll(async () => rm(parent, { recursive: true, force: true }));

// Through the package's bin, as an author runs it (`npx assay …`).
const assay = (...args: string[]) => run(process.execPath, [path.join(repoRoot, 'bin/assay.js'), ...args], { cwd: repoRoot });

describe('assay challenge new', () => {
  it.each(RUNNERS)('writes a %s skeleton that passes validate as it stands', async (runner) => {
    const dir = path.join(parent, `first-${runner}-challenge`);
    const { stdout } = await assay('challenge', 'new', '--runner', runner, dir);
    expect(stdout).toContain(`created ${dir}`);
    const report = await validatePackage(grader, config.sandbox, dir);
    expect(report.problems).toEqual([]);
    expect(report.checks).toEqual(expect.arrayContaining([
      expect.stringMatching(/^the starter scores 0\//),
      expect.stringMatching(/^each hidden test fails against at least one of \d+ mutants$/),
    ]));
  }, 600_000);

  it('refuses an unknown runner and a folder that is not empty', async () => {
    await expect(assay('challenge', 'new', '--runner', 'cobol', path.join(parent, 'x'))).rejects.toMatchObject({ stderr: expect.stringContaining('--runner must be one of') });
    await expect(assay('challenge', 'new', '--runner', 'python', repoRoot)).rejects.toMatchObject({ stderr: expect.stringContaining('exists and is not empty') });
  });
});
