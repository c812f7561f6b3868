import type { FastifyPluginAsync } from 'fastify';
import { challengeRoutes } from './challenges.js';
import { submissionEventRoutes } from './submissionEvents.js';
import { submissionRoutes } from './submissions.js';

/** Everything under /v1; the place where authentication of the API will hook in. */
export const v1Routes: FastifyPluginAsync = async (app) => {
  await app.register(challengeRoutes);
  await app.register(submissionRoutes);
  await app.register(submissionEventRoutes);
};
