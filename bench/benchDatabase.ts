import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Database } from './options.js';

/** A fresh, empty database for one benchmarked service; `drop` removes it. */
export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A SQLite file in a new folder, or a new PostgreSQL database next to the one `postgresUrl` names. */
export async function createBenchDatabase(kind: Database, postgresUrl: string): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'assay-bench-'));
    return { url: path.join(dir, 'assay.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `assay_bench_${randomBytes(6).toString('hex')}`;
  await admin(postgresUrl, `create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(postgresUrl, `drop database if exists ${name} with (force)`) };
}
