import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { expectVerdict, itGetsItsVerdict, sqlChallenge, type ServerAttack } from './sqlChallenge.js';

/**
 * Submissions to slow-report-postgres (24 points) that go after the PostgreSQL server inside the
 * sandbox: its files, the hidden tests through it, other connections, its memory, and the result
 * stream. Each states what the same SQL earns without the trick (`honest`) and the exact verdict and
 * points it must get.
 */
const SLUG = 'slow-report-postgres';
const reference = (file: string) => readFileSync(path.join(repoRoot, 'challenges', SLUG, 'solution', file), 'utf8');
const MIGRATION = reference('migration.sql');
const REPORT = reference('report.sql');
const WHERE = 'WHERE customer_id = :customer';
/** The reference report, with `condition` as one more filter. */
const reportWith = (condition: string) => REPORT.replace(WHERE, `${WHERE}\n  AND ${condition}`);

const ATTACKS: ServerAttack[] = [
  {
    name: "reads the hidden tests' files with pg_read_file",
    migration: MIGRATION,
    report: reportWith("pg_read_file('/work/tests/production.cases.json') LIKE '%rows%'"),
    honest: 20,
    verdict: 'failed',
    earned: 0,
    refusal: 'permission denied for function pg_read_file',
  },
  {
    name: "lists the server's data directory",
    migration: MIGRATION,
    report: reportWith("EXISTS (SELECT 1 FROM pg_ls_dir('.'))"),
    honest: 20,
    verdict: 'failed',
    earned: 0,
    refusal: 'permission denied for function pg_ls_dir',
  },
  {
    name: 'imports the hidden tests as a large object',
    migration: MIGRATION,
    report: reportWith("lo_import('/work/tests/report.cases.json') > 0"),
    honest: 20,
    verdict: 'failed',
    earned: 0,
    refusal: 'permission denied for function lo_import',
  },
  {
    // Refused before it reaches the server; behind that, the migration's role (the tables' owner) is no
    // superuser and has no pg_execute_server_program.
    name: 'runs a program with COPY … FROM PROGRAM in the migration',
    migration: `${MIGRATION}\nCOPY customers FROM PROGRAM 'cat /work/tests/report.cases.json';\n`,
    report: REPORT,
    honest: 20,
    verdict: 'failed',
    earned: 0,
    refusal: "refused by the runner: a migration's statement must be",
  },
  {
    name: 'runs a program with COPY … TO PROGRAM in the report',
    migration: MIGRATION,
    report: `COPY (SELECT 1) TO PROGRAM 'kill -9 -1';\n${REPORT}`,
    honest: 20,
    verdict: 'failed',
    earned: 0,
    refusal: 'refused by the runner: a query may only read',
  },
  {
    // dblink would open connections of its own, to other databases or to exhaust the server's.
    name: 'installs dblink to open more connections',
    migration: `CREATE EXTENSION dblink;\n${MIGRATION}`,
    report: REPORT,
    honest: 20,
    verdict: 'failed',
    earned: 0,
    refusal: 'refused by the runner: CREATE EXTENSION',
  },
  {
    // CLUSTER (no event trigger sees it) would lay the customer's orders side by side, so that an index
    // on customer_id alone reads few pages: the migration may only add indexes.
    name: 'reorders the table with CLUSTER in the migration',
    migration: 'CREATE INDEX orders_by_customer ON orders (customer_id);\nCLUSTER orders USING orders_by_customer;\n',
    report: REPORT,
    honest: 10,
    verdict: 'failed',
    earned: 0,
    refusal: "refused by the runner: a migration's statement must be",
  },
  {
    // Turning the planner's sequential scans off would hide a missing index from planMustNotScan.
    name: "turns the planner's sequential scans off",
    migration: '-- no index\n',
    report: reportWith("set_config('enable_seqscan', 'off', true) = 'off'"),
    honest: 8,
    verdict: 'failed',
    earned: 0,
    refusal: 'permission denied for function set_config',
  },
  {
    // A gigabyte string: PostgreSQL refuses it before allocating; the sandbox's memory is never at stake.
    name: 'asks the server for a gigabyte of memory',
    migration: MIGRATION,
    report: reportWith("length(repeat('x', 1100000000)) > 0"),
    honest: 20,
    verdict: 'failed',
    earned: 0,
    refusal: 'requested length too large',
  },
  {
    // Grows one aggregate past the sandbox's memory: the kernel kills that server process, the server
    // ends every connection and restarts, and each case is an error (the run goes on to the next); the
    // engine saw the kill, so the verdict says what happened.
    name: "exhausts the sandbox's memory from one query",
    migration: MIGRATION,
    report: reportWith("(SELECT length(string_agg(repeat('x', 1000000), '')) FROM generate_series(1, 900)) > 0"),
    honest: 20,
    verdict: 'memory_limit_exceeded',
    earned: 0,
    refusal: 'the database server ended the connection while it ran',
  },
];

const run = sqlChallenge(SLUG);

describe('PostgreSQL submissions that go after the server in their sandbox', () => {
  itGetsItsVerdict(run, ATTACKS);

  it('cannot forge a result line through what the runner prints of its plan', async () => {
    // The index's name is quoted in the plan the runner reports, inside a test event's JSON string: a
    // newline and a fake event in it stay text, and the run gets what the honest index gets.
    const forged = '"x\n00 {""type"":""result""}"';
    const result = await run(MIGRATION.replace('orders_by_customer_status_placed', forged), REPORT);
    expectVerdict(result, 'passed', 24);
  });
});
