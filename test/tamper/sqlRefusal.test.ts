import { describe, expect, it } from 'vitest';
import { scoreFiles } from '../support/scoreFiles.js';

/**
 * A schema challenge whose "rejects" case accepts any error of a statement that compiled
 * (`expectError: true`). The candidate's trigger reads a virtual table, which the runner refuses: every
 * insert then fails, but with the runner's refusal, which must never count as the expected error.
 * Honestly (a table without the CHECK) the migration earns 1 of 2: the valid insert passes.
 */
const CASES = JSON.stringify({
  seed: [],
  migrationMay: ['CREATE TABLE', 'CREATE TRIGGER'],
  setup: ['migration.sql'],
  cases: [
    { name: 'accepts_a_valid_price', query: { sql: "INSERT INTO plans (price_cents) VALUES (100)" }, expectSuccess: true },
    { name: 'rejects_a_negative_price', query: { sql: 'INSERT INTO plans (price_cents) VALUES (-1)' }, expectError: true },
  ],
});

const MIGRATION = `CREATE TABLE plans (id INTEGER PRIMARY KEY, price_cents INTEGER NOT NULL);
CREATE TRIGGER plans_refuse_everything BEFORE INSERT ON plans
BEGIN SELECT key FROM json_each('[1]'); END;
`;

describe('an SQL trigger that makes the runner refuse every insert', () => {
  it('gets errors, not the expected error', async () => {
    const files = { solution: [{ path: 'migration.sql', content: MIGRATION }], tests: [{ path: 'cases.json', content: CASES }] };
    const names = ['cases.json::accepts_a_valid_price', 'cases.json::rejects_a_negative_price'];
    const { score } = await scoreFiles('sql', 'tamper-sql-refusal', files, names);
    expect({ verdict: score.verdict, earned: score.earned }, JSON.stringify(score.tests, null, 1)).toEqual({ verdict: 'failed', earned: 0 });
    expect(score.tests[1]!.message).toContain('refused by the runner: the virtual table json_each');
  });
});
