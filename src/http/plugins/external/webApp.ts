import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

/** Paths the API owns: an unknown one is the API's problem+json 404, never the web app's page. */
const API_PATHS = /^\/(v1|docs|metrics|admin|integrations|healthz|readyz|openapi\.json)(\/|\?|$)/;

/**
 * The built single-page app (web/dist): its files as they are, and index.html for any other GET, so
 * a link such as /take or /assessments/… opens the app, which routes it in the browser. Nothing is
 * served when the app is not built, so the API runs without it.
 */
export const webApp: FastifyPluginAsync<{ root: string }> = async (app, opts) => {
  if (!existsSync(path.join(opts.root, 'index.html'))) {
    app.log.warn({ root: opts.root }, 'web app not built (npm run build:web): serving the API only');
    return;
  }
  // Files are listed once at start-up (wildcard off), so the catch-all below sees every other path.
  await app.register(fastifyStatic, { root: opts.root, wildcard: false, index: false, cacheControl: false, setHeaders: cacheHeaders });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (API_PATHS.test(request.url)) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
};

/** Built assets carry a content hash in their names and never change; index.html is checked each time. Its CSP is securityHeaders.ts'. */
function cacheHeaders(reply: FastifyReply, file: string): void {
  reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
}
