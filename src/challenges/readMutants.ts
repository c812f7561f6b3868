import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PackageFile } from './challengePackage.js';

/** A plausible wrong solution in `mutants/<name>/`, with the points its `expected.json` says it earns. */
export interface Mutant {
  name: string;
  files: PackageFile[];
  expectedEarned: number | null;
}

/** The package's mutants, by name; none when it has no `mutants/` folder. */
export async function readMutants(dir: string): Promise<Mutant[]> {
  const root = path.join(dir, 'mutants');
  const names = await readdir(root).catch(() => [] as string[]);
  return Promise.all(
    names.sort().map(async (name) => {
      const entries = await readdir(path.join(root, name), { recursive: true, withFileTypes: true });
      const files: PackageFile[] = [];
      let expectedEarned: number | null = null;
      for (const e of entries.filter((x) => x.isFile())) {
        const full = path.join(e.parentPath, e.name);
        const rel = path.relative(path.join(root, name), full).split(path.sep).join('/');
        if (rel === 'expected.json') expectedEarned = (JSON.parse(await readFile(full, 'utf8')) as { earned?: number }).earned ?? null;
        else files.push({ path: rel, content: await readFile(full, 'utf8') });
      }
      return { name, files, expectedEarned };
    }),
  );
}
