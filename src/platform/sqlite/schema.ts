import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { SkillScore } from '../../scoring/scoreRun.js';
import type { SubmittedFile } from '../../submissions/submission.js';

// The same tables as ../postgres/schema.ts, in SQLite's types; the contract suite keeps them in step.

/** A challenge as the catalogue lists it; `currentVersion` is what new submissions run against. */
export const challenges = sqliteTable(
  'challenges',
  {
    ownerId: text('owner_id').notNull(),
    slug: text('slug').notNull(),
    currentVersion: text('current_version').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.slug] })],
);

/** Every version ever loaded, whole, so a stored submission can always be re-read or re-graded. */
export const challengeVersions = sqliteTable(
  'challenge_versions',
  {
    ownerId: text('owner_id').notNull(),
    slug: text('slug').notNull(),
    version: text('version').notNull(),
    /** The whole package as JSON (see challenges/challengePackage.ts); holds hidden tests. */
    package: text('package', { mode: 'json' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.slug, t.version] })],
);

export const submissions = sqliteTable(
  'submissions',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    challengeSlug: text('challenge_slug').notNull(),
    challengeVersion: text('challenge_version').notNull(),
    status: text('status', { enum: ['queued', 'running', 'completed', 'failed'] }).notNull(),
    verdict: text('verdict'),
    message: text('message'),
    failureCode: text('failure_code'),
    earned: integer('earned'),
    maxPoints: integer('max_points'),
    skillScores: text('skill_scores', { mode: 'json' }).$type<SkillScore[]>(),
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
    durationMs: integer('duration_ms'),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.name] })],
);
