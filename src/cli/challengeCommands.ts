import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PackageFile } from '../challenges/challengePackage.js';
import { fileBytes } from '../challenges/fileBytes.js';
import { readPackage } from '../challenges/readPackage.js';
import { validatePackage } from '../tools/validatePackage.js';
import { repeatCheck } from '../tools/repeatCheck.js';
import { isRunnerName, RUNNERS } from '../images/runners.js';
import { repoRoot } from '../repoRoot.js';
import type { ToolContext } from '../runtime/toolContext.js';
import type { Store } from '../platform/store.js';
import { BUILTIN_OWNER } from '../tenancy/actor.js';
import { UsageError } from './UsageError.js';

/**
 * `assay challenge new --runner <r> <dir>`: the runner's skeleton (`runners/<r>/skeleton/`), a package
 * that already passes `validate`: a reference, a starter that scores below it, a mutant per hidden test.
 */
export async function newChallenge(dir: string, runner: string): Promise<string> {
  if (!isRunnerName(runner)) throw new UsageError(`--runner must be one of ${RUNNERS.join(', ')}`);
  const slug = path.basename(path.resolve(dir));
  if ((await readdir(dir).catch(() => [])).length > 0) throw new UsageError(`${dir} exists and is not empty`);
  await mkdir(dir, { recursive: true });
  await cp(path.join(repoRoot, 'runners', runner, 'skeleton'), dir, { recursive: true });
  const manifestPath = path.join(dir, 'challenge.json');
  const manifest = { slug, title: slug.replaceAll('-', ' '), ...(JSON.parse(await readFile(manifestPath, 'utf8')) as object) };
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(path.join(dir, 'statement.md'), `# ${manifest.title}\n\nWhat to build, the interface to implement, and how it is judged.\n`);
  return [
    `created ${dir} from the ${runner} runner's example; next:`,
    '  1. write statement.md, the reference in solution/ and the candidate\'s starting point in starter/',
    '  2. write tests/hidden/ (scored) and tests/sample/ (shown), list every hidden test in challenge.json with its points',
    '  3. keep a plausible wrong solution under mutants/<name>/ for each hidden test, so each is shown to catch something',
    `  4. npx assay challenge validate ${dir}`,
  ].join('\n');
}

/**
 * `assay challenge validate <dir> [--repeat N]`: every check, with what to fix; false when any failed.
 * With `--repeat`, a readable package's variants then run N times each under load (tools/repeatCheck.ts).
 */
export async function validateChallenge(ctx: ToolContext, dir: string, print: (line: string) => void, repeat?: number): Promise<boolean> {
  const report = await validatePackage(ctx.grader, ctx.config.sandbox, dir);
  if (repeat !== undefined && report.slug !== null) {
    const r = await repeatCheck(ctx.grader, ctx.config.sandbox, dir, { repeat, concurrency: ctx.config.worker.concurrency });
    const runs = `${r.variants.length} variants × ${repeat} runs, ${ctx.config.worker.concurrency} at once beside a CPU hog, in ${(r.elapsedMs / 1000).toFixed(0)} s`;
    if (r.unstable.length === 0) report.checks.push(`every test gave the same result in ${runs}`);
    for (const u of r.unstable) {
      const seen = Object.entries(u.seen).map(([result, n]) => `${result} ×${n}`).join(', ');
      report.problems.push(`${u.test} of the ${u.variant} is unstable under load (${runs}): ${seen}; make its outcome independent of timing and chance.`);
    }
  }
  for (const check of report.checks) print(`  ok   ${check}`);
  for (const problem of report.problems) print(`  FAIL ${problem}`);
  print(report.problems.length === 0 ? `${report.slug}: valid` : `${report.slug ?? dir}: ${report.problems.length} problem(s)`);
  return report.problems.length === 0;
}

/** Runs `work` on the configured database, closing it afterwards. */
export async function withStore<T>(ctx: ToolContext, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await ctx.openStore();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The database as a message names it, without a PostgreSQL URL's password. */
export const databaseName = ({ config: { database } }: ToolContext) =>
  database.kind === 'sqlite' ? database.file : database.url.replace(/\/\/[^@/]*@/, '//');

/** `assay challenge import <dir>`: stores the package as the challenge's current version in the built-in pack. */
export async function importChallenge(ctx: ToolContext, dir: string): Promise<string> {
  const pkg = await readPackage(dir);
  await withStore(ctx, (store) => store.challenges.save(BUILTIN_OWNER, pkg, new Date()));
  return `imported ${pkg.manifest.slug}@${pkg.version.slice(0, 12)} into ${databaseName(ctx)}`;
}

/** `assay challenge export <slug> <dir> [--version v]`: writes a stored version back out as a package. */
export async function exportChallenge(ctx: ToolContext, slug: string, dir: string, version?: string): Promise<string> {
  const pkg = await withStore(ctx, (store) =>
    version ? store.challenges.version(BUILTIN_OWNER, slug, version) : store.challenges.current(BUILTIN_OWNER, slug));
  if (!pkg) throw new UsageError(`no challenge ${slug}${version ? `@${version}` : ''} in ${databaseName(ctx)}`);
  const write = async (prefix: string, files: PackageFile[]) => {
    for (const f of files) {
      const target = path.join(dir, prefix, f.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, fileBytes(f));
    }
  };
  await write('', [
    { path: 'challenge.json', content: pkg.manifestSource },
    { path: 'statement.md', content: pkg.statement },
  ]);
  await write('starter', pkg.starter);
  await write('tests/sample', pkg.sampleTests);
  await write('tests/hidden', pkg.hiddenTests);
  await write('solution', pkg.solution);
  return `exported ${slug}@${pkg.version.slice(0, 12)} to ${dir}`;
}
