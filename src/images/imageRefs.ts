import { contentHash } from './contentHash.js';
import { layout } from './layout.js';
import { rootSource } from './rootSource.js';
import { isRunnerName } from './runners.js';
import { UnknownRunnerError } from './UnknownRunnerError.js';

const TAG_LENGTH = 12;

/** `assay-base:<tag>`, the tag hashing the base's sources and the root it is built on. */
export async function baseImageRef(baseImage: string | null): Promise<string> {
  const hash = await contentHash([layout.baseSandbox()], [rootSource(baseImage).image]);
  return `assay-base:${hash.slice(0, TAG_LENGTH)}`;
}

/**
 * `assay-runner-<runner>:<tag>`, the tag hashing everything the image is made from, so an unchanged
 * image is never rebuilt and any change makes a new tag.
 */
export async function runnerImageRef(runner: string, baseImage: string | null): Promise<string> {
  if (!isRunnerName(runner)) throw new UnknownRunnerError(runner);
  const dirs = [layout.baseSandbox(), layout.runnerSandbox(runner), layout.runnerHarness(runner)];
  const hash = await contentHash(dirs, [rootSource(baseImage).image]);
  return `assay-runner-${runner}:${hash.slice(0, TAG_LENGTH)}`;
}
