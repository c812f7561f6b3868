import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { challengeVersion, currentChallenge, saveChallenge } from '../challenges/challengeStore.js';
import type { PackageFile } from '../challenges/challengePackage.js';
import { readPackage } from '../challenges/readPackage.js';
import { validatePackage } from '../challenges/validatePackage.js';
import { isRunnerName, RUNNERS } from '../images/runners.js';
import { repoRoot } from '../repoRoot.js';
import type { ToolContext } from './toolContext.js';
import { UsageError } from './UsageError.js';

/** The language of a runner's example fixture, where it is not named after the runner. */
const EXAMPLE_LANGUAGE: Record<string, string> = { node: 'typescript', http: 'python' };

/** `assay challenge new --runner <r> <dir>`: a package that works, made from the runner's passing fixture. */
export async function newChallenge(dir: string, runner: string): Promise<string> {
  if (!isRunnerName(runner)) throw new UsageError(`--runner must be one of ${RUNNERS.join(', ')}`);
  const slug = path.basename(path.resolve(dir));
  const fixture = path.join(repoRoot, 'runners', runner, 'fixtures', 'pass');
  const expected = JSON.parse(await readFile(path.join(fixture, 'expected.json'), 'utf8')) as { tests: Record<string, string> };
  if ((await readdir(dir).catch(() => [])).length > 0) throw new UsageError(`${dir} exists and is not empty`);
  await mkdir(dir, { recursive: true });
  for (const [from, to] of [['solution', 'solution'], ['solution', 'starter'], ['tests', 'tests/hidden'], ['tests', 'tests/sample']] as const) {
    await cp(path.join(fixture, from), path.join(dir, to), { recursive: true });
  }
  const manifest = {
    slug,
    title: slug.replaceAll('-', ' '),
    summary: 'One sentence a candidate reads in the catalogue.',
    runner,
    language: EXAMPLE_LANGUAGE[runner] ?? runner,
    skills: ['api-design'],
    tests: Object.keys(expected.tests).map((name) => ({ name, points: 1 })),
  };
  await writeFile(path.join(dir, 'challenge.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(path.join(dir, 'statement.md'), `# ${manifest.title}\n\nWhat to build, the interface to implement, and how it is judged.\n`);
  return [
    `created ${dir} from the ${runner} runner's example; next:`,
    '  1. write statement.md, the reference in solution/ and the candidate\'s starting point in starter/',
    '  2. write tests/hidden/ (scored) and tests/sample/ (shown), list every hidden test in challenge.json with its points',
    '  3. add plausible wrong solutions under mutants/<name>/ so each hidden test is shown to catch something',
    `  4. npm run assay -- challenge validate ${dir}`,
  ].join('\n');
}

/** `assay challenge validate <dir>`: every check, with what to fix; false when any failed. */
export async function validateChallenge(ctx: ToolContext, dir: string, print: (line: string) => void): Promise<boolean> {
  const report = await validatePackage(ctx.grader, dir);
  for (const check of report.checks) print(`  ok   ${check}`);
  for (const problem of report.problems) print(`  FAIL ${problem}`);
  print(report.problems.length === 0 ? `${report.slug}: valid` : `${report.slug ?? dir}: ${report.problems.length} problem(s)`);
  return report.problems.length === 0;
}

/** `assay challenge import <dir>`: stores the package as the challenge's current version. */
export async function importChallenge(ctx: ToolContext, dir: string): Promise<string> {
  const pkg = await readPackage(dir);
  const { db, close } = ctx.openDb();
  try {
    saveChallenge(db, pkg);
  } finally {
    close();
  }
  return `imported ${pkg.manifest.slug}@${pkg.version.slice(0, 12)} into ${ctx.config.databasePath}`;
}

/** `assay challenge export <slug> <dir> [--version v]`: writes a stored version back out as a package. */
export async function exportChallenge(ctx: ToolContext, slug: string, dir: string, version?: string): Promise<string> {
  const { db, close } = ctx.openDb();
  const pkg = (() => {
    try {
      return version ? challengeVersion(db, slug, version) : currentChallenge(db, slug);
    } finally {
      close();
    }
  })();
  if (!pkg) throw new UsageError(`no challenge ${slug}${version ? `@${version}` : ''} in ${ctx.config.databasePath}`);
  const write = async (prefix: string, files: PackageFile[]) => {
    for (const f of files) {
      const target = path.join(dir, prefix, f.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, f.content);
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
