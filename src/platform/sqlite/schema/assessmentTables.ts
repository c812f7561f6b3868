import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Language } from '../../../challenges/manifest.js';
import type { SubmittedFile } from '../../../submissions/submission.js';

// Assessments, invitations and candidates' drafts.

export const assessments = sqliteTable('assessments', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').notNull(),
  name: text('name').notNull(),
  instructions: text('instructions').notNull(),
  timeLimitMinutes: integer('time_limit_minutes').notNull(),
  maxSubmissions: integer('max_submissions').notNull(),
  resultVisibility: text('result_visibility').notNull(),
  /** Each challenge pinned to a version, with its weight. */
  challenges: text('challenges', { mode: 'json' }).notNull().$type<{ slug: string; version: string; weight: number; languages?: Language[] | null }[]>(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    assessmentId: text('assessment_id').notNull().references(() => assessments.id),
    candidateName: text('candidate_name').notNull(),
    candidateEmail: text('candidate_email').notNull(),
    externalId: text('external_id'),
    /** SHA-256 of the link's token; the token itself is shown once. */
    tokenHash: text('token_hash').notNull().unique(),
    validFrom: integer('valid_from', { mode: 'timestamp_ms' }).notNull(),
    validUntil: integer('valid_until', { mode: 'timestamp_ms' }).notNull(),
    state: text('state', { enum: ['invited', 'started', 'completed', 'expired', 'cancelled'] }).notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    deadline: integer('deadline', { mode: 'timestamp_ms' }),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('invitations_owner_assessment').on(t.ownerId, t.assessmentId)],
);

/** The candidate's work in progress per challenge, saved as they type, restored on another device. */
export const drafts = sqliteTable(
  'drafts',
  {
    ownerId: text('owner_id').notNull(),
    invitationId: text('invitation_id').notNull().references(() => invitations.id, { onDelete: 'cascade' }),
    challengeSlug: text('challenge_slug').notNull(),
    files: text('files', { mode: 'json' }).notNull().$type<SubmittedFile[]>(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.invitationId, t.challengeSlug] })],
);
