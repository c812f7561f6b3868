import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../src/repoRoot.js';

/** tsx's loader by absolute path, so a process can run from any working directory. */
const TSX = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;

/**
 * An Assay entry point (`src/main.ts`, `src/workerMain.ts`) in its own process, as `npm start`
 * or `npm run worker` runs it; `prefix` runs it through another command (e.g. `ip netns exec`).
 */
export function spawnAssay(entry: string, env: Record<string, string>, opts: { cwd?: string; prefix?: string[] } = {}): ChildProcess {
  const args = ['--import', TSX, path.join(repoRoot, entry)];
  const [cmd, ...rest] = [...(opts.prefix ?? []), process.execPath, ...args];
  return spawn(cmd!, rest, { cwd: opts.cwd ?? repoRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/** Stops a child with SIGTERM (Assay shuts down cleanly on it) and waits for it. */
export async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await exited(child);
}

/** A TCP port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `check` answers true; fails after `ms`, or at once when `check` throws. */
export async function eventually(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
