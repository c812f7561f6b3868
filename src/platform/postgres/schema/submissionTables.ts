import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ScoreCap } from '../../../scoring/scoreCap.js';
import type { ScoredTest, SkillScore } from '../../../scoring/scoreRun.js';
import type { SubmittedFile } from '../../../submissions/submission.js';
import { at } from './columns.js';

// Submissions, their per-test results and later gradings.

export const submissions = pgTable(
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
    skillScores: jsonb('skill_scores').$type<SkillScore[]>(),
    /** Which critical tests capped the score, at what ceiling and why; null when none did. */
    scoreCap: jsonb('score_cap').$type<ScoreCap>(),
    files: jsonb('files').notNull().$type<SubmittedFile[]>(),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash').notNull(),
    log: text('log'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: at('created_at').notNull(),
    startedAt: at('started_at'),
    completedAt: at('completed_at'),
  },
  (t) => [
    uniqueIndex('submissions_owner_idempotency_key').on(t.ownerId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    index('submissions_status_created').on(t.status, t.createdAt),
    index('submissions_owner_challenge').on(t.ownerId, t.challengeSlug, t.createdAt),
    index('submissions_owner_invitation').on(t.ownerId, t.invitationId, t.createdAt),
  ],
);

export const testResults = pgTable(
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
export const gradings = pgTable(
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
    tests: jsonb('tests').notNull().$type<ScoredTest[]>(),
    skillScores: jsonb('skill_scores').notNull().$type<SkillScore[]>(),
    /** Which critical tests capped the score, at what ceiling and why; null when none did. */
    scoreCap: jsonb('score_cap').$type<ScoreCap>(),
    log: text('log').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('gradings_owner_submission').on(t.ownerId, t.submissionId, t.createdAt)],
);
