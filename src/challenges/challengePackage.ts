import type { FileEncoding } from './fileBytes.js';
import type { Manifest } from './manifest.js';

export interface PackageFile {
  path: string;
  content: string;
  /** `utf8` when absent; `base64` for a binary file. */
  encoding?: FileEncoding;
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
