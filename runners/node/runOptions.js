// The run's options, from /work/run.json, which the worker writes from the challenge's manifest
// beside solution/ and tests/ (never from the submission): `framework`, `node:test` when absent.
import { existsSync, readFileSync } from 'node:fs';

export const FRAMEWORKS = ['node:test', 'jest'];

/** { framework } or { problem }: a problem is ours (an unknown framework), reported as the run's error. */
export function runOptions(path) {
  const options = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  const framework = options.framework ?? 'node:test';
  if (!FRAMEWORKS.includes(framework)) return { problem: `the node runner has no test framework ${JSON.stringify(framework)} (it has ${FRAMEWORKS.join(', ')})` };
  return { framework };
}
