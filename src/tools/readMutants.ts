import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyMutantPatch } from './applyMutantPatch.js';
import type { PackageFile } from '../challenges/challengePackage.js';
import { InvalidPackageError } from '../challenges/InvalidPackageError.js';

/** A plausible wrong solution in `mutants/<name>/`, with the points its `expected.json` says it earns. */
export interface Mutant {
  name: string;
  files: PackageFile[];
  expectedEarned: number | null;
  /** `critical` (expected.json `severity`): a failure no points make up for (a security hole, a double charge), which must score no more than a critical ceiling. */
  critical: boolean;
}

interface Expected {
  earned?: number;
  severity?: string;
}

/**
 * The package's mutants, by name; none when it has no `mutants/` folder. A mutant is either a
 * `mutant.patch` against the reference solution, or (for one that shares little with it) the
 * complete files of a solution.
 */
export async function readMutants(dir: string, solution: PackageFile[]): Promise<Mutant[]> {
  const root = path.join(dir, 'mutants');
  const names = await readdir(root).catch(() => [] as string[]);
  return Promise.all(
    names.sort().map(async (name) => {
      const entries = await readdir(path.join(root, name), { recursive: true, withFileTypes: true });
      const files: PackageFile[] = [];
      let expected: Expected = {};
      let patch: string | null = null;
      for (const e of entries.filter((x) => x.isFile())) {
        const full = path.join(e.parentPath, e.name);
        const rel = path.relative(path.join(root, name), full).split(path.sep).join('/');
        const content = await readFile(full, 'utf8');
        if (rel === 'expected.json') expected = JSON.parse(content) as Expected;
        else if (rel === 'mutant.patch') patch = content;
        else files.push({ path: rel, content });
      }
      if (expected.severity !== undefined && expected.severity !== 'critical') {
        throw new InvalidPackageError(path.join(root, name), [`expected.json severity is "${expected.severity}": the only severity is "critical"; leave it out otherwise`]);
      }
      const described = { name, expectedEarned: expected.earned ?? null, critical: expected.severity === 'critical' };
      if (patch === null) return { ...described, files };
      if (files.length > 0) throw new InvalidPackageError(path.join(root, name), ['a mutant is either mutant.patch or complete files, not both']);
      return { ...described, files: applyMutantPatch(path.join(root, name), solution, patch) };
    }),
  );
}
