import { applyPatch, parsePatch } from 'diff';
import type { PackageFile } from '../challenges/challengePackage.js';
import { InvalidPackageError } from '../challenges/InvalidPackageError.js';

const stripSide = (name: string | undefined) => (name === undefined || name === '/dev/null' ? null : name.replace(/^[ab]\//, ''));

/**
 * A mutant written as a unified diff against the reference solution (`diff -ruN solution mutant`),
 * applied: a mutant is one plausible mistake, and a diff shows exactly which, where a full copy of
 * the solution would hide it among hundreds of identical lines.
 */
export function applyMutantPatch(dir: string, solution: PackageFile[], patch: string): PackageFile[] {
  const files = new Map(solution.map((f) => [f.path, f.content]));
  for (const filePatch of parsePatch(patch)) {
    const from = stripSide(filePatch.oldFileName);
    const to = stripSide(filePatch.newFileName);
    const source = from === null ? '' : files.get(from);
    if (source === undefined) throw new InvalidPackageError(dir, [`mutant.patch changes ${from}, which solution/ does not have`]);
    if (to === null) {
      files.delete(from!);
      continue;
    }
    const patched = applyPatch(source, filePatch);
    if (patched === false) throw new InvalidPackageError(dir, [`mutant.patch no longer applies to solution/${from}: regenerate it`]);
    if (from !== null && from !== to) files.delete(from);
    files.set(to, patched);
  }
  return [...files].map(([path, content]) => ({ path, content }));
}
