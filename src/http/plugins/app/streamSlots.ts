import fp from 'fastify-plugin';
import { StreamSlots } from '../../sse/streamSlots.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Open SSE streams per client (http/sse/streamRun.ts takes one per stream). */
    streamSlots: StreamSlots;
  }
}

export const streamSlots = fp(async (app) => {
  app.decorate('streamSlots', new StreamSlots(app.services.admission.ssePerClient));
});
