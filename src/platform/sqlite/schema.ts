import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { PackageFile } from '../../challenges/challengePackage.js';
import type { Language } from '../../challenges/manifest.js';
import type { ScoredTest, SkillScore } from '../../scoring/scoreRun.js';
import type { MatchedRegion } from '../../similarity/similarityPair.js';
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

/** Private packages uploaded through the API: validating until a worker has run them, then accepted or rejected. */
export const challengeImports = sqliteTable(
  'challenge_imports',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    slug: text('slug').notNull(),
    version: text('version').notNull(),
    status: text('status', { enum: ['validating', 'accepted', 'rejected'] }).notNull(),
    /** The package's files as uploaded, mutants included. */
    files: text('files', { mode: 'json' }).notNull().$type<PackageFile[]>(),
    problems: text('problems', { mode: 'json' }).notNull().$type<string[]>(),
    checks: text('checks', { mode: 'json' }).notNull().$type<string[]>(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('challenge_imports_owner').on(t.ownerId, t.createdAt)],
);

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
    log: text('log').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('gradings_owner_submission').on(t.ownerId, t.submissionId, t.createdAt)],
);

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Members sign in by email, so an email is one member of one organisation. */
export const members = sqliteTable('members', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').notNull(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['interviewer', 'admin', 'owner'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Browser sessions, by the SHA-256 of their token: the token itself is only ever in the cookie. */
export const sessions = sqliteTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  ownerId: text('owner_id').notNull(),
  memberId: text('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
});

export const apiKeys = sqliteTable('api_keys', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').notNull(),
  name: text('name').notNull(),
  /** Shown with the key and in listings, so a key can be recognised; unique. */
  prefix: text('prefix').notNull().unique(),
  secretHash: text('secret_hash').notNull(),
  scopes: text('scopes', { mode: 'json' }).notNull().$type<string[]>(),
  createdBy: text('created_by').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target').notNull(),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_owner_at').on(t.ownerId, t.at)],
);

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

/** Server-wide values every API process must share, e.g. the key report links are signed with. */
export const settings = sqliteTable('settings', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});

/** The transactional outbox: events written with the change they report, moved on by the dispatcher. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    type: text('type').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    data: text('data', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>(),
    dispatchedAt: integer('dispatched_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('outbox_undispatched').on(t.dispatchedAt, t.at)],
);

export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').notNull(),
  url: text('url').notNull(),
  description: text('description').notNull(),
  eventTypes: text('event_types', { mode: 'json' }).notNull().$type<string[]>(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  disabledReason: text('disabled_reason'),
  secret: text('secret').notNull(),
  previousSecret: text('previous_secret'),
  previousSecretUntil: integer('previous_secret_until', { mode: 'timestamp_ms' }),
  lastSuccessAt: integer('last_success_at', { mode: 'timestamp_ms' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    eventId: text('event_id').notNull(),
    endpointId: text('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('webhook_deliveries_endpoint').on(t.endpointId, t.status, t.createdAt)],
);

export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    deliveryId: text('delivery_id').notNull().references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    endpointId: text('endpoint_id').notNull(),
    attempt: integer('attempt').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    response: text('response').notNull(),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('webhook_attempts_endpoint_at').on(t.endpointId, t.at)],
);

/** An invitation an applicant-tracking system made, and where to tell it the invitation is done. */
export const integrationLinks = sqliteTable(
  'integration_links',
  {
    ownerId: text('owner_id').notNull(),
    integration: text('integration').notNull(),
    invitationId: text('invitation_id').notNull().references(() => invitations.id, { onDelete: 'cascade' }),
    callbackUrl: text('callback_url'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.integration, t.invitationId] })],
);

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
