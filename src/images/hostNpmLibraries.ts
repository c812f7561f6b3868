import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, readFile, rename, rm, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { layout } from './layout.js';

const run = promisify(execFile);

/**
 * A sandbox may pin npm libraries its candidates can import offline in `libraries/package.json` and
 * `package-lock.json`. They are installed on the host, where the registry is reachable (the sandbox
 * has no network and no npm), cached by the lock file's hash under .cache/images/libraries, and the
 * install folder is returned for the build context; the Dockerfile copies its node_modules to /.
 */
export async function hostNpmLibraries(sandboxDir: string, log: (msg: string) => void): Promise<string | null> {
  const lockFile = join(sandboxDir, 'libraries', 'package-lock.json');
  const lock = await readFile(lockFile).catch(() => null);
  if (!lock) return null;
  const dir = join(layout.cache(), 'libraries', createHash('sha256').update(lock).digest('hex').slice(0, 16));
  if (await access(join(dir, 'node_modules')).then(() => true, () => false)) return dir;

  log(`npm ci (${join(sandboxDir, 'libraries')})`);
  await mkdir(join(layout.cache(), 'libraries'), { recursive: true });
  // Installed into a scratch directory and renamed, so an interrupted install is never taken for a cached one.
  const scratch = await mkdtemp(join(layout.cache(), 'libraries', '.install-'));
  try {
    await copyFile(join(sandboxDir, 'libraries', 'package.json'), join(scratch, 'package.json'));
    await copyFile(lockFile, join(scratch, 'package-lock.json'));
    await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--silent'], { cwd: scratch, maxBuffer: 1 << 24 });
    await rename(scratch, dir);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return dir;
}
