import type { ChallengePackage } from '../challenges/challengePackage.js';

type LoadVersion = (owner: string, slug: string, version: string) => Promise<ChallengePackage | undefined>;

/** Parsed versions kept per process; a package is a few KB to a few hundred. */
const MAX_VERSIONS = 256;

/**
 * Challenge versions are content hashes, stored once and never changed or deleted, so a version
 * read once is kept in memory: every submit reads its challenge's current version, and parsing the
 * whole package each time was most of the lookup's cost. Only the current-version pointer, which
 * does change, is read from the database every time. Callers must not mutate the packages.
 */
export function memoizeVersions(load: LoadVersion): LoadVersion {
  const cache = new Map<string, ChallengePackage>();
  return async (owner, slug, version) => {
    const key = JSON.stringify([owner, slug, version]);
    const hit = cache.get(key);
    if (hit) return hit;
    const pkg = await load(owner, slug, version);
    if (!pkg) return undefined;
    if (cache.size >= MAX_VERSIONS) cache.delete(cache.keys().next().value!);
    cache.set(key, pkg);
    return pkg;
  };
}
