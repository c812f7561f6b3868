import { pino } from 'pino';
import { loadConfig } from './config.js';
import { serveMetrics } from './metrics/metricsServer.js';
import { openConnections } from './runtime/connections.js';
import { onShutdown } from './shutdown.js';
import { startWorker } from './worker/startWorker.js';

/** `npm run worker`: a worker alone, on any machine with Redis and a Docker engine; it opens no database. */
const config = loadConfig();
const conn = openConnections(config, pino({ level: config.logLevel }));
const worker = await startWorker(conn);
// Its runs and warm pool are seen nowhere else; the API's /metrics has the queue and the recorded outcomes.
const metrics = config.metrics.workerPort > 0
  ? await serveMetrics(conn.metrics, { port: config.metrics.workerPort, host: config.metrics.workerHost, token: config.metrics.token })
  : undefined;
onShutdown(conn.log, async () => {
  await metrics?.close();
  await worker.close(config.shutdownGraceMs);
  await conn.close();
});
