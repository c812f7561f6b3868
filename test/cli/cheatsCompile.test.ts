import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readPackage } from '../../src/challenges/readPackage.js';
import { repoRoot } from '../../src/repoRoot.js';
import { cheatsFor } from '../../src/tools/cheats/cheatsFor.js';
import { grader } from '../support/cheats.js';

const run = promisify(execFile);
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

const PARSE_PYTHON = 'find "$d" -name "*.py" -exec python3 -c "import ast, sys; [ast.parse(open(f).read(), f) for f in sys.argv[1:]]" {} +';

/** How each language checks one cheat's folder, offline, in its runner's image. */
const CHECK: Record<string, string> = {
  java: 'mkdir -p /tmp/out && javac -cp /usr/share/java/junit-platform-console-standalone.jar -d /tmp/out "$d"/*.java',
  // go ignores a go.mod directly in /tmp.
  go: 'mkdir -p /tmp/m && printf "module solution\\n\\ngo 1.19\\n" > /tmp/m/go.mod && cp "$d"/*.go /tmp/m/ && cd /tmp/m && HOME=/tmp GOCACHE=/tmp/cache go build .',
  // Parsed, and past the runner's type check (runners/node/typeCheck.js), which they opt out of.
  node: 'for f in "$d"/*.ts; do node --check "$f" || exit 1; done; printf \'{"extends":"/opt/assay/runner/tsconfig.defaults.json","compilerOptions":{"noEmit":true},"include":["%s*.ts"]}\' "$d" > /tmp/tsconfig.json && /node_modules/@typescript/typescript-linux-x64/lib/tsc -p /tmp/tsconfig.json',
  python: PARSE_PYTHON,
  http: PARSE_PYTHON,
  ruby: 'for f in "$d"/*.rb; do ruby -c "$f" >/dev/null || exit 1; done',
};

/** A cheat that does not compile tests nothing: each must get as far as the starter does. */
describe('generated cheats of the shipped challenges', () => {
  it.each(Object.keys(CHECK).map((r) => [r]))('compile in the %s image', async (runner) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-cheats-'));
    temps.push(dir);
    await chmod(dir, 0o755); // the image's user reads it
    const written: string[] = [];
    for (const slug of await readdir(path.join(repoRoot, 'challenges'))) {
      const pkg = await readPackage(path.join(repoRoot, 'challenges', slug));
      if (pkg.manifest.runner !== runner) continue;
      for (const cheat of cheatsFor(pkg.manifest.runner, { testNames: pkg.manifest.tests.map((t) => t.name), starter: pkg.starter, sampleTests: pkg.sampleTests })) {
        if (cheat.name === 'empty-solution') continue;
        const folder = path.join(dir, `${slug}--${cheat.name}`);
        for (const f of cheat.files) {
          await mkdir(path.dirname(path.join(folder, f.path)), { recursive: true });
          await writeFile(path.join(folder, f.path), f.content);
        }
        written.push(path.basename(folder));
      }
    }
    expect(written.length).toBeGreaterThan(5);
    const script = `status=0; for d in /cheats/*/; do (${CHECK[runner]}) >/tmp/log 2>&1 || { status=1; echo "== $d"; cat /tmp/log; }; rm -rf /tmp/m /tmp/out; done; exit $status`;
    const image = await grader.imageFor(runner);
    const result = await run('docker', ['run', '--rm', '--network', 'none', '-v', `${dir}:/cheats:ro`, '--entrypoint', 'sh', image, '-c', script]).then(
      () => '',
      (err: { stdout: string; stderr: string }) => `${err.stdout}${err.stderr}`,
    );
    expect(result).toBe('');
  }, 300_000);
});
