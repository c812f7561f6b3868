import { pointsOf, type Manifest, type Skill } from './manifest.js';

/** A skill's part of a challenge: the points of the tests that name it, over all the challenge's points. */
export interface SkillShare {
  skill: Skill;
  points: number;
  share: number;
  tests: string[];
}

/**
 * Each declared skill's share of the points from tests that name it. A test naming no skills
 * measures the challenge's skill when it declares one; with several, it claims them all and
 * shows none, so it counts for none. A test's points count towards each skill it names.
 */
export function skillShares(manifest: Pick<Manifest, 'skills' | 'tests'>): SkillShare[] {
  const total = pointsOf(manifest.tests);
  const named = (t: Manifest['tests'][number]) => t.skills ?? (manifest.skills.length === 1 ? manifest.skills : []);
  return manifest.skills.map((skill) => {
    const measuring = manifest.tests.filter((t) => named(t).includes(skill));
    const points = pointsOf(measuring);
    return { skill, points, share: total === 0 ? 0 : points / total, tests: measuring.map((t) => t.name) };
  });
}
