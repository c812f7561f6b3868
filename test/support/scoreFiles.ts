import Docker from 'dockerode';
import type { Manifest } from '../../src/challenges/manifest.js';
import type { PackageFile } from '../../src/challenges/challengePackage.js';
import { ensureRunnerImages } from '../../src/images/ensureRunnerImages.js';
import { runnerImageRef } from '../../src/images/imageRefs.js';
import { resolveLimits } from '../../src/sandbox/limits.js';
import { runSandbox } from '../../src/sandbox/runSandbox.js';
import { scoreRun } from '../../src/scoring/scoreRun.js';

const docker = new Docker();
const limits = resolveLimits({ timeoutMs: 20_000 }, { maxTimeoutMs: 20_000, maxMemoryMb: 1024, outputLimitBytes: 65_536, maxOutputBytes: 16 * 1024 * 1024 });

/**
 * Runs a solution against tests written in the test itself, in the runner's real image with the
 * worker's sandbox code, and scores it: each test named `<file>::<name>` is worth one point.
 */
export async function scoreFiles(runner: string, runId: string, files: { solution: PackageFile[]; tests: PackageFile[] }, testNames: string[]) {
  await ensureRunnerImages(docker, [runner], () => {});
  const outcome = await runSandbox(docker, { runId, image: await runnerImageRef(runner), files, limits });
  const manifest = { slug: runId, runner, skills: ['security'], tests: testNames.map((name) => ({ name, points: 1 })) } as unknown as Manifest;
  return { outcome, score: scoreRun(manifest, outcome, limits) };
}
