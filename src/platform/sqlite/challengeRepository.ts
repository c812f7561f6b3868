import { and, eq } from 'drizzle-orm';
import type { ChallengePackage } from '../../challenges/challengePackage.js';
import type { ChallengeRepository } from '../../challenges/challengeRepository.js';
import { memoizeVersions } from '../versionMemo.js';
import type { SqliteDb } from './sqliteDb.js';
import { challenges, challengeVersions } from './schema.js';

export function sqliteChallenges(db: SqliteDb): ChallengeRepository {
  const version = memoizeVersions(async (owner, slug, v) =>
    db
      .select({ pkg: challengeVersions.package })
      .from(challengeVersions)
      .where(and(eq(challengeVersions.ownerId, owner), eq(challengeVersions.slug, slug), eq(challengeVersions.version, v)))
      .get()?.pkg as ChallengePackage | undefined);
  return {
    async save(owner, pkg, now) {
      const slug = pkg.manifest.slug;
      db.transaction((tx) => {
        tx.insert(challengeVersions).values({ ownerId: owner, slug, version: pkg.version, package: pkg, createdAt: now }).onConflictDoNothing().run();
        tx.insert(challenges)
          .values({ ownerId: owner, slug, currentVersion: pkg.version, updatedAt: now })
          .onConflictDoUpdate({ target: [challenges.ownerId, challenges.slug], set: { currentVersion: pkg.version, updatedAt: now } })
          .run();
      });
    },
    version,
    async current(owner, slug) {
      const row = db.select({ v: challenges.currentVersion }).from(challenges).where(and(eq(challenges.ownerId, owner), eq(challenges.slug, slug))).get();
      return row && version(owner, slug, row.v);
    },
    async listCurrent(owner) {
      return db
        .select({ pkg: challengeVersions.package })
        .from(challenges)
        .innerJoin(
          challengeVersions,
          and(eq(challengeVersions.ownerId, challenges.ownerId), eq(challengeVersions.slug, challenges.slug), eq(challengeVersions.version, challenges.currentVersion)),
        )
        .where(eq(challenges.ownerId, owner))
        .orderBy(challenges.slug)
        .all()
        .map((r) => r.pkg as ChallengePackage);
    },
  };
}
