import type { ChallengePackage } from '../challenges/challengePackage.js';
import { grade, type Grader } from '../grading/grade.js';
import { resolveLimits, type ServerLimits } from '../sandbox/limits.js';
import type { SubmissionRepository } from '../submissions/submissionRepository.js';
import type { OwnerId } from '../tenancy/actor.js';

export interface RegradeRow {
  submissionId: string;
  fromVersion: string;
  before: { verdict: string | null; earned: number | null; max: number | null };
  after: { verdict: string; earned: number; max: number };
  changed: boolean;
}

export interface RegradeDeps {
  grader: Grader;
  serverLimits: ServerLimits;
  submissions: Pick<SubmissionRepository, 'completedOnOtherVersions'>;
}

/**
 * Runs the owner's completed submissions of a challenge that were scored against another version
 * against `pkg`, and reports old and new scores side by side. It writes nothing: history stays as scored.
 */
export async function regrade(deps: RegradeDeps, owner: OwnerId, pkg: ChallengePackage, opts: { limit: number }): Promise<RegradeRow[]> {
  const done = await deps.submissions.completedOnOtherVersions(owner, pkg.manifest.slug, pkg.version, opts.limit);
  const limits = resolveLimits(pkg.manifest.limits, deps.serverLimits);
  const report: RegradeRow[] = [];
  for (const s of done) {
    const { score } = await grade(deps.grader, { runId: `regrade-${s.id}`, pkg, files: s.files, limits });
    const before = { verdict: s.verdict, earned: s.score?.earned ?? null, max: s.score?.max ?? null };
    const after = { verdict: score.verdict, earned: score.earned, max: score.max };
    report.push({
      submissionId: s.id,
      fromVersion: s.challenge.version,
      before,
      after,
      changed: before.verdict !== after.verdict || before.earned !== after.earned || before.max !== after.max,
    });
  }
  return report;
}
