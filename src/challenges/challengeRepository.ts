import type { OwnerId } from '../tenancy/actor.js';
import type { ChallengePackage } from './challengePackage.js';

/**
 * Where challenge packages are kept: every version ever loaded, whole, and which one is current.
 * Slugs are unique per owner. Adapters: platform/sqlite, platform/postgres.
 */
export interface ChallengeRepository {
  /** Stores a version (once: versions are immutable) and makes it the owner's current one. */
  save(owner: OwnerId, pkg: ChallengePackage, now: Date): Promise<void>;
  current(owner: OwnerId, slug: string): Promise<ChallengePackage | undefined>;
  version(owner: OwnerId, slug: string, version: string): Promise<ChallengePackage | undefined>;
  /** The owner's current challenges, by slug. */
  listCurrent(owner: OwnerId): Promise<ChallengePackage[]>;
}
