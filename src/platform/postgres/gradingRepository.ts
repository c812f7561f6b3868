import { and, asc, eq } from 'drizzle-orm';
import type { GradingRepository } from '../../submissions/gradingRepository.js';
import { gradingColumns, toGrading, type GradingRow } from '../submissionRows.js';
import type { PostgresDb } from './postgresDb.js';
import { gradings, submissions } from './schema.js';

export function postgresGradings(db: PostgresDb): GradingRepository {
  return {
    async add(owner, g, now) {
      return db.transaction(async (tx) => {
        // The submission's row is locked, so it cannot be deleted between the check and the insert.
        const own = await tx.select({ id: submissions.id }).from(submissions).where(and(eq(submissions.ownerId, owner), eq(submissions.id, g.submissionId))).for('update');
        if (own.length === 0) return false;
        await tx.insert(gradings).values(gradingColumns(owner, g, now));
        return true;
      });
    },
    async listBySubmission(owner, submissionId) {
      const rows = await db.select().from(gradings).where(and(eq(gradings.ownerId, owner), eq(gradings.submissionId, submissionId))).orderBy(asc(gradings.createdAt), asc(gradings.id));
      return rows.map((row) => toGrading(row as GradingRow));
    },
  };
}
