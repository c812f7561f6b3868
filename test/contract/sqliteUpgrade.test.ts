import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/platform/sqlite/openSqlite.js';
import { repoRoot } from '../../src/repoRoot.js';
import { DEFAULT_OWNER } from '../../src/tenancy/actor.js';

/** The committed migrations up to and including `tag`, as a folder drizzle can apply. */
function migrationsUpTo(tag: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assay-migrations-'));
  cpSync(path.join(repoRoot, 'drizzle/sqlite'), dir, { recursive: true });
  const journalFile = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag) + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe('a SQLite database from before owners', () => {
  it('keeps every challenge and submission, now the default owner\'s, with its idempotency key', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'assay-upgrade-')), 'assay.db');
    const old = new Sqlite(file);
    migrate(drizzle(old), { migrationsFolder: migrationsUpTo('0001_skill_scores') });
    const now = Date.now();
    old.prepare("insert into challenges values ('sum-python', 'v1', ?)").run(now);
    old.prepare("insert into challenge_versions values ('sum-python', 'v1', ?, ?)").run(JSON.stringify({ manifest: { slug: 'sum-python' }, version: 'v1' }), now);
    old.prepare(`insert into submissions (id, challenge_slug, challenge_version, status, files, idempotency_key, request_hash, created_at)
      values ('11111111-1111-4111-8111-111111111111', 'sum-python', 'v1', 'queued', '[]', 'key-1', 'h', ?)`).run(now);
    old.close();

    const store = openSqlite(file);
    try {
      expect((await store.challenges.current(DEFAULT_OWNER, 'sum-python'))?.version).toBe('v1');
      expect(await store.submissions.get(DEFAULT_OWNER, '11111111-1111-4111-8111-111111111111')).toMatchObject({ status: 'queued', failureCode: null });
      expect(await store.submissions.findByIdempotencyKey(DEFAULT_OWNER, 'key-1')).toEqual({ id: '11111111-1111-4111-8111-111111111111', requestHash: 'h' });
    } finally {
      await store.close();
    }
  });
});
