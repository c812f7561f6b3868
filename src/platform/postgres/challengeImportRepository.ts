import { and, eq } from 'drizzle-orm';
import type { ChallengeImportRepository } from '../../challenges/challengeImportRepository.js';
import { toChallengeImport } from '../challengeImportRows.js';
import type { PostgresDb } from './postgresDb.js';
import { challengeImports as t } from './schema.js';

const columns = { id: t.id, slug: t.slug, version: t.version, status: t.status, problems: t.problems, checks: t.checks, createdAt: t.createdAt, finishedAt: t.finishedAt };

export function postgresChallengeImports(db: PostgresDb): ChallengeImportRepository {
  const mine = (owner: string, id: string) => and(eq(t.ownerId, owner), eq(t.id, id));
  return {
    async insert(owner, row, files) {
      await db.insert(t).values({ ...row, ownerId: owner, files });
    },
    async get(owner, id) {
      const [row] = await db.select(columns).from(t).where(mine(owner, id));
      return row && toChallengeImport(row);
    },
    async files(owner, id) {
      const [row] = await db.select({ files: t.files }).from(t).where(mine(owner, id));
      return row?.files;
    },
    async finish(owner, id, outcome, at) {
      const rows = await db.update(t).set({ ...outcome, finishedAt: at }).where(and(mine(owner, id), eq(t.status, 'validating'))).returning({ id: t.id });
      return rows.length > 0;
    },
  };
}
