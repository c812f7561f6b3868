import { NotFoundError } from '../errors/NotFoundError.js';
import type { Actor } from '../tenancy/actor.js';
import type { ChallengePackage } from './challengePackage.js';
import type { ChallengeRepository } from './challengeRepository.js';

/** The catalogue as callers see it: only the caller's owner's challenges exist for them. */
export function challengeService(challenges: Pick<ChallengeRepository, 'current' | 'listCurrent'>) {
  return {
    list: (actor: Actor): Promise<ChallengePackage[]> => challenges.listCurrent(actor.ownerId),
    async get(actor: Actor, slug: string): Promise<ChallengePackage> {
      const pkg = await challenges.current(actor.ownerId, slug);
      if (!pkg) throw new NotFoundError(`No challenge "${slug}".`);
      return pkg;
    },
  };
}

export type ChallengeService = ReturnType<typeof challengeService>;
