import { pack } from 'tar-stream';
import type { Readable } from 'node:stream';
import type { PackageFile } from '../challenges/challengePackage.js';
import { fileBytes } from '../challenges/fileBytes.js';
import type { Service, SqlEngine, TestFramework } from '../challenges/manifest.js';

/** What the manifest tells a runner about the run (`/work/run.json`, docs/runner-contract.md). */
export interface RunOptions {
  /** The tests the manifest scores: a runner that can report a test or its parts reports what is listed. */
  tests: string[];
  /** Go: the solution's process built with the race detector. */
  race?: boolean;
  /** Node: the test framework (`node:test` when absent). */
  framework?: TestFramework;
  /** SQL: the engine the cases run on (`sqlite` when absent); for `postgres` or `mariadb` (or the postgres or mariadb service), server settings. */
  engine?: SqlEngine;
  engineSettings?: Record<string, string>;
  /** Python and http: the servers the harness starts, seeds and makes ready before the solution (or server) starts. */
  services?: Service[];
}

export interface SandboxFiles {
  solution: PackageFile[];
  tests: PackageFile[];
  run?: RunOptions;
}

/** What the container reads on stdin: the nonce line, then a tar of solution/, tests/ and run.json. */
export function inputArchive(files: SandboxFiles): Readable {
  const tar = pack();
  const add = (dir: string, list: PackageFile[]) => {
    for (const f of list) tar.entry({ name: `${dir}/${f.path}`, mode: 0o644 }, fileBytes(f));
  };
  add('solution', files.solution);
  add('tests', files.tests);
  // Root's alone once extracted: the hidden tests' names are no business of the candidate's code.
  if (files.run) tar.entry({ name: 'run.json', mode: 0o600 }, JSON.stringify(files.run));
  tar.finalize();
  return tar as unknown as Readable;
}
