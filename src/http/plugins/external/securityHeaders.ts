import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/**
 * Helmet's headers on every response. The CSP fits the web app (web/, served by webApp.ts): its own
 * scripts and styles only (CodeMirror injects style elements), images inline as data:, and talk to
 * this origin alone. Swagger UI under /docs and Bull Board under /admin run in it too.
 */
export const securityHeaders = fp(async (app) => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
});
