import { loadChallenges } from './challenges/loadChallenges.js';
import { loadConfig } from './config.js';
import { buildApp } from './http/app.js';
import { ensureDefaultOrganisation } from './organisations/ensureDefaultOrganisation.js';
import { jobIsLive, startSweeper } from './queue/sweeper.js';
import { openApiRuntime } from './runtime/apiRuntime.js';
import { appInfra, appServices } from './runtime/appServices.js';
import { onShutdown } from './shutdown.js';
import { BUILTIN_OWNER } from './tenancy/actor.js';
import { startWorker, type RunningWorker } from './worker/startWorker.js';

/** `npm start`: the API, the result recorder, the sweeper and (unless RUN_WORKER=false) a worker. */
const config = loadConfig();
const rt = await openApiRuntime(config);
const { loaded, rejected } = await loadChallenges(rt.store.challenges, BUILTIN_OWNER, config.challengesDir);
rt.log.info({ challenges: loaded.map((c) => `${c.manifest.slug}@${c.version.slice(0, 12)}`) }, 'challenges loaded');
for (const err of rejected) rt.log.error({ dir: err.dir, problems: err.problems }, 'challenge package left out');
// Printed to the terminal, never to the log: the first owner's password is shown this once.
const created = await ensureDefaultOrganisation(rt.organisations);
if (created) {
  process.stderr.write(`\nNo organisation existed, so one was made. Sign in (POST /v1/session) as\n  email:    ${created.email}\n  password: ${created.password}\nthen add members and API keys; \`npm run assay -- org create\` makes more organisations.\n\n`);
}
// Set by SIGTERM: intake answers 503 while running sandboxes finish (http/plugins/external/drain.ts).
let draining = false;
const app = await buildApp(appServices(rt), { ...appInfra(rt), draining: () => draining }, rt.log);
rt.startConsumers();
const stopSweeper = startSweeper((olderThan) => rt.services.submissions.requeueStale(olderThan, jobIsLive(rt.queue)), { everyMs: 30_000, graceMs: 60_000 }, (err) =>
  rt.log.warn({ err }, 'sweeper failed'),
);
let worker: RunningWorker | undefined;
if (config.worker.inProcess) {
  worker = await startWorker(rt);
}
await app.listen({ port: config.http.port, host: config.http.host });
onShutdown(rt.log, async () => {
  draining = true;
  stopSweeper();
  // The recorder keeps running until the worker has drained, so the runs that finish are recorded.
  await worker?.close(config.shutdownGraceMs);
  await app.close();
  await rt.close();
});
