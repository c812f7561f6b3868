import { and, eq } from 'drizzle-orm';
import type { ChallengePackage } from '../../challenges/challengePackage.js';
import type { ChallengeRepository } from '../../challenges/challengeRepository.js';
import { memoizeVersions } from '../versionMemo.js';
import type { PostgresDb } from './postgresDb.js';
import { challenges, challengeVersions } from './schema.js';

export function postgresChallenges(db: PostgresDb): ChallengeRepository {
  const version = memoizeVersions(async (owner, slug, v) => {
    const [row] = await db
      .select({ pkg: challengeVersions.package })
      .from(challengeVersions)
      .where(and(eq(challengeVersions.ownerId, owner), eq(challengeVersions.slug, slug), eq(challengeVersions.version, v)));
    return row?.pkg as ChallengePackage | undefined;
  });
  return {
    async save(owner, pkg, now) {
      const slug = pkg.manifest.slug;
      await db.transaction(async (tx) => {
        await tx.insert(challengeVersions).values({ ownerId: owner, slug, version: pkg.version, package: pkg, createdAt: now }).onConflictDoNothing();
        await tx
          .insert(challenges)
          .values({ ownerId: owner, slug, currentVersion: pkg.version, updatedAt: now })
          .onConflictDoUpdate({ target: [challenges.ownerId, challenges.slug], set: { currentVersion: pkg.version, updatedAt: now } });
      });
    },
    version,
    async current(owner, slug) {
      const [row] = await db.select({ v: challenges.currentVersion }).from(challenges).where(and(eq(challenges.ownerId, owner), eq(challenges.slug, slug)));
      return row && version(owner, slug, row.v);
    },
    async listCurrent(owner) {
      const rows = await db
        .select({ pkg: challengeVersions.package })
        .from(challenges)
        .innerJoin(
          challengeVersions,
          and(eq(challengeVersions.ownerId, challenges.ownerId), eq(challengeVersions.slug, challenges.slug), eq(challengeVersions.version, challenges.currentVersion)),
        )
        .where(eq(challenges.ownerId, owner))
        .orderBy(challenges.slug);
      return rows.map((r) => r.pkg as ChallengePackage);
    },
  };
}
