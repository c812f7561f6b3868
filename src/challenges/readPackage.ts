import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { fileBytes, fileOf } from './fileBytes.js';
import { ManifestSchema, SERVICE_RUNNERS } from './manifest.js';
import type { ChallengePackage, PackageFile } from './challengePackage.js';
import { InvalidPackageError } from './InvalidPackageError.js';

async function readTree(root: string, dir = ''): Promise<PackageFile[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  const files: PackageFile[] = [];
  // Code-point order, not the locale's: the version hash must be the same on every machine.
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await readTree(root, rel)));
    else if (entry.isFile()) files.push(fileOf(rel, await readFile(path.join(root, rel))));
  }
  return files;
}

/** SHA-256 over every file's path and bytes; mutants are authoring aids and do not make a new version. */
function versionOf(files: PackageFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) {
    if (f.path.startsWith('mutants/')) continue;
    const bytes = fileBytes(f);
    hash.update(`${f.path}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

const under = (files: PackageFile[], prefix: string): PackageFile[] =>
  files.filter((f) => f.path.startsWith(`${prefix}/`)).map((f) => ({ ...f, path: f.path.slice(prefix.length + 1) }));

export async function readPackage(dir: string): Promise<ChallengePackage> {
  const files = await readTree(dir);
  const manifestFile = files.find((f) => f.path === 'challenge.json');
  if (!manifestFile) throw new InvalidPackageError(dir, ['challenge.json is missing']);
  const binary = files.filter((f) => ['challenge.json', 'statement.md'].includes(f.path) && f.encoding === 'base64');
  if (binary.length > 0) throw new InvalidPackageError(dir, binary.map((f) => `${f.path} is not UTF-8 text`));
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestFile.content);
  } catch (err) {
    throw new InvalidPackageError(dir, [`challenge.json is not JSON: ${(err as Error).message}`]);
  }
  const problems = [...Value.Errors(ManifestSchema, manifest)].map((e) => `challenge.json${e.path}: ${e.message}`);
  if (problems.length > 0) throw new InvalidPackageError(dir, problems);
  const statement = files.find((f) => f.path === 'statement.md');
  const pkg: ChallengePackage = {
    manifest: manifest as ChallengePackage['manifest'],
    manifestSource: manifestFile.content,
    version: versionOf(files),
    statement: statement?.content ?? '',
    starter: under(files, 'starter'),
    sampleTests: under(files, 'tests/sample'),
    hiddenTests: under(files, 'tests/hidden'),
    solution: under(files, 'solution'),
  };
  const missing = [
    !statement && 'statement.md is missing',
    pkg.hiddenTests.length === 0 && 'tests/hidden/ has no tests',
    pkg.solution.length === 0 && 'solution/ is empty',
    path.basename(dir) !== pkg.manifest.slug && `the folder is named ${path.basename(dir)} but the slug is ${pkg.manifest.slug}`,
  ].filter((p): p is string => typeof p === 'string');
  const names = pkg.manifest.tests.map((t) => t.name);
  const dupes = names.filter((n, i) => names.indexOf(n) !== i);
  if (pkg.manifest.options?.race && pkg.manifest.runner !== 'go') missing.push(`options.race is for the go runner only, not ${pkg.manifest.runner}`);
  if (pkg.manifest.options?.framework !== undefined && pkg.manifest.runner !== 'node') missing.push(`options.framework chooses the node runner's test framework; the ${pkg.manifest.runner} runner has no choice`);
  if (pkg.manifest.options?.engine !== undefined && pkg.manifest.runner !== 'sql') missing.push(`options.engine chooses the sql runner's engine; the ${pkg.manifest.runner} runner has none`);
  const databaseServices = (pkg.manifest.services ?? []).filter((s) => s === 'postgres' || s === 'mariadb');
  const hasServer = ['postgres', 'mariadb'].includes(pkg.manifest.options?.engine ?? 'sqlite') || databaseServices.length > 0;
  if (pkg.manifest.options?.engineSettings !== undefined && !hasServer) missing.push('options.engineSettings are settings of a database server: set options.engine to "postgres" or "mariadb" (sql runner) or list "postgres" or "mariadb" in services (python and http runners)');
  if (pkg.manifest.options?.engineSettings !== undefined && databaseServices.length > 1) missing.push('options.engineSettings are one database server\'s settings, and services lists both postgres and mariadb: drop the settings, or one of the two');
  for (const [name, value] of Object.entries(pkg.manifest.options?.engineSettings ?? {})) {
    // The harness passes each as `-c name=value` (runners/sql/pg_server.py).
    if (!/^[a-z_][a-z0-9_.]*$/.test(name) || value.includes('\n')) missing.push(`options.engineSettings.${name}: a setting is a lower-case name and a one-line value`);
  }
  if (pkg.manifest.services !== undefined && !SERVICE_RUNNERS.includes(pkg.manifest.runner)) {
    missing.push(`services start inside the sandbox of the ${SERVICE_RUNNERS.join(' and ')} runners only; the ${pkg.manifest.runner} runner starts none: drop services, or use one of those runners`);
  }
  if (dupes.length > 0) missing.push(`tests listed twice in challenge.json: ${dupes.join(', ')}`);
  for (const t of pkg.manifest.tests) {
    const foreign = (t.skills ?? []).filter((s) => !pkg.manifest.skills.includes(s));
    if (foreign.length > 0) missing.push(`test ${t.name} measures ${foreign.join(', ')}, which the challenge's skills do not list`);
  }
  const groups = (pkg.manifest.critical ?? []).map((g) => g.name);
  const twice = groups.filter((n, i) => groups.indexOf(n) !== i);
  if (twice.length > 0) missing.push(`critical groups named twice in challenge.json: ${twice.join(', ')}`);
  for (const g of pkg.manifest.critical ?? []) {
    const unknown = g.tests.filter((t) => !names.includes(t));
    if (unknown.length > 0) missing.push(`critical group "${g.name}" names tests challenge.json does not list: ${unknown.join(', ')}`);
  }
  if (missing.length > 0) throw new InvalidPackageError(dir, missing);
  return pkg;
}
