import { and, asc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { SubmissionRepository } from '../../submissions/submissionRepository.js';
import { completedColumns, testRows, toSubmission, UNFINISHED, type SubmissionRow } from '../submissionRows.js';
import { unique } from './isUniqueViolation.js';
import { appendCompletion, appendEvents } from './outboxWrites.js';
import type { PostgresDb } from './postgresDb.js';
import { submissions, testResults } from './schema.js';

const testsOf = (db: PostgresDb, id: string) =>
  db.select().from(testResults).where(eq(testResults.submissionId, id)).orderBy(asc(testResults.ordinal));

const owned = (owner: string, id: string) => and(eq(submissions.ownerId, owner), eq(submissions.id, id));

export function postgresSubmissions(db: PostgresDb): SubmissionRepository {
  return {
    async insert(owner, s, now) {
      await unique('submissions(owner, idempotency_key)', () => db.insert(submissions).values({ ...s, ownerId: owner, status: 'queued', createdAt: now }));
    },
    async delete(owner, id) {
      await db.delete(submissions).where(owned(owner, id));
    },
    async findByIdempotencyKey(owner, key) {
      const [row] = await db
        .select({ id: submissions.id, requestHash: submissions.requestHash })
        .from(submissions)
        .where(and(eq(submissions.ownerId, owner), eq(submissions.idempotencyKey, key)));
      return row;
    },
    async get(owner, id) {
      const [row] = await db.select().from(submissions).where(owned(owner, id));
      return row && toSubmission(row as SubmissionRow, await testsOf(db, id));
    },
    async markRunning(owner, id, now) {
      const rows = await db
        .update(submissions)
        .set({ status: 'running', startedAt: now, attempts: sql`${submissions.attempts} + 1` })
        .where(and(owned(owner, id), inArray(submissions.status, UNFINISHED)))
        .returning({ id: submissions.id });
      return rows.length === 1;
    },
    async complete(owner, id, result, now, events = []) {
      return db.transaction(async (tx) => {
        const [done] = await tx
          .update(submissions)
          .set(completedColumns(result, now))
          .where(and(owned(owner, id), inArray(submissions.status, UNFINISHED)))
          .returning({ invitationId: submissions.invitationId });
        if (!done) return false;
        if (result.score.tests.length > 0) await tx.insert(testResults).values(testRows(id, result.score.tests));
        await appendEvents(tx, owner, events);
        await appendCompletion(tx, owner, done.invitationId, now);
        return true;
      });
    },
    async fail(owner, id, failure, now) {
      return db.transaction(async (tx) => {
        const [done] = await tx
          .update(submissions)
          .set({ status: 'failed', failureCode: failure.code, message: failure.message, completedAt: now })
          .where(and(owned(owner, id), inArray(submissions.status, UNFINISHED)))
          .returning({ invitationId: submissions.invitationId });
        if (done) await appendCompletion(tx, owner, done.invitationId, now);
        return done !== undefined;
      });
    },
    async staleQueued(olderThan, limit) {
      return db
        .select({ ownerId: submissions.ownerId, id: submissions.id })
        .from(submissions)
        .where(and(eq(submissions.status, 'queued'), lt(submissions.createdAt, olderThan)))
        .orderBy(asc(submissions.createdAt))
        .limit(limit);
    },
    async listByInvitation(owner, invitationId) {
      const rows = await db.select().from(submissions).where(and(eq(submissions.ownerId, owner), eq(submissions.invitationId, invitationId))).orderBy(asc(submissions.createdAt));
      return Promise.all(rows.map(async (row) => toSubmission(row as SubmissionRow, await testsOf(db, row.id))));
    },
    async completedOnOtherVersions(owner, slug, version, limit) {
      const rows = await db
        .select()
        .from(submissions)
        .where(and(eq(submissions.ownerId, owner), eq(submissions.challengeSlug, slug), eq(submissions.status, 'completed'), ne(submissions.challengeVersion, version)))
        .orderBy(asc(submissions.createdAt))
        .limit(limit);
      return Promise.all(rows.map(async (row) => toSubmission(row as SubmissionRow, await testsOf(db, row.id))));
    },
  };
}
