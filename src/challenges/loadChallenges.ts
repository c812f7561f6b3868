import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/database.js';
import { readPackage } from './readPackage.js';
import { saveChallenge } from './challengeStore.js';
import type { ChallengePackage } from './challengePackage.js';

/** Loads every package under `dir` into the database at start-up; a broken package stops start-up. */
export async function loadChallenges(db: Db, dir: string): Promise<ChallengePackage[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const packages = await Promise.all(
    entries.filter((e) => e.isDirectory()).map((e) => readPackage(path.join(dir, e.name))),
  );
  for (const pkg of packages) saveChallenge(db, pkg);
  return packages;
}
