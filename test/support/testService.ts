import { loadChallenges } from '../../src/challenges/loadChallenges.js';
import { loadConfig, type Config } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import { startWorker, type RunningWorker } from '../../src/worker/startWorker.js';
import { isolatedEnv } from './testEnv.js';

export interface TestService {
  env: Record<string, string>;
  config: Config;
  rt: Runtime;
  app: Awaited<ReturnType<typeof buildApp>>;
  worker: RunningWorker | undefined;
  close(): Promise<void>;
}

/** The real service (SQLite file, Redis queue, Docker worker) on an isolated database and queue. */
export async function startTestService(opts: { worker?: boolean; env?: Record<string, string> } = {}): Promise<TestService> {
  const env = isolatedEnv(opts.env);
  const config = loadConfig(env);
  const rt = openRuntime(config);
  await loadChallenges(rt.database.db, config.challengesDir);
  const app = await buildApp(
    { db: rt.database.db, queue: rt.queue, events: rt.events, redis: rt.redis, docker: rt.docker, serverLimits: config.sandbox },
    false,
  );
  const worker = opts.worker === false
    ? undefined
    : await startWorker(rt.workerDeps, { queueName: config.queueName, connection: rt.redis, concurrency: config.worker.concurrency, lockMs: config.worker.lockMs, log: rt.log });
  return {
    env,
    config,
    rt,
    app,
    worker,
    async close() {
      await app.close();
      await worker?.close();
      await rt.queue.obliterate({ force: true });
      await rt.close();
    },
  };
}
