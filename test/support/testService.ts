import { loadChallenges } from '../../src/challenges/loadChallenges.js';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';
import { loadConfig, type Config } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { openApiRuntime, type ApiRuntime } from '../../src/runtime/apiRuntime.js';
import { appInfra, appServices } from '../../src/runtime/appServices.js';
import { BUILTIN_OWNER } from '../../src/tenancy/actor.js';
import { seedOrganisation, type SeededOrganisation } from './organisations.js';
import { startWorker, type RunningWorker, type WorkerOverrides } from '../../src/worker/startWorker.js';
import { createTestDatabase, isolatedEnv, removeQueueKeys, type TestDatabase } from './testEnv.js';

export interface TestService {
  env: Record<string, string>;
  config: Config;
  database: TestDatabase;
  rt: ApiRuntime;
  app: Awaited<ReturnType<typeof buildApp>>;
  /** The organisation the service's requests act for, with members of each role and an all-scopes key. */
  org: SeededOrganisation;
  /** `app.inject` as the organisation's all-scopes API key. */
  inject: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
  worker: RunningWorker | undefined;
  close(): Promise<void>;
}

export interface TestServiceOptions {
  /** Start a worker in the process (default), or none; overrides change its settings. */
  worker?: boolean | WorkerOverrides;
  env?: Record<string, string>;
  /** The database kind (by default the suite's, ASSAY_TEST_DATABASE), or one the test made (a private server's). */
  database?: 'sqlite' | 'postgres' | TestDatabase;
  /** Where the service (runtime, worker and HTTP app) logs; by default pino at LOG_LEVEL, the app silent. */
  log?: Logger;
}

/** The real service (database, Redis queue, Docker worker, result recorder) on its own database and queue. */
export async function startTestService(opts: TestServiceOptions = {}): Promise<TestService> {
  const database = typeof opts.database === 'object' ? opts.database : await createTestDatabase(opts.database);
  const env = isolatedEnv(database, opts.env);
  const config = loadConfig(env);
  const rt = await openApiRuntime(config, opts.log);
  await loadChallenges(rt.store.challenges, BUILTIN_OWNER, config.challengesDir);
  const app = await buildApp(appServices(rt), appInfra(rt), opts.log ?? false);
  rt.startConsumers();
  const org = await seedOrganisation(rt, 'acme');
  const svc: TestService = {
    env,
    config,
    database,
    rt,
    app,
    org,
    inject: (opts) => app.inject({ ...opts, headers: { authorization: `Bearer ${org.key}`, ...opts.headers } }),
    worker: opts.worker === false ? undefined : await startWorker(rt, opts.worker === true ? {} : opts.worker),
    async close() {
      await app.close();
      // Whichever worker the test left here, started with the service or later.
      await svc.worker?.close();
      // Consumers first: one still running writes its queue's meta key again after the obliterate.
      await rt.stopConsumers();
      await rt.queue.obliterate({ force: true });
      await rt.results.obliterate({ force: true });
      await rt.deadlines.obliterate({ force: true });
      await removeQueueKeys(rt.redis, config.queueName);
      await rt.close();
      await database.drop();
    },
  };
  return svc;
}

/** A submission as stored, read through the repository (attempts, log, tests). */
export const stored = async (svc: TestService, id: string) => (await svc.rt.store.submissions.get(svc.org.id, id))!;

/** How many submissions are stored and still queued (none are run without a worker). */
export const queuedCount = async (svc: TestService) => (await svc.rt.store.submissions.staleQueued(new Date(Date.now() + 86_400_000), 10_000)).length;
