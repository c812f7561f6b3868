// The type check of a TypeScript solution: TypeScript's native tsc --noEmit over the solution's .ts
// files, under the challenge's tests/tsconfig.json (over tsconfig.defaults.json). The root harness runs
// it as the candidate user (the only one who may read the solution) before any of the solution's code
// runs: tsc reads the files and executes none of them, and nothing of the candidate's runs until it
// has answered, so nothing but the files decides what it reports.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TSC = '/node_modules/@typescript/typescript-linux-x64/lib/tsc';
const DEFAULTS = new URL('./tsconfig.defaults.json', import.meta.url).pathname;
const CONFIG_DIR = '/tmp/assay-typecheck';
const TYPESCRIPT = /\.[mc]?ts$/;

/** The solution's TypeScript files (absolute paths); read while root still owns the tree. */
export function typeScriptFiles(root) {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && TYPESCRIPT.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Writes the check's tsconfig (root's, readable by all): the defaults, then the challenge's own
 * options when its tests have a tsconfig.json, then what no challenge may change (nothing is emitted).
 * Call while root can still read the tests.
 */
export function writeCheckConfig(files, testsDir) {
  mkdirSync(CONFIG_DIR, { recursive: true, mode: 0o755 });
  chmodSync(CONFIG_DIR, 0o755);
  const challenge = join(testsDir, 'tsconfig.json');
  const bases = [DEFAULTS];
  if (existsSync(challenge)) {
    writeFileSync(join(CONFIG_DIR, 'challenge.json'), readFileSync(challenge), { mode: 0o644 });
    bases.push(join(CONFIG_DIR, 'challenge.json'));
  }
  const config = { extends: bases, compilerOptions: { noEmit: true, pretty: false, incremental: false, composite: false }, files };
  writeFileSync(join(CONFIG_DIR, 'tsconfig.json'), JSON.stringify(config), { mode: 0o644 });
}

/** Runs the check as `uid`; resolves to null when the solution type-checks, else tsc's report, its paths relative to the solution. */
export function typeCheck(uid) {
  const args = ['-p', join(CONFIG_DIR, 'tsconfig.json'), '--singleThreaded'];
  // From /, which root may enter before it becomes `uid`: tsc names files relative to it.
  const options = { uid, gid: uid, cwd: '/', env: { PATH: '/usr/bin:/bin', HOME: '/tmp', LANG: 'C.UTF-8' }, maxBuffer: 1 << 20 };
  return new Promise((resolve) => {
    execFile(TSC, args, options, (err, stdout, stderr) => {
      if (!err) return resolve(null);
      const report = `${stdout}${stderr}`.trim().replace(/^work\/solution\//gm, '');
      resolve(report === '' ? `the type check failed: ${err.message}` : report);
    });
  });
}
