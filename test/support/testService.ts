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
  const app = await buildApp(rt.appDeps, false);
  const svc: TestService = {
    env,
    config,
    rt,
    app,
    worker: opts.worker === false ? undefined : await startWorker(rt),
    async close() {
      await app.close();
      // Whichever worker the test left here, started with the service or later.
      await svc.worker?.close();
      await rt.queue.obliterate({ force: true });
      await rt.close();
    },
  };
  return svc;
}
