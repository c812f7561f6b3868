import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { eventually, exited, freePort } from './processes.js';

/**
 * A `redis-server` of the test's own on a free port, so a test may SIGKILL it: the machine's Redis,
 * which every other test uses, is never touched. Append-only with its data in a temporary folder,
 * as `compose.yaml` runs Redis, so a restart finds the queues as they were.
 */
export interface PrivateRedis {
  url: string;
  /** SIGKILL, as the kernel's OOM killer or a crash would stop it. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** The keys under `pattern` now. */
  keys(pattern: string): Promise<string[]>;
  destroy(): Promise<void>;
}

export async function startPrivateRedis({ persistent }: { persistent: boolean }): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assay-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  const ask = async <T>(work: (r: Redis) => Promise<T>): Promise<T> => {
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    r.on('error', () => undefined);
    try {
      await r.connect();
      return await work(r);
    } finally {
      r.disconnect();
    }
  };
  const start = async () => {
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', persistent ? 'yes' : 'no', '--save', ''], { stdio: 'ignore' });
    await eventually(() => ask((r) => r.ping()).then(() => true, () => false), 10_000, `redis-server on ${port}`);
  };
  const kill = async () => {
    if (!server) return;
    server.kill('SIGKILL');
    await exited(server);
    server = undefined;
  };
  await start();
  return {
    url,
    kill,
    start,
    keys: (pattern) => ask((r) => r.keys(pattern)),
    async destroy() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
