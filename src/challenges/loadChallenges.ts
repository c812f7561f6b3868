import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readPackage } from './readPackage.js';
import type { OwnerId } from '../tenancy/actor.js';
import type { ChallengeRepository } from './challengeRepository.js';
import type { ChallengePackage } from './challengePackage.js';
import { InvalidPackageError } from './InvalidPackageError.js';

export interface LoadedChallenges {
  loaded: ChallengePackage[];
  /** Packages left out, each with what is wrong; the others still load. */
  rejected: InvalidPackageError[];
}

/**
 * Loads every package under `dir` into the owner's catalogue at start-up. A broken package is left out
 * rather than stopping the service: one half-written challenge must not take the others down.
 */
export async function loadChallenges(challenges: Pick<ChallengeRepository, 'save'>, owner: OwnerId, dir: string): Promise<LoadedChallenges> {
  const entries = await readdir(dir, { withFileTypes: true });
  const results = await Promise.allSettled(
    entries.filter((e) => e.isDirectory()).map((e) => readPackage(path.join(dir, e.name))),
  );
  const loaded: ChallengePackage[] = [];
  const rejected: InvalidPackageError[] = [];
  for (const r of results) {
    if (r.status === 'fulfilled') loaded.push(r.value);
    else if (r.reason instanceof InvalidPackageError) rejected.push(r.reason);
    else throw r.reason;
  }
  for (const pkg of loaded) await challenges.save(owner, pkg, new Date());
  return { loaded, rejected };
}
