import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import pg from 'pg';
import { removeExpiredContainers } from '../../src/sandbox/containerReaper.js';
import { SANDBOX_LABEL } from '../../src/sandbox/containerSpec.js';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/**
 * This run's: vitest.config.ts draws one per `vitest run`, so two suites on one machine (CI beside a
 * developer's, or beside `npm start`) never count each other's queues, databases or sandboxes.
 */
const RUN = process.env.ASSAY_TEST_RUN ?? 'local';
const TEST_QUEUE_PREFIX_ROOT = 'assay-test-';
export const TEST_QUEUE_PREFIX = `${TEST_QUEUE_PREFIX_ROOT}${RUN}-`;
/** A PostgreSQL server the suite may create and drop databases on (the machine's, by default). */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** `postgres` runs a test file on a fresh PostgreSQL database instead of a SQLite file. */
export const TEST_DATABASE = process.env.ASSAY_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

const DATABASE_PREFIX = `assay_test_${RUN}_`;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database; `drop` removes it, closing whatever is still connected. */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `${DATABASE_PREFIX}${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined) };
}

/** Databases the suite made and did not drop: a leak the global teardown reports. */
export const leftoverDatabases = () =>
  admin(async (c) => (await c.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${DATABASE_PREFIX}%`])).rows.map((r) => r.datname));

/** Sandboxes of this run on the engine: every test's are scoped to a test queue, never another install's (sandbox/containerSpec.ts). */
/**
 * Removes the expired sandboxes of earlier test runs that died before their clean-up (killed, timed out):
 * each run has its own scope, so no later run's reaper would ever look at them. Live runs' are not expired.
 */
// Far past any live worker's own reaping grace: what is this late belongs to a run that is gone.
const DEAD_RUN_GRACE_MS = 10 * 60_000;

export async function removeDeadRunContainers(docker: Docker): Promise<number> {
  const scopes = new Set((await docker.listContainers({ all: true, filters: { label: [SANDBOX_LABEL] } }))
    .map((c) => c.Labels[SANDBOX_LABEL]!)
    .filter((scope) => scope.startsWith(TEST_QUEUE_PREFIX_ROOT) && !scope.startsWith(TEST_QUEUE_PREFIX)));
  const removed = await Promise.all([...scopes].map((scope) => removeExpiredContainers(docker, scope, DEAD_RUN_GRACE_MS)));
  return removed.reduce((a, b) => a + b, 0);
}

export const leftoverContainers = async (docker: Docker) =>
  (await docker.listContainers({ all: true, filters: { label: [SANDBOX_LABEL] } })).filter((c) => c.Labels[SANDBOX_LABEL]!.startsWith(TEST_QUEUE_PREFIX));

/** A SQLite file in a fresh folder. */
export function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assay-test-'));
  return { url: path.join(dir, 'assay.db'), drop: async () => undefined };
}

export const createTestDatabase = (kind: 'sqlite' | 'postgres' = TEST_DATABASE) => (kind === 'postgres' ? createPostgresDatabase() : Promise.resolve(createSqliteDatabase()));

/** A fresh queue name, so test files never see each other's jobs. */
export const testQueueName = () => `${TEST_QUEUE_PREFIX}${randomBytes(6).toString('hex')}`;

/** The environment of an isolated service on `database`: its own queue, quiet logs. */
export function isolatedEnv(database: TestDatabase, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    REDIS_URL: TEST_REDIS_URL,
    DATABASE_URL: database.url,
    QUEUE_NAME: testQueueName(),
    LOG_LEVEL: 'silent',
    WORKER_CONCURRENCY: '2',
    // On a shared, busy test machine the event loop's measured delay says more about the neighbours
    // than about the service; load shedding is tested on the heap ceiling (test/api/loadShedding.test.ts).
    PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
    ...overrides,
  };
}

/**
 * Deletes every key of a test's queue and of the queues named after it (results, deadlines): what
 * obliterate leaves (published packages, rate-limit counts, each queue's meta key).
 */
export async function removeQueueKeys(redis: { keys(pattern: string): Promise<string[]>; del(...keys: string[]): Promise<number> }, queueName: string): Promise<void> {
  const keys = (await Promise.all([`bull:${queueName}:*`, `bull:${queueName}-*`].map((p) => redis.keys(p)))).flat();
  if (keys.length > 0) await redis.del(...keys);
}
