import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { MatchedRegion } from '../../../similarity/similarityPair.js';

// Similarity between final submissions.

/** The final submission of each invitation (or direct submission) and challenge that similarity compared. */
export const similarityFinals = sqliteTable(
  'similarity_finals',
  {
    ownerId: text('owner_id').notNull(),
    challengeSlug: text('challenge_slug').notNull(),
    key: text('key').notNull(),
    submissionId: text('submission_id').notNull(),
    invitationId: text('invitation_id'),
    language: text('language').notNull(),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.challengeSlug, t.key] }), index('similarity_finals_language').on(t.ownerId, t.challengeSlug, t.language)],
);

/** Two final submissions compared: `left` arrived last. */
export const similarityPairs = sqliteTable(
  'similarity_pairs',
  {
    ownerId: text('owner_id').notNull(),
    challengeSlug: text('challenge_slug').notNull(),
    language: text('language').notNull(),
    leftSubmissionId: text('left_submission_id').notNull(),
    leftInvitationId: text('left_invitation_id'),
    rightSubmissionId: text('right_submission_id').notNull(),
    rightInvitationId: text('right_invitation_id'),
    similarity: real('similarity').notNull(),
    longestFragment: integer('longest_fragment').notNull(),
    fragments: text('fragments', { mode: 'json' }).notNull().$type<MatchedRegion[]>(),
    comparedAt: integer('compared_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerId, t.leftSubmissionId, t.rightSubmissionId] }),
    index('similarity_pairs_right').on(t.ownerId, t.rightSubmissionId),
    index('similarity_pairs_left_invitation').on(t.ownerId, t.leftInvitationId),
    index('similarity_pairs_right_invitation').on(t.ownerId, t.rightInvitationId),
  ],
);
