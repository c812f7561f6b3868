import type { OwnerId } from '../tenancy/actor.js';
import type { PackageFile } from './challengePackage.js';

export const IMPORT_STATUSES = ['validating', 'accepted', 'rejected'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** An organisation's upload of a private challenge package, validated by a worker before it joins the catalogue. */
export interface ChallengeImport {
  id: string;
  slug: string;
  version: string;
  status: ImportStatus;
  /** What validation found wrong, each a sentence; empty unless rejected. */
  problems: string[];
  /** What validation checked. */
  checks: string[];
  createdAt: Date;
  finishedAt: Date | null;
}

export interface ChallengeImportRepository {
  /** With the package's files as uploaded (mutants included), which validation and the catalogue read back. */
  insert(owner: OwnerId, row: ChallengeImport, files: PackageFile[]): Promise<void>;
  get(owner: OwnerId, id: string): Promise<ChallengeImport | undefined>;
  files(owner: OwnerId, id: string): Promise<PackageFile[] | undefined>;
  /** Records the outcome of an import still validating; false when it had one already. */
  finish(owner: OwnerId, id: string, outcome: Pick<ChallengeImport, 'status' | 'problems' | 'checks'>, at: Date): Promise<boolean>;
}
