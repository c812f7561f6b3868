import type { Manifest } from './manifest.js';

export interface PackageFile {
  path: string;
  content: string;
}

/** A challenge package as loaded from disk and stored per version (docs/challenges.md). */
export interface ChallengePackage {
  manifest: Manifest;
  /** challenge.json as written, so an exported package hashes to the same version. */
  manifestSource: string;
  version: string;
  statement: string;
  starter: PackageFile[];
  sampleTests: PackageFile[];
  hiddenTests: PackageFile[];
  solution: PackageFile[];
}
