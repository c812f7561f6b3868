import { testSkills, type Manifest, type Skill } from '../challenges/manifest.js';
import type { TestStatus } from './verdict.js';

/** A critical group (challenge.json `critical`) some of whose tests did not pass. */
export interface TriggeredCap {
  name: string;
  ceiling: number;
  reason: string;
  /** The group's tests that did not pass. */
  tests: string[];
}

/** Why a score counts for less than its points: the lowest ceiling of the groups that triggered. */
export interface ScoreCap {
  ceiling: number;
  triggered: TriggeredCap[];
}

/**
 * The cap a run's results put on its score, or null. A critical test the run did not list (a
 * practice run's sample tests) cannot trigger one; one that was listed and did not pass, for any
 * reason (failed, skipped, never ran), does.
 */
export function scoreCap(manifest: Pick<Manifest, 'critical'>, tests: { name: string; status: TestStatus }[]): ScoreCap | null {
  const status = new Map(tests.map((t) => [t.name, t.status]));
  const triggered = (manifest.critical ?? []).flatMap((g): TriggeredCap[] => {
    const missed = g.tests.filter((name) => status.has(name) && status.get(name) !== 'passed');
    return missed.length === 0 ? [] : [{ name: g.name, ceiling: g.ceiling, reason: g.reason, tests: missed }];
  });
  return triggered.length === 0 ? null : { ceiling: Math.min(...triggered.map((t) => t.ceiling)), triggered };
}

/** The ceiling on one skill: the lowest of the triggered groups whose missed tests measure it, or null. */
export function skillCeiling(manifest: Pick<Manifest, 'skills' | 'tests'>, cap: ScoreCap | null, skill: Skill): number | null {
  const measures = (name: string) => {
    const spec = manifest.tests.find((t) => t.name === name);
    return spec !== undefined && testSkills(manifest, spec).includes(skill);
  };
  const ceilings = (cap?.triggered ?? []).filter((t) => t.tests.some(measures)).map((t) => t.ceiling);
  return ceilings.length === 0 ? null : Math.min(...ceilings);
}
