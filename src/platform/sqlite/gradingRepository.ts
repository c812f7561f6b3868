import { and, asc, eq } from 'drizzle-orm';
import type { GradingRepository } from '../../submissions/gradingRepository.js';
import { gradingColumns, toGrading, type GradingRow } from '../submissionRows.js';
import type { SqliteDb } from './sqliteDb.js';
import { gradings, submissions } from './schema.js';

export function sqliteGradings(db: SqliteDb): GradingRepository {
  return {
    async add(owner, g, now) {
      return db.transaction((tx) => {
        const own = tx.select({ id: submissions.id }).from(submissions).where(and(eq(submissions.ownerId, owner), eq(submissions.id, g.submissionId))).get();
        if (!own) return false;
        tx.insert(gradings).values(gradingColumns(owner, g, now)).run();
        return true;
      });
    },
    async listBySubmission(owner, submissionId) {
      const rows = db.select().from(gradings).where(and(eq(gradings.ownerId, owner), eq(gradings.submissionId, submissionId))).orderBy(asc(gradings.createdAt), asc(gradings.id)).all();
      return rows.map((row) => toGrading(row as GradingRow));
    },
  };
}
