import { readdir, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';

export interface TreeFile {
  /** Path inside the tree, with `/` separators. */
  path: string;
  absolutePath: string;
  /** 0o755 or 0o644: only the executable bit is kept, as git does, so the umask of a checkout never matters. */
  mode: number;
}

/** Golden fixtures and the authoring skeleton live beside a runner's harness but are no part of its image. */
const NOT_IN_IMAGE = new Set(['fixtures', 'skeleton']);

/** Every regular file under `dir`, sorted by path, so that hashes and build contexts are reproducible. */
export async function treeFiles(dir: string): Promise<TreeFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: TreeFile[] = [];
  for (const entry of entries) {
    const absolutePath = join(entry.parentPath, entry.name);
    // A symlink to a file (a module shared with another runner) goes in as the file it points to.
    const linkedFile = entry.isSymbolicLink() && (await stat(absolutePath).catch(() => undefined))?.isFile();
    if (!entry.isFile() && !linkedFile) continue;
    const path = absolutePath.slice(dir.length + 1).split('/').join(posix.sep);
    if (NOT_IN_IMAGE.has(path.split('/')[0] ?? '')) continue;
    const executable = ((await stat(absolutePath)).mode & 0o111) !== 0;
    files.push({ path, absolutePath, mode: executable ? 0o755 : 0o644 });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
