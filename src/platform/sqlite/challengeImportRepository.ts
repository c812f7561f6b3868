import { and, eq } from 'drizzle-orm';
import type { ChallengeImportRepository } from '../../challenges/challengeImportRepository.js';
import { toChallengeImport } from '../challengeImportRows.js';
import type { SqliteDb } from './sqliteDb.js';
import { challengeImports as t } from './schema.js';

const columns = { id: t.id, slug: t.slug, version: t.version, status: t.status, problems: t.problems, checks: t.checks, createdAt: t.createdAt, finishedAt: t.finishedAt };

export function sqliteChallengeImports(db: SqliteDb): ChallengeImportRepository {
  const mine = (owner: string, id: string) => and(eq(t.ownerId, owner), eq(t.id, id));
  return {
    async insert(owner, row, files) {
      db.insert(t).values({ ...row, ownerId: owner, files }).run();
    },
    async get(owner, id) {
      const row = db.select(columns).from(t).where(mine(owner, id)).get();
      return row && toChallengeImport(row);
    },
    async files(owner, id) {
      return db.select({ files: t.files }).from(t).where(mine(owner, id)).get()?.files;
    },
    async finish(owner, id, outcome, at) {
      return db.update(t).set({ ...outcome, finishedAt: at }).where(and(mine(owner, id), eq(t.status, 'validating'))).run().changes > 0;
    },
  };
}
