import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { submissions, testResults } from '../db/schema.js';
import type { Score } from '../scoring/scoreRun.js';
import type { Verdict } from '../scoring/verdict.js';
import type { Submission, SubmittedFile } from './submission.js';

type Row = typeof submissions.$inferSelect;

export interface NewSubmission {
  id: string;
  challengeSlug: string;
  challengeVersion: string;
  files: SubmittedFile[];
  idempotencyKey: string | null;
  requestHash: string;
}

export function insertSubmission(db: Db, s: NewSubmission, now = new Date()): void {
  db.insert(submissions).values({ ...s, status: 'queued', createdAt: now }).run();
}

export function deleteSubmission(db: Db, id: string): void {
  db.delete(submissions).where(eq(submissions.id, id)).run();
}

export function findByIdempotencyKey(db: Db, key: string): { id: string; requestHash: string } | undefined {
  return db
    .select({ id: submissions.id, requestHash: submissions.requestHash })
    .from(submissions)
    .where(eq(submissions.idempotencyKey, key))
    .get();
}

export function getSubmission(db: Db, id: string): Submission | undefined {
  const row = db.select().from(submissions).where(eq(submissions.id, id)).get();
  if (!row) return undefined;
  const tests = db
    .select()
    .from(testResults)
    .where(eq(testResults.submissionId, id))
    .orderBy(asc(testResults.ordinal))
    .all()
    .map(({ name, status, points, maxPoints, message, durationMs }) => ({
      name, status: status as Submission['tests'][number]['status'], points, maxPoints, message, durationMs,
    }));
  return toSubmission(row, tests);
}

const percent = (earned: number, max: number) => (max === 0 ? 0 : Math.round((earned / max) * 10000) / 100);

function toSubmission(row: Row, tests: Submission['tests']): Submission {
  const scored = row.earned !== null && row.maxPoints !== null;
  return {
    id: row.id,
    challenge: { slug: row.challengeSlug, version: row.challengeVersion },
    status: row.status,
    verdict: row.verdict as Verdict | null,
    message: row.message,
    score: scored
      ? { earned: row.earned!, max: row.maxPoints!, percent: percent(row.earned!, row.maxPoints!) }
      : null,
    tests,
    skills: (row.skillScores ?? []).map((s) => ({ ...s, percent: percent(s.earned, s.max) })),
    files: row.files,
    log: row.log,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
  };
}

/** Claims a submission for a run: the attempt's number, or null when it is already finished (a redelivered job). */
export function markRunning(db: Db, id: string, now = new Date()): number | null {
  const row = db
    .update(submissions)
    .set({ status: 'running', startedAt: now, attempts: sql`${submissions.attempts} + 1` })
    .where(and(eq(submissions.id, id), inArray(submissions.status, ['queued', 'running'])))
    .returning({ attempts: submissions.attempts })
    .get();
  return row?.attempts ?? null;
}

/**
 * Stores the score and per-test results in one transaction, only if nobody stored them first:
 * a job retaken after a stalled worker can run twice, but a submission is scored once.
 */
export function completeSubmission(db: Db, id: string, score: Score, log: string, now = new Date()): boolean {
  return db.transaction((tx) => {
    const res = tx
      .update(submissions)
      .set({
        status: 'completed',
        verdict: score.verdict,
        message: score.message,
        earned: score.earned,
        maxPoints: score.max,
        skillScores: score.skills,
        log,
        completedAt: now,
      })
      .where(and(eq(submissions.id, id), eq(submissions.status, 'running')))
      .run();
    if (res.changes !== 1) return false;
    if (score.tests.length > 0) {
      tx.insert(testResults)
        .values(score.tests.map((t, ordinal) => ({ submissionId: id, ordinal, ...t })))
        .run();
    }
    return true;
  });
}

/** Ends a submission that could not be run for reasons of ours (after retries). */
export function failSubmission(db: Db, id: string, reason: string, now = new Date()): boolean {
  const res = db
    .update(submissions)
    .set({ status: 'failed', message: reason, completedAt: now })
    .where(and(eq(submissions.id, id), inArray(submissions.status, ['queued', 'running'])))
    .run();
  return res.changes === 1;
}

/** Submissions still queued since before `olderThan`: candidates for the sweeper to enqueue again. */
export function staleQueuedIds(db: Db, olderThan: Date, limit = 100): string[] {
  return db
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.status, 'queued'), lt(submissions.createdAt, olderThan)))
    .orderBy(asc(submissions.createdAt))
    .limit(limit)
    .all()
    .map((r) => r.id);
}
