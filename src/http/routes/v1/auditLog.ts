import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditEntrySchema } from '../../schemas/identity.js';
import { LimitQuerySchema, limitOf } from '../../schemas/limitQuery.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { auditView } from '../../views/identityViews.js';

export const auditLogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/audit-log', {
    schema: {
      tags: ['audit'],
      summary: 'Who did what in the organisation, newest first (admins)',
      security: [{ session: [] }],
      querystring: LimitQuerySchema,
      response: { 200: Type.Object({ items: Type.Array(AuditEntrySchema) }), 401: ProblemSchema, 403: ProblemSchema },
    },
  }, async (request) => ({ items: (await app.services.auditLog.list(request.actor, limitOf(request.query))).map(auditView) }));
};
