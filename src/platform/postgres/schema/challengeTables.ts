import { index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { PackageFile } from '../../../challenges/challengePackage.js';
import { at } from './columns.js';

// Challenges, their versions and uploaded packages.

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
