import { BUILTIN_OWNER, type OwnerId } from '../tenancy/actor.js';
import type { ChallengePackage } from './challengePackage.js';
import type { ChallengeRepository } from './challengeRepository.js';

/**
 * What an organisation can take: its own challenges and the built-in pack; its own one wins where
 * both have a slug. Other organisations' challenges do not exist for it.
 */
export function catalogue(repo: Pick<ChallengeRepository, 'current' | 'version' | 'listCurrent'>): Pick<ChallengeRepository, 'current' | 'version' | 'listCurrent'> {
  return {
    current: async (owner, slug) => (await repo.current(owner, slug)) ?? repo.current(BUILTIN_OWNER, slug),
    version: async (owner, slug, v) => (await repo.version(owner, slug, v)) ?? repo.version(BUILTIN_OWNER, slug, v),
    async listCurrent(owner: OwnerId): Promise<ChallengePackage[]> {
      const own = await repo.listCurrent(owner);
      const mine = new Set(own.map((p) => p.manifest.slug));
      const builtin = owner === BUILTIN_OWNER ? [] : (await repo.listCurrent(BUILTIN_OWNER)).filter((p) => !mine.has(p.manifest.slug));
      return [...own, ...builtin].sort((a, b) => a.manifest.slug.localeCompare(b.manifest.slug));
    },
  };
}
