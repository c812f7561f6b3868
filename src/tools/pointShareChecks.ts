import type { Manifest } from '../challenges/manifest.js';
import { skillShares } from '../challenges/skillShares.js';
import type { Score } from '../scoring/scoreRun.js';
import { percent } from '../scoring/percent.js';

/** A starter that earns more than half the points hands a candidate a pass for reading the statement. */
export const DEFAULT_MAX_STARTER_SHARE = 0.5;

/**
 * A skill the report shows must carry at least a fifth of the points: below that one or two small
 * tests decide its percent, and the per-skill chart would show noise as a measured strength. With
 * the two or three skills a challenge declares, a fifth each leaves room for the main one.
 */
export const DEFAULT_MIN_SKILL_SHARE = 0.2;

const pct = (share: number) => `${Math.round(share * 100)}%`;

const scored = (s: Pick<Score, 'earned' | 'max' | 'cap'>) => `${s.earned}/${s.max} (${percent(s.earned, s.max, s.cap?.ceiling ?? null)}%)`;

/** The skill-share check: each declared skill gets its share from tests that name it. */
export function skillShareProblems(manifest: Manifest): { problems: string[]; checks: string[] } {
  const min = manifest.validation?.minSkillShare ?? DEFAULT_MIN_SKILL_SHARE;
  const shares = skillShares(manifest);
  const problems = shares
    .filter((s) => s.share < min)
    .map((s) => `skill ${s.skill} gets ${pct(s.share)} of the points from tests that name it (${s.tests.length === 0 ? 'none do' : s.tests.join(', ')}), less than ${pct(min)}: add "${s.skill}" to the "skills" of the tests that measure it in challenge.json, or drop it from the challenge's skills.`);
  const checks = problems.length > 0 ? [] : [`each skill gets at least ${pct(min)} of the points from tests naming it (${shares.map((s) => `${s.skill} ${pct(s.share)}`).join(', ')})`];
  return { problems, checks };
}

/**
 * The starter may score at most its share, after caps: a security challenge's starter is a working
 * but vulnerable service, which its critical tests hold down. 100% keeps its own message.
 */
export function starterShareProblem(manifest: Manifest, starter: Score): string | null {
  if (starter.earned >= starter.max) return 'the starter files already score 100%: the challenge asks nothing of the candidate.';
  const max = manifest.validation?.maxStarterShare ?? DEFAULT_MAX_STARTER_SHARE;
  if (percent(starter.earned, starter.max, starter.cap?.ceiling ?? null) <= max * 100) return null;
  const passing = starter.tests.filter((t) => t.status === 'passed').map((t) => t.name);
  return `the starter scores ${scored(starter)}, more than the ${pct(max)} a starter may (validation.maxStarterShare): make the starter fail some of ${passing.join(', ')}, or give the other tests more points.`;
}

/**
 * A mutant whose expected.json says `"severity": "critical"` (an authentication bypass, a leak
 * across users, an injection) must score no more than the most lenient critical ceiling: a hole
 * that keeps most of the points is worse than a cosmetic slip.
 */
export function criticalMutantProblem(manifest: Manifest, name: string, score: Score): string | null {
  const groups = manifest.critical ?? [];
  const ceiling = Math.max(0, ...groups.map((g) => g.ceiling));
  if (percent(score.earned, score.max, score.cap?.ceiling ?? null) <= ceiling && score.cap !== null) return null;
  const failing = score.tests.filter((t) => t.status !== 'passed').map((t) => t.name);
  if (groups.length === 0) {
    return `mutant ${name} is critical but scores ${scored(score)} and challenge.json has no critical tests: add a "critical" group naming the tests that catch it (${failing.join(', ') || 'none fail: add one'}), with a ceiling and a reason.`;
  }
  return `mutant ${name} is critical but scores ${scored(score)}, above the ${ceiling}% ceiling, because no critical test fails against it: add the tests that catch it (${failing.join(', ') || 'none fail: add one'}) to a "critical" group in challenge.json.`;
}
