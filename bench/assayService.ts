import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChallengePackage } from '../src/challenges/challengePackage.js';
import { saveChallenge } from '../src/challenges/challengeStore.js';
import { loadConfig, type Config } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { repoRoot } from '../src/repoRoot.js';
import { openRuntime, type Runtime } from '../src/runtime.js';
import { startWorker } from '../src/worker/startWorker.js';
import type { BenchOptions } from './options.js';

export const BENCH_QUEUE_PREFIX = 'assay-bench-';

/** The real service, as `npm start` runs it (API and worker in one process), listening on a free port. */
export interface AssayService {
  baseUrl: string;
  config: Config;
  rt: Runtime;
  /** Stops everything, removes the queue and the database; returns the Redis keys left behind (none, if all went well). */
  close(): Promise<string[]>;
}

/**
 * Starts Assay on a fresh SQLite file and a random queue name, with `packages` stored as its
 * challenges (the packages live in different folders, so they are saved directly, as loadChallenges would).
 */
export async function startAssay(opts: BenchOptions, packages: ChallengePackage[]): Promise<AssayService> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assay-bench-'));
  const config = loadConfig({
    PORT: '0',
    REDIS_URL: opts.redisUrl,
    DOCKER_SOCKET: opts.dockerSocket,
    DATABASE_URL: path.join(dir, 'assay.db'),
    CHALLENGES_DIR: path.join(repoRoot, 'test', 'fixtures', 'challenges'),
    QUEUE_NAME: `${BENCH_QUEUE_PREFIX}${randomBytes(6).toString('hex')}`,
    WORKER_CONCURRENCY: String(opts.concurrency),
    LOG_LEVEL: 'silent',
  });
  const rt = openRuntime(config);
  for (const pkg of packages) saveChallenge(rt.database.db, pkg);
  const app = await buildApp(rt.appDeps, false);
  const worker = await startWorker(rt);
  const baseUrl = await app.listen({ port: config.http.port, host: config.http.host });
  return {
    baseUrl,
    config,
    rt,
    async close() {
      try {
        await app.close();
        await worker.close();
        await rt.queue.obliterate({ force: true });
        return await rt.redis.keys(`bull:${config.queueName}:*`);
      } finally {
        await rt.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
