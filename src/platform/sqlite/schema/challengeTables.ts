import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { PackageFile } from '../../../challenges/challengePackage.js';

// Challenges, their versions and uploaded packages.

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
