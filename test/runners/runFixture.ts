import type Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { buildContext } from '../../src/images/buildContext.js';

export interface FixtureRun {
  /** The harness's events, in order: the nonce-prefixed lines of stdout, parsed. */
  events: Array<{ type: string; test?: { name: string; status: string }; result?: ResultDocument }>;
  /** Killed at the deadline rather than exited. */
  timedOut: boolean;
  exitCode: number | null;
  log: string;
}

export interface ResultDocument {
  version: number;
  status: string;
  message: string | null;
  errorKind?: string;
  tests: Array<{ name: string; status: string }>;
}

const MB = 1024 * 1024;

/** Runs a fixture's solution/ and tests/ in `image` the way the worker does: production flags, stdin. */
export async function runFixture(docker: Docker, image: string, fixtureDir: string, deadlineMs: number): Promise<FixtureRun> {
  const nonce = randomBytes(16).toString('hex');
  const container = await docker.createContainer({
    Image: image,
    User: '10001:10001',
    Env: ['HOME=/tmp', 'LANG=C.UTF-8'],
    OpenStdin: true,
    StdinOnce: true,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    HostConfig: {
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      Tmpfs: { '/work': 'rw,exec,size=64m,uid=10001,gid=10001,mode=0700', '/tmp': 'rw,exec,size=64m,mode=1777' },
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      PidsLimit: 128,
      Memory: 512 * MB,
      MemorySwap: 512 * MB,
    },
  });
  try {
    const stream = await container.attach({ stream: true, hijack: true, stdin: true, stdout: true, stderr: true });
    let stdout = '';
    let log = '';
    const out = new PassThrough().on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const err = new PassThrough().on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    docker.modem.demuxStream(stream, out, err);
    const ended = new Promise((resolve) => stream.on('end', resolve));

    await container.start();
    stream.write(`${nonce}\n`);
    const archive = await buildContext([
      { dir: join(fixtureDir, 'solution'), prefix: 'solution/' },
      { dir: join(fixtureDir, 'tests'), prefix: 'tests/' },
    ]);
    archive.pipe(stream);

    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(() => resolve('deadline'), deadlineMs)));
    const exit = await Promise.race([container.wait(), deadline]);
    clearTimeout(timer);
    if (exit === 'deadline') await container.kill();
    await ended;

    const events = stdout
      .split('\n')
      .filter((line) => line.startsWith(`${nonce} `))
      .map((line) => JSON.parse(line.slice(nonce.length + 1)));
    for (const line of stdout.split('\n')) if (line !== '' && !line.startsWith(`${nonce} `)) log += `${line}\n`;
    return {
      events,
      timedOut: exit === 'deadline',
      exitCode: exit === 'deadline' ? null : (exit as { StatusCode: number }).StatusCode,
      log,
    };
  } finally {
    await container.remove({ force: true });
  }
}
