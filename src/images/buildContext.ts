import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import { treeFiles } from './treeFiles.js';

/** A directory copied into the context under `prefix` ('' for the context's root). */
export interface ContextTree {
  dir: string;
  prefix: string;
}

/** A docker build context as an in-memory tar stream: the trees, then loose files under `npm/`. */
export async function buildContext(trees: ContextTree[], npmTarballs: string[] = []): Promise<Readable> {
  const pack = tar.pack();
  for (const { dir, prefix } of trees) {
    for (const file of await treeFiles(dir)) {
      pack.entry({ name: prefix + file.path, mode: file.mode }, await readFile(file.absolutePath));
    }
  }
  for (const tarball of npmTarballs) {
    pack.entry({ name: `npm/${basename(tarball)}`, mode: 0o644 }, await readFile(tarball));
  }
  pack.finalize();
  // tar-stream packs are streamx streams; dockerode expects a Node stream.
  return Readable.from(pack);
}
