import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { expect } from 'vitest';
import type { Submission } from '../../src/submissions/submission.js';
import { eventually } from '../support/processes.js';
import type { TestDatabase } from '../support/testEnv.js';
import type { Sent } from './faultSubmissions.js';

/** Tests of sum-python's manifest: a submission scored twice would have more rows. */
const TESTS = 3;

/**
 * How often each submission was scored, read from the tables themselves: its `submission.completed`
 * outbox events (written in the scoring transaction) and its per-test rows.
 */
async function scoreWrites(database: TestDatabase): Promise<Map<string, { events: number; tests: number }>> {
  const eventsSql = (id: string) => `select ${id} as id, count(*) as n from outbox where type = 'submission.completed' group by 1`;
  const testsSql = 'select submission_id as id, count(*) as n from test_results group by 1';
  let rows: { events: { id: string; n: number }[]; tests: { id: string; n: number }[] };
  if (database.url.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const q = async (text: string) => (await client.query<{ id: string; n: string }>(text)).rows.map((r) => ({ id: r.id, n: Number(r.n) }));
      rows = { events: await q(eventsSql(`data->>'submissionId'`)), tests: await q(testsSql) };
    } finally {
      await client.end();
    }
  } else {
    const db = new Sqlite(database.url, { readonly: true });
    try {
      const q = (text: string) => db.prepare(text).all() as { id: string; n: number }[];
      rows = { events: q(eventsSql(`json_extract(data, '$.submissionId')`)), tests: q(testsSql) };
    } finally {
      db.close();
    }
  }
  const writes = new Map<string, { events: number; tests: number }>();
  const at = (id: string) => writes.get(id) ?? writes.set(id, { events: 0, tests: 0 }).get(id)!;
  for (const r of rows.events) at(r.id).events = r.n;
  for (const r of rows.tests) at(r.id).tests = r.n;
  return writes;
}

/**
 * The fault suite's pass condition for the acknowledged submissions `ids` (sent as `sent`): each
 * ends `completed` with the score its content deserves, scored exactly once. Waits up to `ms` for
 * them to finish. Returns the stored rows.
 */
export async function expectScoredOnce(read: (id: string) => Promise<Submission | undefined>, database: TestDatabase, ids: string[], sent: Sent[], ms: number): Promise<Submission[]> {
  const finished = (s: Submission | undefined) => s?.status === 'completed' || s?.status === 'failed';
  await eventually(async () => (await Promise.all(ids.map(read))).every(finished), ms, 'every acknowledged submission finished').catch(async (err: Error) => {
    const rows = await Promise.all(ids.map(read));
    const open = rows.map((r, i) => (finished(r) ? undefined : `${ids[i]} ${r?.status ?? 'missing'} (${r?.attempts ?? 0} attempts)`)).filter(Boolean);
    throw new Error(`${err.message}: ${open.length} not: ${open.slice(0, 10).join(', ')}`);
  });
  const rows = (await Promise.all(ids.map(read))) as Submission[];
  const writes = await scoreWrites(database);
  rows.forEach((row, i) => {
    expect({ id: row.id, status: row.status, failureCode: row.failureCode, verdict: row.verdict, earned: row.score?.earned, max: row.score?.max }, row.message ?? '')
      .toEqual({ id: ids[i], status: 'completed', failureCode: null, verdict: sent[i]!.verdict, earned: sent[i]!.earned, max: 6 });
    expect({ id: row.id, ...writes.get(row.id) }).toEqual({ id: row.id, events: 1, tests: TESTS });
  });
  return rows;
}
