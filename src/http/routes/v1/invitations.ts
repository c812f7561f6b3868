import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { InvitationResultSchema, InvitationSchema, MinutesSchema, ReportLinkInputSchema, ReportLinkSchema, ReportParamsSchema } from '../../schemas/assessment.js';
import { IdParamsSchema } from '../../schemas/identity.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { SimilarityFlagSchema } from '../../schemas/similarity.js';
import { invitationResultView, invitationView } from '../../views/assessmentViews.js';
import { flaggedView, flagOf } from '../../views/similarityViews.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };

export const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { invitations, similarity } = app.services;
  const params = IdParamsSchema;
  app.get('/invitations/:id', { schema: { tags: ['invitations'], summary: 'An invitation, its state and whether a final submission of it is suspiciously like another', params, response: { 200: Type.Composite([InvitationSchema, SimilarityFlagSchema]), ...errors } } },
    async (request) => {
      const invitation = await invitations.get(request.actor, request.params.id);
      return flaggedView(invitationView, await similarity.flags(request.actor, [invitation.id]))(invitation);
    });
  app.post('/invitations/:id/cancel', { schema: { tags: ['invitations'], summary: 'Cancel an invitation not yet finished', params, response: { 200: InvitationSchema, ...errors } } },
    async (request) => invitationView(await invitations.cancel(request.actor, request.params.id)));
  app.post('/invitations/:id/extend', { schema: { tags: ['invitations'], summary: 'Give more time: moves a started session\'s deadline, or an unstarted link\'s expiry', params, body: MinutesSchema, response: { 200: InvitationSchema, ...errors } } },
    async (request) => invitationView(await invitations.extend(request.actor, request.params.id, request.body.minutes)));
  app.post('/invitations/:id/reopen', { schema: { tags: ['invitations'], summary: 'Start a completed or expired session again for some minutes', params, body: MinutesSchema, response: { 200: InvitationSchema, ...errors } } },
    async (request) => invitationView(await invitations.reopen(request.actor, request.params.id, request.body.minutes)));
  app.post('/invitations/:id/report-link', {
    schema: { tags: ['results'], summary: 'A link that shows the result to whoever has it, until it expires (signed; nothing to revoke)', params, body: ReportLinkInputSchema, response: { 201: ReportLinkSchema, ...errors } },
  }, async (request, reply) => {
    const { token, expiresAt } = await invitations.reportLink(request.actor, request.params.id, request.body.minutes);
    return reply.code(201).send({ url: `/v1/reports/${token}`, expiresAt: expiresAt.toISOString() });
  });
  app.get('/reports/:token', {
    schema: { tags: ['results'], summary: 'A shared report: the result an unexpired, untampered report link names', security: [], params: ReportParamsSchema, response: { 200: InvitationResultSchema, 404: ProblemSchema } },
  }, async (request) => invitationResultView(await invitations.report(request.params.token)));
  app.get('/invitations/:id/result', { schema: { tags: ['results'], summary: 'The weighted total, per challenge, per skill, per test, time used, every submission and the similarity flag', params, response: { 200: Type.Composite([InvitationResultSchema, SimilarityFlagSchema]), ...errors } } },
    async (request) => {
      const result = await invitations.resultOf(request.actor, request.params.id);
      const flags = await similarity.flags(request.actor, [result.invitation.id]);
      return { ...invitationResultView(result), similarityFlagged: flagOf(flags, result.invitation.id) };
    });
};
