import { pack } from 'tar-stream';
import type { Readable } from 'node:stream';
import type { PackageFile } from '../challenges/challengePackage.js';
import { fileBytes } from '../challenges/fileBytes.js';

export interface SandboxFiles {
  solution: PackageFile[];
  tests: PackageFile[];
  /** The run's options from the manifest (the node runner's framework), as runner.json beside the two. */
  options?: Record<string, string>;
}

/** What the container reads on stdin: the nonce line, then a tar of solution/, tests/ and runner.json. */
export function inputArchive(files: SandboxFiles): Readable {
  const tar = pack();
  if (files.options) tar.entry({ name: 'runner.json', mode: 0o644 }, JSON.stringify(files.options));
  const add = (dir: string, list: PackageFile[]) => {
    for (const f of list) tar.entry({ name: `${dir}/${f.path}`, mode: 0o644 }, fileBytes(f));
  };
  add('solution', files.solution);
  add('tests', files.tests);
  tar.finalize();
  return tar as unknown as Readable;
}
