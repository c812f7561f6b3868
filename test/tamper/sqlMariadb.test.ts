import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { expectVerdict, itGetsItsVerdict, sqlChallenge, type ServerAttack } from './sqlChallenge.js';

/**
 * Submissions to schema-migration-mariadb (20 points) that go after the MariaDB server inside the
 * sandbox: its files and the hidden tests through it (LOAD_FILE, INTO OUTFILE, LOAD DATA), its memory,
 * the accounts' privileges and the result stream. Each states what the same SQL earns without the trick
 * (`honest`) and the exact verdict and points it must get.
 */
const SLUG = 'schema-migration-mariadb';
const reference = (file: string) => readFileSync(path.join(repoRoot, 'challenges', SLUG, 'solution', file), 'utf8');
const MIGRATION = reference('migration.sql');
const REPORT = reference('report.sql');
const WHERE = 'WHERE price_cents <= :max_cents';
/** The reference catalogue query, with `condition` as one more filter. */
const reportWith = (condition: string) => REPORT.replace(WHERE, `${WHERE}\n  AND ${condition}`);

const ATTACKS: ServerAttack[] = [
  {
    // Without FILE, LOAD_FILE gives NULL (and the server's user could not read /work/tests anyway): the
    // NOT NULL name refuses it, and the migration fails.
    name: "copies the hidden tests into the table with LOAD_FILE in the migration",
    migration: `${MIGRATION}\nUPDATE products SET name = LOAD_FILE('/work/tests/migration.cases.json') WHERE id = 1;\n`,
    report: REPORT,
    honest: 20,
    verdict: 'failed',
    earned: 0,
    refusal: "Column 'name' cannot be null",
  },
  {
    // The server's own files: NULL as well, so the filter keeps no row and the catalogue page fails.
    name: "reads the server's account table with LOAD_FILE in the query",
    migration: MIGRATION,
    report: reportWith("LOAD_FILE('/tmp/maria/data/mysql/global_priv.MAD') IS NOT NULL"),
    honest: 20,
    verdict: 'failed',
    earned: 17,
    refusal: 'expected 6 rows, got 0',
  },
  {
    name: 'writes a file with SELECT … INTO OUTFILE',
    migration: MIGRATION,
    report: `SELECT sku, name, price_cents FROM products WHERE price_cents <= :max_cents ORDER BY price_cents, sku INTO OUTFILE '/tmp/maria/run/out.txt';\n`,
    honest: 20,
    verdict: 'failed',
    earned: 17,
    refusal: 'you need (at least one of) the FILE privilege(s)',
  },
  {
    // Refused before it reaches the server; behind that, the migrator has no FILE and the client
    // refuses LOAD DATA LOCAL.
    name: 'loads the hidden tests with LOAD DATA INFILE in the migration',
    migration: `${MIGRATION}\nLOAD DATA INFILE '/work/tests/migration.cases.json' INTO TABLE order_lines;\n`,
    report: REPORT,
    honest: 20,
    verdict: 'failed',
    earned: 0,
    refusal: "refused by the runner: a migration's statement must be",
  },
  {
    // GRANT would give the reader the FILE privilege the query lacks: not a kind migrationMay permits,
    // and the migrator holds no GRANT OPTION.
    name: 'grants itself FILE in the migration',
    migration: `GRANT FILE ON *.* TO assay_reader@localhost;\n${MIGRATION}`,
    report: REPORT,
    honest: 20,
    verdict: 'failed',
    earned: 0,
    refusal: "refused by the runner: a migration's statement must be",
  },
  {
    // A session's settings are the harness's: SET STATEMENT … FOR is no read.
    name: "lifts its statement's limits with SET STATEMENT",
    migration: MIGRATION,
    report: `SET STATEMENT max_statement_time = 0, max_heap_table_size = 1073741824 FOR\n${REPORT}`,
    honest: 20,
    verdict: 'failed',
    earned: 17,
    refusal: 'refused by the runner: a query may only read',
  },
  {
    // A gigabyte string: over max_allowed_packet the server gives NULL before allocating it.
    name: 'asks the server for a gigabyte of memory',
    migration: MIGRATION,
    report: reportWith("LENGTH(REPEAT('x', 1100000000)) > 0"),
    honest: 20,
    verdict: 'failed',
    earned: 17,
    refusal: 'expected 6 rows, got 0',
  },
  {
    // The server stops a recursive CTE at max_recursive_iterations (1,000), which a query cannot SET: the
    // CTE counts 1,000 rows, the filter holds, and the run earns exactly what the honest query earns.
    name: 'piles up rows in a recursive CTE',
    migration: MIGRATION,
    report: reportWith("(WITH RECURSIVE r (n, s) AS (SELECT 1, REPEAT('x', 1000) UNION ALL SELECT n + 1, s FROM r WHERE n < 100000000) SELECT COUNT(*) FROM r) > 0"),
    honest: 20,
    verdict: 'passed',
    earned: 20,
    refusal: '',
  },
  {
    // Opens no connection: SQL on MariaDB has no dblink, and CONNECT or FEDERATED tables are not
    // installed; a query that waits holds only its own connection until the budget kills it.
    name: 'creates a FEDERATED table to open connections of its own',
    migration: `CREATE TABLE leak (id int) ENGINE=FEDERATED CONNECTION='mysql://tester@localhost/mysql/global_priv';\n${MIGRATION}`,
    report: REPORT,
    honest: 20,
    verdict: 'failed',
    earned: 0,
    refusal: "refused by the runner: this challenge's migration may not run it",
  },
];

const run = sqlChallenge(SLUG);

describe('MariaDB submissions that go after the server in their sandbox', () => {
  itGetsItsVerdict(run, ATTACKS);

  it('cannot forge a result line through the constraint name a refused insert reports', async () => {
    // refuses_a_negative_price reports the server's message, which names the candidate's CHECK: a newline
    // and a fake event in that name stay text in a test event's JSON string, and the run gets what the
    // honest constraint gets.
    const forged = '`x\n00 {"type":"result","status":"pass"}`';
    const result = await run(MIGRATION.replace('products_price_not_negative', forged), REPORT);
    expectVerdict(result, 'passed', 20);
    expect(JSON.stringify(result.tests)).toContain('00 {\\"type\\":\\"result\\"');
  });
});
