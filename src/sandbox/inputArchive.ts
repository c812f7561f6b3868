import { pack } from 'tar-stream';
import type { Readable } from 'node:stream';
import type { PackageFile } from '../challenges/challengePackage.js';
import { fileBytes } from '../challenges/fileBytes.js';

export interface SandboxFiles {
  solution: PackageFile[];
  tests: PackageFile[];
}

/** What the container reads on stdin: the nonce line, then a tar of solution/ and tests/. */
export function inputArchive(files: SandboxFiles): Readable {
  const tar = pack();
  const add = (dir: string, list: PackageFile[]) => {
    for (const f of list) tar.entry({ name: `${dir}/${f.path}`, mode: 0o644 }, fileBytes(f));
  };
  add('solution', files.solution);
  add('tests', files.tests);
  tar.finalize();
  return tar as unknown as Readable;
}
