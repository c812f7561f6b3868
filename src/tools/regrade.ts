import { randomUUID } from 'node:crypto';
import type { ChallengePackage } from '../challenges/challengePackage.js';
import { grade, type Grader } from '../grading/grade.js';
import { resolveLimits, type ServerLimits } from '../sandbox/limits.js';
import { testChanges, type TestChange } from '../scoring/testChanges.js';
import type { GradingRepository } from '../submissions/gradingRepository.js';
import type { SubmissionRepository } from '../submissions/submissionRepository.js';
import type { OwnerId } from '../tenancy/actor.js';

export interface RegradeRow {
  submissionId: string;
  fromVersion: string;
  before: { verdict: string | null; earned: number | null; max: number | null };
  after: { verdict: string; earned: number; max: number };
  changed: boolean;
  /** Why: each test added, removed or giving a different result, with its old and new status, points and message. */
  tests: TestChange[];
  /** The stored grading, when asked to store one. */
  gradingId: string | null;
}

export interface RegradeDeps {
  grader: Grader;
  serverLimits: ServerLimits;
  submissions: Pick<SubmissionRepository, 'completedOnOtherVersions'>;
  gradings: Pick<GradingRepository, 'add'>;
}

/**
 * Runs the owner's completed submissions of a challenge that were scored against another version
 * against `pkg`, and reports old and new scores side by side with the tests that explain the
 * difference. With `store`, each new result is kept as a separate grading of its submission; the
 * submission's own score is never rewritten.
 */
export async function regrade(deps: RegradeDeps, owner: OwnerId, pkg: ChallengePackage, opts: { limit: number; store?: boolean }): Promise<RegradeRow[]> {
  const done = await deps.submissions.completedOnOtherVersions(owner, pkg.manifest.slug, pkg.version, opts.limit);
  const limits = resolveLimits(pkg.manifest.limits, deps.serverLimits);
  const report: RegradeRow[] = [];
  for (const s of done) {
    const result = await grade(deps.grader, { runId: `regrade-${s.id}`, pkg, files: s.files, limits });
    const { score } = result;
    const before = { verdict: s.verdict, earned: s.score?.earned ?? null, max: s.score?.max ?? null };
    const after = { verdict: score.verdict, earned: score.earned, max: score.max };
    const id = randomUUID();
    // A submission deleted since it was listed gets no grading (add answers false).
    const stored = opts.store === true && (await deps.gradings.add(owner, { id, submissionId: s.id, challengeVersion: pkg.version, reason: 'regrade', result: { score, log: result.log } }, new Date()));
    const tests = testChanges(s.tests, score.tests);
    report.push({
      submissionId: s.id,
      fromVersion: s.challenge.version,
      before,
      after,
      changed: before.verdict !== after.verdict || before.earned !== after.earned || before.max !== after.max || tests.length > 0,
      tests,
      gradingId: stored ? id : null,
    });
  }
  return report;
}
