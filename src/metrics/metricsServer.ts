import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { sameSecret } from '../tenancy/secrets.js';

/**
 * A worker's own GET /metrics (WORKER_METRICS_PORT): its runs and warm pool, which no API process
 * sees. It takes METRICS_TOKEN as a bearer token when one is set, like the API's.
 */
export async function serveMetrics(registry: Registry, opts: { port: number; host: string; token: string | null }): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') return void res.writeHead(404).end();
    if (opts.token !== null && !sameSecret(req.headers.authorization ?? '', `Bearer ${opts.token}`)) {
      return void res.writeHead(401, { 'content-type': 'application/problem+json', 'www-authenticate': 'Bearer' })
        .end(JSON.stringify({ type: 'https://assay.dev/problems/unauthorized', title: 'Unauthorized', status: 401, detail: '/metrics needs the METRICS_TOKEN as a bearer token.' }));
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  // Scrapes are short; an idle scraper's connection must not hold the worker's shutdown.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(opts.port, opts.host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
