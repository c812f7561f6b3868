import { pino } from 'pino';
import { loadConfig } from './config.js';
import { openConnections } from './runtime/connections.js';
import { onShutdown } from './shutdown.js';
import { startWorker } from './worker/startWorker.js';

/** `npm run worker`: a worker alone, on any machine with Redis and a Docker engine; it opens no database. */
const config = loadConfig();
const conn = openConnections(config, pino({ level: config.logLevel }));
const worker = await startWorker(conn);
onShutdown(conn.log, async () => {
  await worker.close(config.shutdownGraceMs);
  await conn.close();
});
