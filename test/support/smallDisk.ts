import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A small filesystem of the test's own (a tmpfs mount, root only) that a test can fill up and free again. */
export interface SmallDisk {
  dir: string;
  /** Takes every free byte, so the next write that must grow a file fails with ENOSPC. */
  fill(): Promise<void>;
  /** Gives the space back. */
  free(): void;
  destroy(): Promise<void>;
}

export async function mountSmallDisk(megabytes: number): Promise<SmallDisk> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assay-disk-'));
  await run('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0755`, 'tmpfs', dir]);
  const filler = path.join(dir, 'filler');
  return {
    dir,
    async fill() {
      const { bavail, bsize } = statfsSync(dir);
      await run('fallocate', ['-l', String(bavail * bsize), filler]);
    },
    free: () => rmSync(filler, { force: true }),
    async destroy() {
      await run('umount', [dir]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
