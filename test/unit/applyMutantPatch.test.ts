import { describe, expect, it } from 'vitest';
import { applyMutantPatch } from '../../src/tools/applyMutantPatch.js';
import { InvalidPackageError } from '../../src/challenges/InvalidPackageError.js';

const solution = [
  { path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' },
  { path: 'util/extra.py', content: 'X = 1\n' },
];

describe('applyMutantPatch', () => {
  it('changes, adds and deletes files as the diff says, leaving the rest', () => {
    const patch = [
      '--- a/calc.py',
      '+++ b/calc.py',
      '@@ -1,2 +1,2 @@',
      ' def add(a, b):',
      '-    return a + b',
      '+    return a - b',
      '--- a/util/extra.py',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-X = 1',
      '--- /dev/null',
      '+++ b/notes.sql',
      '@@ -0,0 +1 @@',
      '+-- a comment that starts like a diff header',
      '',
    ].join('\n');
    expect(applyMutantPatch('m', solution, patch)).toEqual([
      { path: 'calc.py', content: 'def add(a, b):\n    return a - b\n' },
      { path: 'notes.sql', content: '-- a comment that starts like a diff header\n' },
    ]);
  });

  it('says so when the patch no longer applies to the solution, or names a file it lacks', () => {
    const stale = '--- a/calc.py\n+++ b/calc.py\n@@ -1,2 +1,2 @@\n def add(x, y):\n-    return x + y\n+    return x - y\n';
    expect(() => applyMutantPatch('m', solution, stale)).toThrow(InvalidPackageError);
    expect(() => applyMutantPatch('m', solution, stale)).toThrow(/no longer applies to solution\/calc\.py/);
    const missing = '--- a/gone.py\n+++ b/gone.py\n@@ -1 +1 @@\n-a\n+b\n';
    expect(() => applyMutantPatch('m', solution, missing)).toThrow(/changes gone\.py, which solution\/ does not have/);
  });
});
