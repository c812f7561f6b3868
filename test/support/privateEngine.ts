import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { exited } from './processes.js';

const run = promisify(execFile);

/**
 * A Docker engine of the test's own, on its own socket and data root, so a test may stop and
 * restart it: the machine's engine, which every other test and service uses, is never touched.
 * No iptables rules, and a bridge of its own: sandboxes have no network anyway, and with `--bridge=none`
 * dockerd deletes the host's `docker0`, which the machine's engine needs to build images.
 */
export interface PrivateEngine {
  socket: string;
  docker: Docker;
  /** Stops the engine as an operator does (SIGTERM: it stops its containers), then starts it again. */
  restart(): Promise<void>;
  /** Stops it and removes everything it kept. */
  destroy(): Promise<void>;
}

export async function startPrivateEngine(images: string[]): Promise<PrivateEngine> {
  const id = randomBytes(4).toString('hex');
  const runDir = `/run/assay-faults-${id}`;
  const dataRoot = `/var/lib/assay-faults-${id}`;
  const socket = `${runDir}/docker.sock`;
  mkdirSync(runDir, { recursive: true });
  const bridge = `assayf${id}`;
  await run('ip', ['link', 'add', bridge, 'type', 'bridge']);
  const log = openSync(`${runDir}/dockerd.log`, 'a');
  const docker = new Docker({ socketPath: socket });
  let daemon: ChildProcess;
  const start = async () => {
    daemon = spawn('dockerd', [
      `--host=unix://${socket}`, `--data-root=${dataRoot}`, `--exec-root=${runDir}/exec`, `--pidfile=${runDir}/docker.pid`,
      `--bridge=${bridge}`, '--iptables=false', '--ip6tables=false',
      `--containerd-namespace=assay-faults-${id}`, `--containerd-plugins-namespace=assay-faults-${id}-plugins`,
    ], { stdio: ['ignore', log, log] });
    const until = Date.now() + 60_000;
    while (!(await docker.ping().then(() => true, () => false))) {
      if (daemon.exitCode !== null) throw new Error(`the private dockerd exited (${runDir}/dockerd.log)`);
      if (Date.now() > until) throw new Error('the private dockerd did not answer within 60 s');
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const stop = async () => {
    daemon.kill('SIGTERM');
    await exited(daemon);
  };
  await start();
  // The images it runs, copied from the machine's engine (there is no registry to pull from).
  for (const image of images) await run('sh', ['-c', `docker save ${image} | docker -H unix://${socket} load -q`], { maxBuffer: 1 << 20 });
  return {
    socket,
    docker,
    async restart() {
      await stop();
      await start();
    },
    async destroy() {
      // Containers first: one whose shim outlived dockerd kept its overlay mounted (EBUSY on the data root).
      for (const c of await docker.listContainers({ all: true }).catch(() => [])) await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
      await stop();
      // dockerd mounts its data root over itself (private propagation), containers' overlays under it; the mounts outlive it.
      const mounts = readFileSync('/proc/self/mounts', 'utf8').split('\n').map((line) => line.split(' ')[1] ?? '')
        .filter((m) => m === dataRoot || m.startsWith(`${dataRoot}/`)).sort((a, b) => b.length - a.length);
      for (const m of mounts) await run('umount', [m]).catch(() => undefined);
      rmSync(dataRoot, { recursive: true, force: true });
      rmSync(runDir, { recursive: true, force: true });
      await run('ip', ['link', 'delete', bridge]).catch(() => undefined);
    },
  };
}
