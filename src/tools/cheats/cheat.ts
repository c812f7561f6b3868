import type { PackageFile } from '../../challenges/challengePackage.js';

/**
 * A generic cheat: a submission that implements nothing but tries to score anyway. Built from what a
 * candidate sees of a challenge (its manifest, starter and sample tests), so it has the starter's file
 * names and declared names and loads where the starter loads.
 */
export interface Cheat {
  /** Short and stable, named in validate's output: `always-equal-list`, `fake-pass-markers`. */
  name: string;
  files: PackageFile[];
  /** It is meant to run until the sandbox's deadline (a time limit is its expected end, not a busy machine's). */
  endsAtDeadline?: boolean;
}

/** What a candidate can read of a challenge, the only input a cheat may use. */
export interface CheatSource {
  testNames: string[];
  starter: PackageFile[];
  sampleTests: PackageFile[];
}

/** The starter with each file of `ext` passed through `rewrite`, the others kept as they are. */
export const rewriteFiles = (starter: PackageFile[], ext: RegExp, rewrite: (f: PackageFile) => string): PackageFile[] =>
  starter.map((f) => (ext.test(f.path) ? { path: f.path, content: rewrite(f) } : f));
