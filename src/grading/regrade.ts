import { and, eq, ne } from 'drizzle-orm';
import type { ChallengePackage } from '../challenges/challengePackage.js';
import type { Db } from '../db/database.js';
import { submissions } from '../db/schema.js';
import { grade, type Grader } from './grade.js';

export interface RegradeRow {
  submissionId: string;
  fromVersion: string;
  before: { verdict: string | null; earned: number | null; max: number | null };
  after: { verdict: string; earned: number; max: number };
  changed: boolean;
}

/**
 * Runs the completed submissions of a challenge that were scored against another version against
 * `pkg`, and reports old and new scores side by side. It writes nothing: history stays as scored.
 */
export async function regrade(grader: Grader, db: Db, pkg: ChallengePackage, opts: { limit: number }): Promise<RegradeRow[]> {
  const rows = db
    .select()
    .from(submissions)
    .where(and(eq(submissions.challengeSlug, pkg.manifest.slug), eq(submissions.status, 'completed'), ne(submissions.challengeVersion, pkg.version)))
    .orderBy(submissions.createdAt)
    .limit(opts.limit)
    .all();
  const report: RegradeRow[] = [];
  for (const row of rows) {
    const { score } = await grade(grader, { runId: `regrade-${row.id}`, pkg, files: row.files });
    const before = { verdict: row.verdict, earned: row.earned, max: row.maxPoints };
    const after = { verdict: score.verdict, earned: score.earned, max: score.max };
    report.push({
      submissionId: row.id,
      fromVersion: row.challengeVersion,
      before,
      after,
      changed: before.verdict !== after.verdict || before.earned !== after.earned || before.max !== after.max,
    });
  }
  return report;
}
