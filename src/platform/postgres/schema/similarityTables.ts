import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { MatchedRegion } from '../../../similarity/similarityPair.js';
import { at } from './columns.js';

// Similarity between final submissions.

export const similarityFinals = pgTable(
  'similarity_finals',
  {
    ownerId: text('owner_id').notNull(),
    challengeSlug: text('challenge_slug').notNull(),
    key: text('key').notNull(),
    submissionId: text('submission_id').notNull(),
    invitationId: text('invitation_id'),
    language: text('language').notNull(),
    completedAt: at('completed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.challengeSlug, t.key] }), index('similarity_finals_language').on(t.ownerId, t.challengeSlug, t.language)],
);

export const similarityPairs = pgTable(
  'similarity_pairs',
  {
    ownerId: text('owner_id').notNull(),
    challengeSlug: text('challenge_slug').notNull(),
    language: text('language').notNull(),
    leftSubmissionId: text('left_submission_id').notNull(),
    leftInvitationId: text('left_invitation_id'),
    rightSubmissionId: text('right_submission_id').notNull(),
    rightInvitationId: text('right_invitation_id'),
    similarity: doublePrecision('similarity').notNull(),
    longestFragment: integer('longest_fragment').notNull(),
    fragments: jsonb('fragments').notNull().$type<MatchedRegion[]>(),
    comparedAt: at('compared_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerId, t.leftSubmissionId, t.rightSubmissionId] }),
    index('similarity_pairs_right').on(t.ownerId, t.rightSubmissionId),
    index('similarity_pairs_left_invitation').on(t.ownerId, t.leftInvitationId),
    index('similarity_pairs_right_invitation').on(t.ownerId, t.rightInvitationId),
  ],
);
