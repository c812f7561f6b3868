import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { sqlChallenge, type SqlAttack } from './sqlChallenge.js';

/**
 * Submissions to slow-orders-query-sql (24 points: 12 for the report's rows, 12 for its performance on
 * 200,000 orders) from someone who read the sql runner's source. Each states what the same SQL earns
 * without the trick (`honest`), and the exact verdict and points it must get.
 */
const SLUG = 'slow-orders-query-sql';
const reference = (file: string) => readFileSync(path.join(repoRoot, 'challenges', SLUG, 'solution', file), 'utf8');
const REPORT = reference('report.sql');
const NO_INDEX = '-- no index\n';

const ATTACKS: SqlAttack[] = [
  {
    // Without an index the join must read every order; `o.id > 0` words that as a rowid SEARCH, so
    // a check of the plan passes. The engine's step count does not.
    name: 'hides a full scan of orders behind a rowid range',
    migration: NO_INDEX,
    report: REPORT.replace('WHERE c.region = :region', 'WHERE o.id > 0 AND c.region = :region'),
    honest: 12,
    verdict: 'failed',
    earned: 12,
  },
  {
    // A TEMP copy of the paid orders, kept fresh by a TEMP trigger: invisible to a check of the main
    // schema, and a table the plan check does not know. The migration may only add indexes.
    name: 'answers from TEMP objects kept fresh by a TEMP trigger',
    migration: `CREATE TEMP TABLE paid AS SELECT customer_id, created_at, total_cents FROM orders WHERE status = 'paid';
CREATE INDEX temp.paid_by_customer ON paid (customer_id, created_at, total_cents);
CREATE INDEX customers_by_region ON customers (region);
CREATE TEMP TRIGGER keep_paid AFTER INSERT ON main.orders WHEN NEW.status = 'paid'
BEGIN INSERT INTO paid VALUES (NEW.customer_id, NEW.created_at, NEW.total_cents); END;`,
    report: REPORT.replace('JOIN orders AS o', 'JOIN paid AS o').replace("AND o.status = 'paid'", ''),
    honest: 0,
    verdict: 'failed',
    earned: 0,
  },
  {
    // fts3_tokenizer() hands out a pointer into the harness; no function outside the runner's list runs.
    // Only the case that runs the tests' own query passes.
    name: 'calls a function that hands out a pointer',
    migration: reference('migration.sql'),
    report: REPORT.replace('WHERE c.region = :region', "WHERE fts3_tokenizer('simple') IS NOT NULL AND c.region = :region"),
    honest: 18,
    verdict: 'failed',
    earned: 1,
  },
  {
    name: 'reads a virtual table',
    migration: reference('migration.sql'),
    report: REPORT.replace('WHERE c.region = :region', "WHERE EXISTS (SELECT 1 FROM json_each('[1]')) AND c.region = :region"),
    honest: 18,
    verdict: 'failed',
    earned: 1,
  },
];

const run = sqlChallenge(SLUG);

describe('SQL submissions that try to forge their score', () => {
  it.each(ATTACKS.map((a) => [a.name, a] as const))('%s', async (_name, attack) => {
    const result = await run(attack.migration, attack.report);
    const context = JSON.stringify(result.tests, null, 1);
    expect({ verdict: result.verdict, earned: result.score.earned }, context).toEqual({ verdict: attack.verdict, earned: attack.earned });
    expect(result.score.earned).toBeLessThanOrEqual(attack.honest);
  });

  it('never shows the expected rows of a hidden case', async () => {
    // An empty result with the right columns: every case that compares rows fails, and says why.
    const empty = 'SELECT 0 AS customer_id, \'\' AS email, 0 AS paid_orders, 0 AS revenue_cents WHERE 0;\n';
    const result = await run(NO_INDEX, empty);
    const messages = (result.tests as { message: string | null }[]).map((t) => t.message ?? '').join('\n');
    expect(messages).toContain('rows differ (in order): expected 10 rows, got 0 rows; 10 missing from row 1');
    expect(messages).not.toMatch(/shop\.test|3320|91242/);
    expect({ verdict: result.verdict, earned: result.score.earned }).toEqual({ verdict: 'failed', earned: 1 });
  });
});
