import { pointsOf, type Manifest } from './manifest.js';
import { skillShares } from './skillShares.js';

/**
 * What an interviewer reads before picking a challenge: what it measures, each skill's share of the
 * points, the time it takes, and which tests cap the score. It names hidden tests, so it is for
 * staff only: candidate views never include it.
 */
export function catalogueEntry(manifest: Manifest) {
  return {
    measures: manifest.summary,
    skills: skillShares(manifest).map(({ skill, points, share }) => ({ skill, points, percent: Math.round(share * 100) })),
    points: pointsOf(manifest.tests),
    difficulty: manifest.difficulty ?? null,
    estimatedMinutes: manifest.estimatedMinutes ?? null,
    critical: (manifest.critical ?? []).map(({ name, tests, ceiling, reason }) => ({ name, tests, ceiling, reason })),
  };
}

export type CatalogueEntry = ReturnType<typeof catalogueEntry>;
