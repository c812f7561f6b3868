import type { ChallengeImport } from '../../challenges/challengeImportRepository.js';
import type { ChallengePackage } from '../../challenges/challengePackage.js';
import { catalogueEntry } from '../../challenges/catalogueEntry.js';
import { offeredLanguages } from '../../challenges/manifest.js';
import { resolveLimits, type ServerLimits } from '../../sandbox/limits.js';

/**
 * The candidate-visible parts of a package, picked field by field: hidden tests and the reference
 * solution can never leak through a new field added to the package.
 */
export function challengeSummary(pkg: ChallengePackage) {
  const { slug, title, summary, language, runner, skills } = pkg.manifest;
  return { slug, version: pkg.version, title, summary, language, languages: offeredLanguages(pkg.manifest), runner, skills };
}

export function challengeView(pkg: ChallengePackage, server: ServerLimits) {
  const { timeoutMs, memoryMb } = resolveLimits(pkg.manifest.limits, server);
  return {
    ...challengeSummary(pkg),
    statement: pkg.statement,
    starterFiles: pkg.starter,
    sampleTests: pkg.sampleTests,
    limits: { timeoutMs, memoryMb },
  };
}

/** What staff see (the `/v1/challenges` routes): the candidate's view plus the interviewers' catalogue entry. */
export const staffChallengeSummary = (pkg: ChallengePackage) => ({ ...challengeSummary(pkg), catalogue: catalogueEntry(pkg.manifest) });
export const staffChallengeView = (pkg: ChallengePackage, server: ServerLimits) => ({ ...challengeView(pkg, server), catalogue: catalogueEntry(pkg.manifest) });

export const challengeImportView = (i: ChallengeImport) => ({ ...i, createdAt: i.createdAt.toISOString(), finishedAt: i.finishedAt?.toISOString() ?? null });
