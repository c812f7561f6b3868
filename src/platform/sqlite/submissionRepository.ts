import { and, asc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { SubmissionRepository } from '../../submissions/submissionRepository.js';
import { completedColumns, testRows, toSubmission, UNFINISHED, type SubmissionRow } from '../submissionRows.js';
import { unique } from './isUniqueViolation.js';
import { appendCompletion, appendEvents } from './outboxWrites.js';
import type { SqliteDb } from './sqliteDb.js';
import { submissions, testResults } from './schema.js';

const testsOf = (db: SqliteDb, id: string) =>
  db.select().from(testResults).where(eq(testResults.submissionId, id)).orderBy(asc(testResults.ordinal)).all();

const owned = (owner: string, id: string) => and(eq(submissions.ownerId, owner), eq(submissions.id, id));

export function sqliteSubmissions(db: SqliteDb): SubmissionRepository {
  return {
    async insert(owner, s, now) {
      unique('submissions(owner, idempotency_key)', () => db.insert(submissions).values({ ...s, ownerId: owner, status: 'queued', createdAt: now }).run());
    },
    async delete(owner, id) {
      db.delete(submissions).where(owned(owner, id)).run();
    },
    async findByIdempotencyKey(owner, key) {
      return db
        .select({ id: submissions.id, requestHash: submissions.requestHash })
        .from(submissions)
        .where(and(eq(submissions.ownerId, owner), eq(submissions.idempotencyKey, key)))
        .get();
    },
    async get(owner, id) {
      const row = db.select().from(submissions).where(owned(owner, id)).get();
      return row && toSubmission(row as SubmissionRow, testsOf(db, id));
    },
    async markRunning(owner, id, now) {
      const res = db
        .update(submissions)
        .set({ status: 'running', startedAt: now, attempts: sql`${submissions.attempts} + 1` })
        .where(and(owned(owner, id), inArray(submissions.status, UNFINISHED)))
        .run();
      return res.changes === 1;
    },
    async complete(owner, id, result, now, events = []) {
      return db.transaction((tx) => {
        const [done] = tx.update(submissions).set(completedColumns(result, now)).where(and(owned(owner, id), inArray(submissions.status, UNFINISHED))).returning({ invitationId: submissions.invitationId }).all();
        if (!done) return false;
        if (result.score.tests.length > 0) tx.insert(testResults).values(testRows(id, result.score.tests)).run();
        appendEvents(tx, owner, events);
        appendCompletion(tx, owner, done.invitationId, now);
        return true;
      });
    },
    async fail(owner, id, failure, now) {
      return db.transaction((tx) => {
        const [done] = tx
          .update(submissions)
          .set({ status: 'failed', failureCode: failure.code, message: failure.message, completedAt: now })
          .where(and(owned(owner, id), inArray(submissions.status, UNFINISHED)))
          .returning({ invitationId: submissions.invitationId })
          .all();
        if (done) appendCompletion(tx, owner, done.invitationId, now);
        return done !== undefined;
      });
    },
    async staleQueued(olderThan, limit) {
      return db
        .select({ ownerId: submissions.ownerId, id: submissions.id })
        .from(submissions)
        .where(and(eq(submissions.status, 'queued'), lt(submissions.createdAt, olderThan)))
        .orderBy(asc(submissions.createdAt))
        .limit(limit)
        .all();
    },
    async listByInvitation(owner, invitationId) {
      const rows = db.select().from(submissions).where(and(eq(submissions.ownerId, owner), eq(submissions.invitationId, invitationId))).orderBy(asc(submissions.createdAt)).all();
      return rows.map((row) => toSubmission(row as SubmissionRow, testsOf(db, row.id)));
    },
    async completedOnOtherVersions(owner, slug, version, limit) {
      const rows = db
        .select()
        .from(submissions)
        .where(and(eq(submissions.ownerId, owner), eq(submissions.challengeSlug, slug), eq(submissions.status, 'completed'), ne(submissions.challengeVersion, version)))
        .orderBy(asc(submissions.createdAt))
        .limit(limit)
        .all();
      return rows.map((row) => toSubmission(row as SubmissionRow, testsOf(db, row.id)));
    },
  };
}
