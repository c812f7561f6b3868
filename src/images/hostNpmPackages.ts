import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { layout } from './layout.js';

const run = promisify(execFile);

/**
 * A sandbox may list npm package specs in its `npm-packages` file (one a line, `#` comments). They are
 * packed on the host, where the registry is known to be reachable (an image build may not be), cached
 * under .cache/images/npm, and given to the build context as `npm/<file>.tgz`.
 */
export async function hostNpmPackages(sandboxDir: string, log: (msg: string) => void): Promise<string[]> {
  const specs = await readSpecs(join(sandboxDir, 'npm-packages'));
  const tarballs: string[] = [];
  for (const spec of specs) tarballs.push(await packOnce(spec, log));
  return tarballs;
}

async function readSpecs(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
}

async function packOnce(spec: string, log: (msg: string) => void): Promise<string> {
  const dir = join(layout.cache(), 'npm', spec.replace(/[^\w.@-]/g, '_'));
  const cached = await tarballIn(dir);
  if (cached) return cached;

  log(`npm pack ${spec}`);
  await mkdir(join(layout.cache(), 'npm'), { recursive: true });
  // Packed into a scratch directory and renamed, so an interrupted download is never taken for a cached one.
  const scratch = await mkdtemp(join(layout.cache(), 'npm', '.pack-'));
  try {
    await run('npm', ['pack', spec, '--pack-destination', scratch, '--silent'], { maxBuffer: 1 << 24 });
    await rename(scratch, dir);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const packed = await tarballIn(dir);
  if (!packed) throw new Error(`npm pack ${spec} produced no tarball`);
  return packed;
}

async function tarballIn(dir: string): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => []);
  const tarball = names.find((name) => name.endsWith('.tgz'));
  return tarball ? join(dir, tarball) : undefined;
}
