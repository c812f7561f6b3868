import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ScoreCap } from '../../../scoring/scoreCap.js';
import type { ScoredTest, SkillScore } from '../../../scoring/scoreRun.js';
import type { SubmittedFile } from '../../../submissions/submission.js';

// Submissions, their per-test results and later gradings.

export const submissions = sqliteTable(
  'submissions',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    /** The invitation it was made under; null for a platform's direct submission. */
    invitationId: text('invitation_id'),
    challengeSlug: text('challenge_slug').notNull(),
    challengeVersion: text('challenge_version').notNull(),
    status: text('status', { enum: ['queued', 'running', 'completed', 'failed'] }).notNull(),
    verdict: text('verdict'),
    message: text('message'),
    failureCode: text('failure_code'),
    earned: integer('earned'),
    maxPoints: integer('max_points'),
    skillScores: text('skill_scores', { mode: 'json' }).$type<SkillScore[]>(),
    /** Which critical tests capped the score, at what ceiling and why; null when none did. */
    scoreCap: text('score_cap', { mode: 'json' }).$type<ScoreCap>(),
    files: text('files', { mode: 'json' }).notNull().$type<SubmittedFile[]>(),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash').notNull(),
    /** Candidate output captured from the sandbox, capped. */
    log: text('log'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('submissions_owner_idempotency_key').on(t.ownerId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    index('submissions_status_created').on(t.status, t.createdAt),
    index('submissions_owner_challenge').on(t.ownerId, t.challengeSlug, t.createdAt),
    index('submissions_owner_invitation').on(t.ownerId, t.invitationId, t.createdAt),
  ],
);

export const testResults = sqliteTable(
  'test_results',
  {
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull(),
    points: integer('points').notNull(),
    maxPoints: integer('max_points').notNull(),
    message: text('message'),
    output: text('output'),
    durationMs: integer('duration_ms'),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.name] })],
);

/** Further gradings of a submission (regrades), beside its own score, which they never replace. */
export const gradings = sqliteTable(
  'gradings',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    challengeVersion: text('challenge_version').notNull(),
    reason: text('reason', { enum: ['regrade'] }).notNull(),
    verdict: text('verdict').notNull(),
    message: text('message'),
    earned: integer('earned').notNull(),
    maxPoints: integer('max_points').notNull(),
    tests: text('tests', { mode: 'json' }).notNull().$type<ScoredTest[]>(),
    skillScores: text('skill_scores', { mode: 'json' }).notNull().$type<SkillScore[]>(),
    /** Which critical tests capped the score, at what ceiling and why; null when none did. */
    scoreCap: text('score_cap', { mode: 'json' }).$type<ScoreCap>(),
    log: text('log').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('gradings_owner_submission').on(t.ownerId, t.submissionId, t.createdAt)],
);
