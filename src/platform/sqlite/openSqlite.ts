import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { repoRoot } from '../../repoRoot.js';
import { driverCode } from '../driverCode.js';
import type { Store } from '../store.js';
import { reportingStoreFaults } from '../storeFaults.js';
import { sqliteAssessments } from './assessmentRepositories.js';
import { sqliteChallengeImports } from './challengeImportRepository.js';
import { sqliteChallenges } from './challengeRepository.js';
import { sqliteIdentity } from './identityRepositories.js';
import * as schema from './schema.js';
import { sqliteSubmissions } from './submissionRepository.js';
import { sqliteGradings } from './gradingRepository.js';
import { sqliteWebhooks } from './webhookRepositories.js';
import { sqliteSimilarity } from './similarityRepository.js';

/** Opens the SQLite file in WAL mode and applies the committed drizzle-kit migrations. */
export function openSqlite(file: string): Store {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Sqlite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // API processes share the file; wait for a writer instead of failing with SQLITE_BUSY.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: path.join(repoRoot, 'drizzle', 'sqlite') });
  // SQLITE_FULL: the file or its WAL could not grow (the disk is full); the transaction was rolled back.
  return reportingStoreFaults({
    submissions: sqliteSubmissions(db),
    gradings: sqliteGradings(db),
    challenges: sqliteChallenges(db),
    challengeImports: sqliteChallengeImports(db),
    ...sqliteIdentity(db),
    ...sqliteAssessments(db),
    ...sqliteWebhooks(db),
    ...sqliteSimilarity(db),
    ping: async () => void db.get(sql`select 1`),
    close: async () => void sqlite.close(),
  }, (err) => (driverCode(err) === 'SQLITE_FULL' ? 'full' : undefined));
}
