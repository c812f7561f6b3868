import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';
import { eventually, idleWarmContainers } from '../support/warmContainers.js';

/**
 * Warm profiles (docs/sandbox.md, "Warm containers"): the pool keeps containers per image, limits and the
 * servers the challenge asks for, and a waiting container of a PostgreSQL challenge has its server up and
 * taking the tester's logins before any submission, while one of a SQLite challenge starts nothing; so do an
 * http challenge's services.
 */
let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/warm-servers'), WORKER_POOL_SIZE: '1', WORKER_POOL_IDLE_MS: '600000' } });
});
afterAll(async () => svc.close());

/** A command run in a container as `user`: its exit code and output. */
async function execIn(info: Docker.ContainerInspectInfo, user: string, cmd: string[]): Promise<{ code: number; out: string }> {
  const exec = await svc.rt.docker.getContainer(info.Id).exec({ Cmd: cmd, User: user, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  let out = '';
  const sink = new PassThrough().on('data', (chunk: Buffer) => (out += chunk.toString()));
  svc.rt.docker.modem.demuxStream(stream, sink, sink);
  await new Promise((resolve) => stream.on('end', resolve));
  return { code: (await exec.inspect()).ExitCode ?? -1, out };
}

/** The command lines of every process in the container (any user may read them). */
const processes = async (info: Docker.ContainerInspectInfo) =>
  (await execIn(info, '0:0', ['python3', '-c', "import os\nfor p in os.listdir('/proc'):\n  if p.isdigit():\n    try: print(open(f'/proc/{p}/cmdline','rb').read().replace(b'\\0',b' ').decode())\n    except OSError: pass"])).out;

/** The one idle warm container of a challenge, whose Cmd names its servers, once the pool has made it. */
const warmFor = async (slugOfFirstRun: string, files: { path: string; content: string }[], servers: string) => {
  const first = await waitForResult(svc, await submit(svc, slugOfFirstRun, files), 90_000);
  expect(first.verdict, JSON.stringify(first)).toBe('passed');
  const ready = await eventually(() => idleWarmContainers(svc), (w) => w.some((c) => JSON.stringify(c.Config.Cmd ?? []).includes(servers)), 30_000);
  const found = ready.find((c) => JSON.stringify(c.Config.Cmd ?? []).includes(servers));
  expect(found, JSON.stringify(ready.map((c) => c.Config.Cmd))).toBeDefined();
  return found!;
};

const honest = [{ path: 'total.sql', content: "SELECT sum(total_cents) AS paid_cents FROM orders WHERE status = 'paid';\n" }];

describe('warm sandboxes of a challenge with a database server', () => {
  it('have the PostgreSQL server up and taking the tester\'s logins before any run takes them', async () => {
    const idle = await warmFor('paid-total-postgres', honest, 'postgres');
    const ping = "import psycopg2; psycopg2.connect(host='/tmp/pg/run', port=5432, user='assay_admin', dbname='template1').close()";
    // Given time: the container may have been made a moment ago, and a waiting one has the lowest CPU
    // weight, so on a saturated machine its start crawls (a run that takes it raises the weight).
    const up = await eventually(() => execIn(idle, '10002:10002', ['python3', '-c', ping]), (r) => r.code === 0, 240_000);
    expect(up, up.out).toMatchObject({ code: 0 });
    expect(await processes(idle)).toContain('/usr/lib/postgresql/15/bin/postgres -D /tmp/pg/data');
    // A data area sized for the server, inside the run's memory.
    expect(idle.HostConfig.Tmpfs?.['/tmp']).toContain('size=256m');
  }, 420_000);

  it('scores a run through such a container exactly: the harness uses the running server with a fresh, seeded database', async () => {
    const [idle] = await idleWarmContainers(svc);
    const passed = await waitForResult(svc, await submit(svc, 'paid-total-postgres', honest), 90_000);
    expect(passed).toMatchObject({ status: 'completed', verdict: 'passed', score: { earned: 4, max: 4 } });
    // It was taken: removed after its run, and the pool made another.
    await expect(svc.rt.docker.getContainer(idle!.Id).inspect()).rejects.toThrow();
    const next = await eventually(() => idleWarmContainers(svc), (w) => w.length === 1 && w[0]!.Id !== idle!.Id, 30_000);
    expect(next.map((c) => c.Id)).not.toContain(idle!.Id);

    const wrong = [{ path: 'total.sql', content: 'SELECT sum(total_cents) AS paid_cents FROM orders;\n' }];
    const failed = await waitForResult(svc, await submit(svc, 'paid-total-postgres', wrong), 90_000);
    expect(failed).toMatchObject({ status: 'completed', verdict: 'failed', score: { earned: 0, max: 4 } });
  });
});

describe('warm sandboxes of a SQLite challenge', () => {
  it('start no server and keep the small /tmp', async () => {
    const idle = await warmFor('count-sqlite', [{ path: 'count.sql', content: 'SELECT count(*) AS n FROM items;\n' }], '/opt/assay/entry');
    const running = await processes(idle);
    expect(running).toContain('/opt/assay/runner/run');
    expect(running).not.toMatch(/postgres|mariadbd/);
    expect(idle.HostConfig.Tmpfs?.['/tmp']).toContain('size=64m');
  });
});

describe('warm sandboxes of an http challenge with services', () => {
  it('have MariaDB and Redis up before any run takes them, and score a run through them', async () => {
    const app = readFileSync(path.join(repoRoot, 'test/fixtures/warm-servers/count-http-services/solution/app.py'), 'utf8');
    const files = [{ path: 'app.py', content: app }];
    const idle = await warmFor('count-http-services', files, 'mariadb');
    const ping = "import pymysql; pymysql.connect(unix_socket='/tmp/maria/run/mariadb.sock', user='tester').close()";
    const up = await eventually(() => execIn(idle, '10002:10002', ['python3', '-c', ping]), (r) => r.code === 0, 240_000);
    expect(up, up.out).toMatchObject({ code: 0 });
    const running = await processes(idle);
    expect(running).toContain('/usr/sbin/mariadbd');
    expect(running).toContain('redis-server');
    expect(idle.HostConfig.Tmpfs?.['/tmp']).toContain('size=256m');

    const passed = await waitForResult(svc, await submit(svc, 'count-http-services', files), 90_000);
    expect(passed).toMatchObject({ status: 'completed', verdict: 'passed', score: { earned: 2, max: 2 } });
    await expect(svc.rt.docker.getContainer(idle.Id).inspect()).rejects.toThrow();
  }, 420_000);
});
