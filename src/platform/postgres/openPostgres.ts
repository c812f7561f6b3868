import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { repoRoot } from '../../repoRoot.js';
import type { Store } from '../store.js';
import { reportingStoreFaults } from '../storeFaults.js';
import { pgFault } from './pgFault.js';
import { postgresAssessments } from './assessmentRepositories.js';
import { postgresChallengeImports } from './challengeImportRepository.js';
import { postgresChallenges } from './challengeRepository.js';
import { postgresIdentity } from './identityRepositories.js';
import * as schema from './schema.js';
import { postgresSubmissions } from './submissionRepository.js';
import { postgresGradings } from './gradingRepository.js';
import { postgresWebhooks } from './webhookRepositories.js';
import { postgresSimilarity } from './similarityRepository.js';

/** Any constant shared by every Assay process: the key of the advisory lock migrations run under. */
const MIGRATION_LOCK = 0x61737361; // "assa"

/** Several API processes may start at once; one migrates while the others wait for it. */
async function migrateOnce(pool: pg.Pool, run: () => Promise<void>): Promise<void> {
  const lock = await pool.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await run();
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    lock.release();
  }
}

/** Connects a pool to `url` and applies the committed drizzle-kit migrations. */
export async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema });
  try {
    await migrateOnce(pool, () => migrate(db, { migrationsFolder: path.join(repoRoot, 'drizzle', 'postgres') }));
  } catch (err) {
    await pool.end();
    throw err;
  }
  return reportingStoreFaults({
    submissions: postgresSubmissions(db),
    gradings: postgresGradings(db),
    challenges: postgresChallenges(db),
    challengeImports: postgresChallengeImports(db),
    ...postgresIdentity(db),
    ...postgresAssessments(db),
    ...postgresWebhooks(db),
    ...postgresSimilarity(db),
    ping: async () => void (await db.execute(sql`select 1`)),
    close: () => pool.end(),
  }, pgFault);
}
