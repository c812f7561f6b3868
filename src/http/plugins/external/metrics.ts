import fp from 'fastify-plugin';
import { Histogram, type Registry } from 'prom-client';
import { UnauthorizedError } from '../../../errors/UnauthorizedError.js';
import { metricOnce } from '../../../metrics/metricOnce.js';
import { sameSecret } from '../../../tenancy/secrets.js';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * GET /metrics in Prometheus' text format, and every request's duration by route pattern (never
 * the URL: ids would make a series per submission) and status. With METRICS_TOKEN set it takes
 * that bearer token; without, loopback callers only.
 */
export const metrics = fp<{ registry: Registry; token: string | null }>(async (app, opts) => {
  const { registry, token } = opts;
  const durations = metricOnce(registry, 'assay_http_request_duration_seconds', () => new Histogram({
    name: 'assay_http_request_duration_seconds',
    help: 'HTTP request durations, by method, route pattern and status',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  }));
  app.addHook('onResponse', async (request, reply) => {
    durations.observe({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (token === null ? !LOOPBACK.test(request.socket.remoteAddress ?? '') : !sameSecret(/^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '', token)) {
      throw new UnauthorizedError(token === null ? '/metrics answers loopback callers only unless METRICS_TOKEN is set.' : '/metrics needs the METRICS_TOKEN as a bearer token.', { headers: { 'www-authenticate': 'Bearer' } });
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
});
