import { join } from 'node:path';
import type Docker from 'dockerode';
import { buildContext } from './buildContext.js';
import { buildImage } from './buildImage.js';
import { hostNpmLibraries } from './hostNpmLibraries.js';
import { hostNpmPackages } from './hostNpmPackages.js';
import { imageExists } from './imageExists.js';
import { baseImageRef, runnerImageRef } from './imageRefs.js';
import { layout } from './layout.js';
import { ensureRootImage } from './rootImage.js';
import { pruneStaleImages } from './pruneStaleImages.js';
import { isRunnerName, type RunnerName } from './runners.js';
import { UnknownRunnerError } from './UnknownRunnerError.js';

/**
 * Builds whatever is missing of the base image and the given runners' images. Tags are content hashes,
 * so an image that exists is up to date and is left alone.
 */
export async function ensureRunnerImages(
  docker: Docker,
  runners: string[],
  baseImage: string | null,
  log: (msg: string) => void,
): Promise<void> {
  const missing: Array<{ runner: RunnerName; ref: string }> = [];
  for (const runner of runners) {
    if (!isRunnerName(runner)) throw new UnknownRunnerError(runner);
    const ref = await runnerImageRef(runner, baseImage);
    if (await imageExists(docker, ref)) log(`${ref} is up to date`);
    else missing.push({ runner, ref });
  }
  if (missing.length === 0) return;

  const base = await ensureBaseImage(docker, baseImage, log);
  for (const { runner, ref } of missing) {
    log(`building ${ref}`);
    const sandbox = layout.runnerSandbox(runner);
    const libraries = await hostNpmLibraries(sandbox, log);
    const context = await buildContext(
      [
        { dir: sandbox, prefix: '' },
        { dir: layout.runnerHarness(runner), prefix: 'runner/' },
        ...(libraries ? [{ dir: join(libraries, 'node_modules'), prefix: 'libraries/node_modules/' }] : []),
      ],
      await hostNpmPackages(sandbox, log),
    );
    await buildImage(docker, ref, context, { BASE_IMAGE: base }, log);
    log(`built ${ref}`);
    await pruneStaleImages(docker, ref, log);
  }
}

async function ensureBaseImage(docker: Docker, baseImage: string | null, log: (msg: string) => void): Promise<string> {
  const ref = await baseImageRef(baseImage);
  if (await imageExists(docker, ref)) return ref;
  const root = await ensureRootImage(docker, baseImage, log);
  log(`building ${ref} on ${root}`);
  const context = await buildContext([{ dir: layout.baseSandbox(), prefix: '' }]);
  await buildImage(docker, ref, context, { ROOTFS_IMAGE: root }, log);
  // Also the plain name, so `docker build sandboxes/<runner>` by hand finds its FROM.
  await docker.getImage(ref).tag({ repo: 'assay-base', tag: 'latest' });
  log(`built ${ref}`);
  await pruneStaleImages(docker, ref, log, ['assay-base:latest']);
  return ref;
}
