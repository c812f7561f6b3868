import { join } from 'node:path';
import { repoRoot } from '../repoRoot.js';
import type { RunnerName } from './runners.js';

/** Where each image's sources live, relative to the repository root. */
export const layout = {
  baseSandbox: () => join(repoRoot, 'sandboxes', 'base'),
  runnerSandbox: (runner: RunnerName) => join(repoRoot, 'sandboxes', runner),
  runnerHarness: (runner: RunnerName) => join(repoRoot, 'runners', runner),
  /** Host-side downloads the image builds reuse; git-ignored. */
  cache: () => join(repoRoot, '.cache', 'images'),
};
