import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { repoRoot } from '../repoRoot.js';
import { treeFiles } from './treeFiles.js';

/**
 * SHA-256 over every file of the given directories (path from the repository root, mode, bytes), plus
 * any extra strings that shape the image without being files.
 */
export async function contentHash(dirs: string[], extras: string[] = []): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    for (const file of await treeFiles(dir)) {
      const path = relative(repoRoot, file.absolutePath);
      const bytes = await readFile(file.absolutePath);
      // Lengths make the encoding unambiguous: no file can pose as the end of the one before it.
      hash.update(`${path}\0${file.mode.toString(8)}\0${bytes.length}\0`);
      hash.update(bytes);
    }
  }
  for (const extra of extras) hash.update(`extra\0${extra}\0`);
  return hash.digest('hex');
}
