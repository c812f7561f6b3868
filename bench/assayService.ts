import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { ChallengePackage } from '../src/challenges/challengePackage.js';
import { loadConfig, type Config } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { repoRoot } from '../src/repoRoot.js';
import { openApiRuntime, type ApiRuntime } from '../src/runtime/apiRuntime.js';
import { appInfra, appServices } from '../src/runtime/appServices.js';
import { BUILTIN_OWNER } from '../src/tenancy/actor.js';
import { startWorker } from '../src/worker/startWorker.js';
import { createBenchDatabase } from './benchDatabase.js';
import type { BenchOptions, Database } from './options.js';

export const BENCH_QUEUE_PREFIX = 'assay-bench-';

/** The real service, as `npm start` runs it (API and worker in one process), listening on a free port. */
export interface AssayService {
  baseUrl: string;
  /** An API key of the benchmark's organisation, allowed to submit and read results. */
  apiKey: string;
  config: Config;
  rt: ApiRuntime;
  /** Stops everything, removes the queue and the database; returns the Redis keys left behind (none, if all went well). */
  close(): Promise<string[]>;
}

export interface ServiceChoice {
  /** @defaultValue sqlite */
  database?: Database;
  /** Start the worker with the API (as `npm start` does). @defaultValue true */
  worker?: boolean;
}

/**
 * Starts Assay on a fresh database and a random queue name, with `packages` stored as its
 * challenges (the packages live in different folders, so they are saved directly, as loadChallenges
 * would). `opts.serviceEnv` is applied last, so a run can lift limits that would throttle it.
 */
export async function startAssay(opts: BenchOptions, packages: ChallengePackage[], choice: ServiceChoice = {}): Promise<AssayService> {
  const db = await createBenchDatabase(choice.database ?? 'sqlite', opts.postgresUrl);
  const config = loadConfig({
    PORT: '0',
    REDIS_URL: opts.redisUrl,
    DOCKER_SOCKET: opts.dockerSocket,
    DATABASE_URL: db.url,
    CHALLENGES_DIR: path.join(repoRoot, 'test', 'fixtures', 'challenges'),
    QUEUE_NAME: `${BENCH_QUEUE_PREFIX}${randomBytes(6).toString('hex')}`,
    WORKER_CONCURRENCY: String(opts.concurrency),
    LOG_LEVEL: 'silent',
    ...opts.serviceEnv,
  });
  const rt = await openApiRuntime(config);
  for (const pkg of packages) await rt.store.challenges.save(BUILTIN_OWNER, pkg, new Date());
  const app = await buildApp(appServices(rt), appInfra(rt), false);
  rt.startConsumers();
  const worker = choice.worker === false ? undefined : await startWorker(rt);
  const apiKey = await benchApiKey(rt);
  const baseUrl = await app.listen({ port: config.http.port, host: config.http.host });
  return {
    baseUrl,
    apiKey,
    config,
    rt,
    async close() {
      try {
        await app.close();
        await worker?.close();
        await rt.queue.obliterate({ force: true });
        await rt.results.obliterate({ force: true });
        await rt.deadlines.obliterate({ force: true });
        // Published packages are the run's to remove; anything else left is a leak.
        const packages = await rt.redis.keys(`bull:${config.queueName}:package:*`);
        if (packages.length > 0) await rt.redis.del(...packages);
        // The runtime's other queues (practice, validations, webhooks …) ran no job here but leave their
        // meta key, and their consumers a stalled-check lock that would expire on its own.
        const idle = [...(await rt.redis.keys(`bull:${config.queueName}-*:meta`)), ...(await rt.redis.keys(`bull:${config.queueName}-*:stalled-check`))];
        if (idle.length > 0) await rt.redis.del(...idle);
        return rt.redis.keys(`bull:${config.queueName}*`);
      } finally {
        await rt.close();
        await db.drop();
      }
    },
  };
}

/** An organisation for the run and a key for it, made as `assay org create` and an owner would. */
async function benchApiKey(rt: ApiRuntime): Promise<string> {
  const { id, ownerMemberId } = await rt.organisations.create({ slug: 'bench', name: 'bench', owner: { email: 'owner@bench.test', name: 'bench', password: randomBytes(18).toString('hex') } });
  const owner = { kind: 'member', ownerId: id, memberId: ownerMemberId, role: 'owner' } as const;
  return (await rt.services.apiKeys.create(owner, { name: 'bench', scopes: ['invitations:write', 'results:read'] })).token;
}
