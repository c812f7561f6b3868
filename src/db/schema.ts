import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A challenge as the catalogue lists it; `currentVersion` is what new submissions run against. */
export const challenges = sqliteTable('challenges', {
  slug: text('slug').primaryKey(),
  currentVersion: text('current_version').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Every version ever loaded, with all of its files, so a stored submission can always be re-read
 * (or re-graded) against exactly what it ran against.
 */
export const challengeVersions = sqliteTable(
  'challenge_versions',
  {
    slug: text('slug').notNull(),
    version: text('version').notNull(),
    /** The whole package as JSON (see challenges/challengePackage.ts); holds hidden tests. */
    package: text('package', { mode: 'json' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.slug, t.version] })],
);

export const submissions = sqliteTable(
  'submissions',
  {
    id: text('id').primaryKey(),
    challengeSlug: text('challenge_slug').notNull(),
    challengeVersion: text('challenge_version').notNull(),
    status: text('status', { enum: ['queued', 'running', 'completed', 'failed'] }).notNull(),
    verdict: text('verdict'),
    message: text('message'),
    earned: integer('earned'),
    maxPoints: integer('max_points'),
    /** Points earned and available per skill (scoring/scoreRun.ts SkillScore[]). */
    skillScores: text('skill_scores', { mode: 'json' }).$type<{ skill: string; earned: number; max: number }[]>(),
    files: text('files', { mode: 'json' }).notNull().$type<{ path: string; content: string }[]>(),
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
    uniqueIndex('submissions_idempotency_key').on(t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    index('submissions_status_created').on(t.status, t.createdAt),
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
