import { parseArgs } from 'node:util';
import { InvalidPackageError } from '../challenges/InvalidPackageError.js';
import { ConfigError } from '../errors/ConfigError.js';
import { toolContext } from '../runtime/toolContext.js';
import { catalogue } from '../challenges/catalogue.js';
import { ConflictError } from '../errors/ConflictError.js';
import { createOrganisation } from './orgCommands.js';
import { DEFAULT_OWNER } from '../tenancy/actor.js';
import { regrade } from '../tools/regrade.js';
import type { TestChange, TestResult } from '../scoring/testChanges.js';
import { databaseName, exportChallenge, importChallenge, newChallenge, validateChallenge, withStore } from './challengeCommands.js';
import { UsageError } from './UsageError.js';

const USAGE = `usage: assay <command>
  challenge new --runner <runner> <dir>        a working package skeleton to start from
  challenge validate <dir> [--repeat N]        check a package end to end in the real sandbox; with --repeat,
                                               then run the reference, starter and mutants N times each at the
                                               worker's concurrency beside a CPU hog, failing on any test whose
                                               result changes between runs
  challenge import <dir>                       store a package as its challenge's current version
  challenge export <slug> <dir> [--version v]  write a stored version out as a package
  org create --name N --slug s --owner-email e [--owner-name n]
                                               an organisation and its owner (prints the password once)
  regrade <slug> [--org id] [--limit n] [--json] [--store]
                                               score an organisation's submissions against the current version
                                               and report, per submission, each test added, removed or giving
                                               a different result; --store keeps each result as a new grading
                                               of its submission (the original score is never modified)
Configuration (DATABASE_URL, DOCKER_SOCKET, ...) comes from the environment, as for the service.`;

/** A whole-number option ≥ 1, or undefined when it was not given. */
function positiveArg(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive whole number`);
  return n;
}

/** One test's result as a regrade report prints it: `passed 2/2 (message)`. */
const resultText = (r: TestResult) => `${r.status} ${r.points}/${r.maxPoints}${r.message ? ` (${r.message.split('\n')[0]})` : ''}`;

const changeText = (c: TestChange) =>
  c.reason === 'added' ? `added    ${c.test}: ${resultText(c.after)}`
  : c.reason === 'removed' ? `removed  ${c.test}: was ${resultText(c.before)}`
  : `result   ${c.test}: ${resultText(c.before)} -> ${resultText(c.after)}`;

async function regradeCommand(slug: string, org: string, limitArg: string | undefined, json: boolean, storeGradings: boolean): Promise<void> {
  const ctx = toolContext();
  const limit = positiveArg('--limit', limitArg) ?? 100;
  await withStore(ctx, async (store) => {
    const pkg = await catalogue(store.challenges).current(org, slug);
    if (!pkg) throw new UsageError(`no challenge ${slug} in ${databaseName(ctx)}`);
    const deps = { grader: ctx.grader, serverLimits: ctx.config.sandbox, submissions: store.submissions, gradings: store.gradings };
    const rows = await regrade(deps, org, pkg, { limit, store: storeGradings });
    if (json) return console.log(JSON.stringify(rows, null, 2));
    for (const r of rows) {
      const was = `${r.fromVersion.slice(0, 12)} ${r.before.verdict} ${r.before.earned}/${r.before.max}`;
      const now = `${pkg.version.slice(0, 12)} ${r.after.verdict} ${r.after.earned}/${r.after.max}`;
      console.log(`${r.changed ? 'CHANGED' : 'same   '} ${r.submissionId} ${was} -> ${now}`);
      for (const c of r.tests) console.log(`    ${changeText(c)}`);
      if (r.gradingId) console.log(`    stored as grading ${r.gradingId}`);
    }
    const stored = rows.filter((r) => r.gradingId).length;
    console.log(`${rows.length} submission(s) re-graded, ${rows.filter((r) => r.changed).length} changed; ${storeGradings ? `${stored} stored as new gradings, ` : ''}original scores untouched`);
  });
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      runner: { type: 'string' }, version: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' }, repeat: { type: 'string' }, store: { type: 'boolean' },
      org: { type: 'string' }, name: { type: 'string' }, slug: { type: 'string' }, 'owner-email': { type: 'string' }, 'owner-name': { type: 'string' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const need = (i: number, what: string) => {
    const v = positionals[i];
    if (!v) throw new UsageError(`missing ${what}`);
    return v;
  };
  switch (positionals.slice(0, 2).join(' ')) {
    case 'challenge new':
      console.log(await newChallenge(need(2, '<dir>'), values.runner ?? ''));
      return 0;
    case 'challenge validate':
      return (await validateChallenge(toolContext(), need(2, '<dir>'), console.log, positiveArg('--repeat', values.repeat))) ? 0 : 1;
    case 'challenge import':
      console.log(await importChallenge(toolContext(), need(2, '<dir>')));
      return 0;
    case 'org create':
      console.log(await createOrganisation(toolContext(), { name: values.name, slug: values.slug, ownerEmail: values['owner-email'], ownerName: values['owner-name'] }));
      return 0;
    case 'challenge export':
      console.log(await exportChallenge(toolContext(), need(2, '<slug>'), need(3, '<dir>'), values.version));
      return 0;
  }
  if (positionals[0] === 'regrade') {
    await regradeCommand(need(1, '<slug>'), values.org ?? DEFAULT_OWNER, values.limit, values.json ?? false, values.store ?? false);
    return 0;
  }
  throw new UsageError(positionals.length === 0 ? 'missing command' : `unknown command: ${positionals.join(' ')}`);
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (err instanceof ConfigError || err instanceof InvalidPackageError || err instanceof ConflictError) {
    console.error((err as Error).message);
    process.exitCode = 1;
  } else throw err;
}
