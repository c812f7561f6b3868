import type Docker from 'dockerode';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImageBuildError } from './ImageBuildError.js';
import { runLogged } from './runLogged.js';

const MIRROR = 'http://deb.debian.org/debian';

// The same suites as debian:bookworm-slim, so either root gets security fixes on `apt-get install`.
const SOURCES = `deb ${MIRROR} bookworm main
deb ${MIRROR} bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
`;

/**
 * Makes `image` from Debian packages alone (debootstrap --variant=minbase), for machines that reach
 * Debian's mirrors but no container registry. Needs root and debootstrap on the host.
 */
export async function debootstrapRoot(docker: Docker, image: string, log: (msg: string) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-rootfs-'));
  try {
    await runLogged('debootstrap', ['--variant=minbase', 'bookworm', dir, MIRROR], log);
    await writeFile(join(dir, 'etc/apt/sources.list'), SOURCES);
    // The downloaded .debs and package lists are megabytes the image has no use for; apt wants the
    // directories themselves.
    for (const cache of ['var/cache/apt/archives', 'var/lib/apt/lists']) {
      await rm(join(dir, cache), { recursive: true, force: true });
      await mkdir(join(dir, cache, 'partial'), { recursive: true });
    }
    await importDirectory(docker, dir, image);
  } catch (err) {
    throw err instanceof ImageBuildError ? err : new ImageBuildError(image, (err as Error).message);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function importDirectory(docker: Docker, dir: string, image: string): Promise<void> {
  const [repo, tag] = image.split(':');
  const tar = spawn('tar', ['-C', dir, '--numeric-owner', '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const tarExit = new Promise<number | null>((resolve) => tar.on('close', resolve));
  const output = await docker.importImage(tar.stdout, { repo, tag });
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(output, (err: Error | null) => (err ? reject(err) : resolve())),
  );
  const code = await tarExit;
  if (code !== 0) throw new ImageBuildError(image, `tar of the debootstrapped root exited with ${code}`);
}
