import { rewriteFiles, type Cheat, type CheatSource } from './cheat.js';
import { fakePassMarkers } from './fakeMarkers.js';

const SQL = /\.sql$/;

/** Tables a candidate knows of: those the starter and the sample tests create. */
export function tableNames(files: CheatSource['starter']): string[] {
  const names = files.filter((f) => SQL.test(f.path)).flatMap((f) => [...f.content.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?["`[]?(\w+)/gi)].map((m) => m[1]!));
  return [...new Set(names)];
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The generic cheats for an SQL challenge: every .sql file of the starter rewritten, or prefixed with something the guard must refuse. */
export function sqlCheats({ testNames, starter, sampleTests }: CheatSource): Cheat[] {
  const tables = tableNames([...starter, ...sampleTests]);
  const all = (sql: string) => rewriteFiles(starter, SQL, () => sql);
  const prefixed = (sql: string) => rewriteFiles(starter, SQL, (f) => `${sql}\n${f.content}`);
  const each = (statement: (t: string) => string) => tables.map(statement).join('\n');
  return [
    { name: 'empty-solution', files: all('') },
    { name: 'select-every-table', files: all(each((t) => `SELECT * FROM ${t};`)) },
    { name: 'fake-pass-markers', files: all(`SELECT ${quote(fakePassMarkers(testNames))} AS result;`) },
    { name: 'runs-forever', files: all('WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM forever) SELECT max(n) FROM forever;'), endsAtDeadline: true },
    { name: 'attach-and-pragma', files: prefixed("ATTACH DATABASE '/tmp/cheat.db' AS cheat;\nPRAGMA writable_schema = ON;\nPRAGMA foreign_keys = OFF;") },
    { name: 'temp-and-virtual-objects', files: prefixed(`CREATE TEMP TABLE cheat(x);\nCREATE VIRTUAL TABLE cheat_fts USING fts5(x);\n${each((t) => `CREATE TEMP VIEW ${t} AS SELECT 1;`)}`) },
    { name: 'dangerous-functions', files: prefixed("SELECT fts3_tokenizer('simple'), load_extension('/tmp/cheat'), readfile('/work/tests'), randomblob(1000000000);") },
    { name: 'writes-data', files: prefixed(`${each((t) => `DELETE FROM ${t};`)}\n${each((t) => `DROP TABLE ${t};`)}`) },
  ];
}
