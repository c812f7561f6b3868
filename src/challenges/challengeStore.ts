import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { challenges, challengeVersions } from '../db/schema.js';
import type { ChallengePackage } from './challengePackage.js';

/** Stores a package version (once: versions are immutable) and makes it the current one. */
export function saveChallenge(db: Db, pkg: ChallengePackage, now = new Date()): void {
  const slug = pkg.manifest.slug;
  db.transaction((tx) => {
    tx.insert(challengeVersions)
      .values({ slug, version: pkg.version, package: pkg, createdAt: now })
      .onConflictDoNothing()
      .run();
    tx.insert(challenges)
      .values({ slug, currentVersion: pkg.version, updatedAt: now })
      .onConflictDoUpdate({ target: challenges.slug, set: { currentVersion: pkg.version, updatedAt: now } })
      .run();
  });
}

export function currentChallenge(db: Db, slug: string): ChallengePackage | undefined {
  const row = db.select({ version: challenges.currentVersion }).from(challenges).where(eq(challenges.slug, slug)).get();
  return row && challengeVersion(db, slug, row.version);
}

export function challengeVersion(db: Db, slug: string, version: string): ChallengePackage | undefined {
  const row = db
    .select({ pkg: challengeVersions.package })
    .from(challengeVersions)
    .where(and(eq(challengeVersions.slug, slug), eq(challengeVersions.version, version)))
    .get();
  return row?.pkg as ChallengePackage | undefined;
}

export function currentChallenges(db: Db): ChallengePackage[] {
  return db
    .select({ pkg: challengeVersions.package })
    .from(challenges)
    .innerJoin(
      challengeVersions,
      and(eq(challengeVersions.slug, challenges.slug), eq(challengeVersions.version, challenges.currentVersion)),
    )
    .orderBy(challenges.slug)
    .all()
    .map((r) => r.pkg as ChallengePackage);
}
