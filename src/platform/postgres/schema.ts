import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { PackageFile } from '../../challenges/challengePackage.js';
import type { Language } from '../../challenges/manifest.js';
import type { ScoredTest, SkillScore } from '../../scoring/scoreRun.js';
import type { MatchedRegion } from '../../similarity/similarityPair.js';
import type { SubmittedFile } from '../../submissions/submission.js';

// The same tables as ../sqlite/schema.ts, in PostgreSQL's types; the contract suite keeps them in step.

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const challenges = pgTable(
  'challenges',
  {
    ownerId: text('owner_id').notNull(),
    slug: text('slug').notNull(),
    currentVersion: text('current_version').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.slug] })],
);

export const challengeVersions = pgTable(
  'challenge_versions',
  {
    ownerId: text('owner_id').notNull(),
    slug: text('slug').notNull(),
    version: text('version').notNull(),
    package: jsonb('package').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.slug, t.version] })],
);

export const challengeImports = pgTable(
  'challenge_imports',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    slug: text('slug').notNull(),
    version: text('version').notNull(),
    status: text('status', { enum: ['validating', 'accepted', 'rejected'] }).notNull(),
    files: jsonb('files').notNull().$type<PackageFile[]>(),
    problems: jsonb('problems').notNull().$type<string[]>(),
    checks: jsonb('checks').notNull().$type<string[]>(),
    createdAt: at('created_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [index('challenge_imports_owner').on(t.ownerId, t.createdAt)],
);

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
    log: text('log').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('gradings_owner_submission').on(t.ownerId, t.submissionId, t.createdAt)],
);

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: at('created_at').notNull(),
});

export const members = pgTable('members', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').notNull(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['interviewer', 'admin', 'owner'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: at('created_at').notNull(),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  ownerId: text('owner_id').notNull(),
  memberId: text('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  createdAt: at('created_at').notNull(),
  expiresAt: at('expires_at').notNull(),
});

export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').notNull(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull().unique(),
  secretHash: text('secret_hash').notNull(),
  scopes: jsonb('scopes').notNull().$type<string[]>(),
  createdBy: text('created_by').notNull(),
  createdAt: at('created_at').notNull(),
  lastUsedAt: at('last_used_at'),
  revokedAt: at('revoked_at'),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    at: at('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_owner_at').on(t.ownerId, t.at)],
);

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

export const settings = pgTable('settings', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});

/** The transactional outbox: events written with the change they report, moved on by the dispatcher. */
export const outbox = pgTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    type: text('type').notNull(),
    at: at('at').notNull(),
    data: jsonb('data').notNull().$type<Record<string, unknown>>(),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    dispatchedAt: at('dispatched_at'),
  },
  (t) => [index('outbox_undispatched').on(t.dispatchedAt, t.at)],
);

export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').notNull(),
  url: text('url').notNull(),
  description: text('description').notNull(),
  eventTypes: jsonb('event_types').notNull().$type<string[]>(),
  enabled: boolean('enabled').notNull(),
  disabledReason: text('disabled_reason'),
  secret: text('secret').notNull(),
  previousSecret: text('previous_secret'),
  previousSecretUntil: at('previous_secret_until'),
  lastSuccessAt: at('last_success_at'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    eventId: text('event_id').notNull(),
    endpointId: text('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('webhook_deliveries_endpoint').on(t.endpointId, t.status, t.createdAt)],
);

export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    deliveryId: text('delivery_id').notNull().references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    endpointId: text('endpoint_id').notNull(),
    attempt: integer('attempt').notNull(),
    at: at('at').notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    response: text('response').notNull(),
    succeeded: boolean('succeeded').notNull(),
  },
  (t) => [index('webhook_attempts_endpoint_at').on(t.endpointId, t.at)],
);

/** An invitation an applicant-tracking system made, and where to tell it the invitation is done. */
export const integrationLinks = pgTable(
  'integration_links',
  {
    ownerId: text('owner_id').notNull(),
    integration: text('integration').notNull(),
    invitationId: text('invitation_id').notNull().references(() => invitations.id, { onDelete: 'cascade' }),
    callbackUrl: text('callback_url'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.integration, t.invitationId] })],
);

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
