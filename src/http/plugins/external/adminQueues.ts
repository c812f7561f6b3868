import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyPluginAsync } from 'fastify';
import { UnauthorizedError } from '../../../errors/UnauthorizedError.js';
import { sameSecret } from '../../../tenancy/secrets.js';
import { sendAppError } from '../../problemHandler.js';

const BASE_PATH = '/admin/queues';

/** The password of an HTTP Basic header (any user name), or undefined. */
const basicPassword = (auth: string | undefined) => {
  const encoded = /^Basic\s+(\S+)$/i.exec(auth ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
};

/**
 * Bull Board at /admin/queues: every queue's jobs, for operators. A browser page, so its credential
 * is HTTP Basic (any user name, ADMIN_PASSWORD as the password); without it, a 401 problem+json.
 */
export const adminQueues: FastifyPluginAsync<{ queues: Queue[]; password: string }> = async (app, opts) => {
  // Answered here, not thrown: Bull Board's own error handler would turn a thrown error into a 500.
  app.addHook('onRequest', async (request, reply) => {
    const given = basicPassword(request.headers.authorization);
    if (given === undefined || !sameSecret(given, opts.password)) {
      return sendAppError(reply, request, new UnauthorizedError('Bull Board needs the admin password (HTTP Basic).', { headers: { 'www-authenticate': 'Basic realm="assay admin", charset="UTF-8"' } }));
    }
  });
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BASE_PATH);
  createBullBoard({ queues: opts.queues.map((q) => new BullMQAdapter(q)), serverAdapter });
  await app.register(serverAdapter.registerPlugin(), { prefix: BASE_PATH });
};
