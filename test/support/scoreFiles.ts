import Docker from 'dockerode';
import type { Manifest } from '../../src/challenges/manifest.js';
import type { PackageFile } from '../../src/challenges/challengePackage.js';
import { loadConfig } from '../../src/config.js';
import { grade } from '../../src/grading/grade.js';
import { ensureRunnerImages } from '../../src/images/ensureRunnerImages.js';
import { imageResolver } from '../../src/images/imageResolver.js';
import { resolveLimits } from '../../src/sandbox/limits.js';
import { testQueueName } from './testEnv.js';

const docker = new Docker();
const { baseImage, sandbox } = loadConfig({});
const limits = resolveLimits({ timeoutMs: 20_000 }, { ...sandbox, maxTimeoutMs: 20_000 });

/**
 * Grades a solution against tests written in the test itself, in the runner's real image, as the
 * worker does: each test named `<file>::<name>` is worth one point; `more` adds to the manifest (its
 * `services`).
 */
export async function scoreFiles(
  runner: string,
  runId: string,
  files: { solution: PackageFile[]; tests: PackageFile[] },
  testNames: string[],
  more: Pick<Manifest, 'services'> = {},
) {
  await ensureRunnerImages(docker, [runner], baseImage, () => {});
  const manifest = { slug: runId, runner, skills: ['security'], tests: testNames.map((name) => ({ name, points: 1 })), ...more } as unknown as Manifest;
  return grade({ docker, scope: testQueueName(), imageFor: imageResolver(baseImage) }, { runId, pkg: { manifest, hiddenTests: files.tests }, files: files.solution, limits });
}
