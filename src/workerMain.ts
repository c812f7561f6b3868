import { loadConfig } from './config.js';
import { openRuntime } from './runtime.js';
import { onShutdown } from './shutdown.js';
import { startWorker } from './worker/startWorker.js';

/** `npm run worker`: a worker alone, for running sandboxes on more machines than the API. */
const config = loadConfig();
const rt = openRuntime(config);
const worker = await startWorker(rt);
onShutdown(rt.log, async () => {
  await worker.close();
  await rt.close();
});
