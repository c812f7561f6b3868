import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { Language } from '../../../challenges/manifest.js';
import type { SubmittedFile } from '../../../submissions/submission.js';
import { at } from './columns.js';

// Assessments, invitations and candidates' drafts.

export const assessments = pgTable('assessments', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').notNull(),
  name: text('name').notNull(),
  instructions: text('instructions').notNull(),
  timeLimitMinutes: integer('time_limit_minutes').notNull(),
  maxSubmissions: integer('max_submissions').notNull(),
  resultVisibility: text('result_visibility').notNull(),
  challenges: jsonb('challenges').notNull().$type<{ slug: string; version: string; weight: number; languages?: Language[] | null }[]>(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    assessmentId: text('assessment_id').notNull().references(() => assessments.id),
    candidateName: text('candidate_name').notNull(),
    candidateEmail: text('candidate_email').notNull(),
    externalId: text('external_id'),
    tokenHash: text('token_hash').notNull().unique(),
    validFrom: at('valid_from').notNull(),
    validUntil: at('valid_until').notNull(),
    state: text('state', { enum: ['invited', 'started', 'completed', 'expired', 'cancelled'] }).notNull(),
    startedAt: at('started_at'),
    deadline: at('deadline'),
    completedAt: at('completed_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('invitations_owner_assessment').on(t.ownerId, t.assessmentId)],
);

export const drafts = pgTable(
  'drafts',
  {
    ownerId: text('owner_id').notNull(),
    invitationId: text('invitation_id').notNull().references(() => invitations.id, { onDelete: 'cascade' }),
    challengeSlug: text('challenge_slug').notNull(),
    files: jsonb('files').notNull().$type<SubmittedFile[]>(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.invitationId, t.challengeSlug] })],
);
