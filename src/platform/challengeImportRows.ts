import type { ChallengeImport, ImportStatus } from '../challenges/challengeImportRepository.js';

// Rows of challenge imports as both adapters read them.

export const toChallengeImport = (r: Omit<ChallengeImport, 'status'> & { status: string }): ChallengeImport => ({
  id: r.id,
  slug: r.slug,
  version: r.version,
  status: r.status as ImportStatus,
  problems: r.problems,
  checks: r.checks,
  createdAt: r.createdAt,
  finishedAt: r.finishedAt,
});
