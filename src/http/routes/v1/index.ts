import type { FastifyPluginAsync } from 'fastify';
import { apiKeyRoutes } from './apiKeys.js';
import { assessmentRoutes } from './assessments.js';
import { auditLogRoutes } from './auditLog.js';
import { candidateRoutes } from './candidate.js';
import { invitationRoutes } from './invitations.js';
import { challengeRoutes } from './challenges.js';
import { memberRoutes } from './members.js';
import { sessionRoutes } from './session.js';
import { similarityRoutes } from './similarity.js';
import { submissionCodeRoutes } from './submissionCode.js';
import { submissionGradingRoutes } from './submissionGradings.js';
import { submissionEventRoutes } from './submissionEvents.js';
import { submissionRoutes } from './submissions.js';
import { webhookEndpointRoutes } from './webhookEndpoints.js';

/** Everything under /v1. Who is calling is settled before (plugins/app/actor.ts); each service authorises. */
export const v1Routes: FastifyPluginAsync = async (app) => {
  await app.register(sessionRoutes);
  await app.register(memberRoutes);
  await app.register(apiKeyRoutes);
  await app.register(auditLogRoutes);
  await app.register(challengeRoutes);
  await app.register(submissionRoutes);
  await app.register(submissionEventRoutes);
  await app.register(submissionCodeRoutes);
  await app.register(submissionGradingRoutes);
  await app.register(assessmentRoutes);
  await app.register(invitationRoutes);
  await app.register(similarityRoutes);
  await app.register(candidateRoutes);
  await app.register(webhookEndpointRoutes);
};
