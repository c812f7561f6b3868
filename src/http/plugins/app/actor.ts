import fp from 'fastify-plugin';
import { anonymousActor, type Actor } from '../../../tenancy/actor.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; every service call receives it. */
    actor: Actor;
  }
}

/** Sets `request.actor` once per request. Until sign-in exists, every caller is the default owner's. */
export const actor = fp(async (app) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymousActor();
  });
});
