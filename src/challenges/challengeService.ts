import { NotFoundError } from '../errors/NotFoundError.js';
import type { Actor } from '../tenancy/actor.js';
import { authorize } from '../tenancy/permissions.js';
import type { ChallengePackage } from './challengePackage.js';
import type { ChallengeRepository } from './challengeRepository.js';

/** The catalogue as callers see it (catalogue.ts): their organisation's and the built-in pack. */
export function challengeService(challenges: Pick<ChallengeRepository, 'current' | 'listCurrent' | 'version'>) {
  return {
    list: (actor: Actor): Promise<ChallengePackage[]> => challenges.listCurrent(authorize(actor, 'challenges.read').ownerId),
    async get(actor: Actor, slug: string): Promise<ChallengePackage> {
      const pkg = await challenges.current(authorize(actor, 'challenges.read').ownerId, slug);
      if (!pkg) throw new NotFoundError(`No challenge "${slug}".`);
      return pkg;
    },
    /** One version as it was pinned (an assessment keeps its version after the challenge changes). */
    async version(actor: Actor, slug: string, version: string): Promise<ChallengePackage> {
      const pkg = await challenges.version(authorize(actor, 'challenges.read').ownerId, slug, version);
      if (!pkg) throw new NotFoundError(`No version ${version} of challenge "${slug}".`);
      return pkg;
    },
  };
}

export type ChallengeService = ReturnType<typeof challengeService>;
