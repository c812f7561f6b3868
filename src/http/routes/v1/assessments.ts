import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AssessmentInputSchema, AssessmentSchema, CreatedInvitationSchema, InvitationInputSchema, InvitationSchema } from '../../schemas/assessment.js';
import { IdParamsSchema } from '../../schemas/identity.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { SimilarityFlagSchema } from '../../schemas/similarity.js';
import { assessmentView, invitationView } from '../../views/assessmentViews.js';
import { flaggedView } from '../../views/similarityViews.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const date = (s: string | undefined) => (s === undefined ? undefined : new Date(s));

export const assessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { assessments, invitations, similarity } = app.services;

  app.get('/assessments', { schema: { tags: ['assessments'], summary: 'The organisation\'s assessments', response: { 200: Type.Object({ items: Type.Array(AssessmentSchema) }), ...errors } } },
    async (request) => ({ items: (await assessments.list(request.actor)).map(assessmentView) }));
  app.post('/assessments', { schema: { tags: ['assessments'], summary: 'Create an assessment; each challenge is pinned to a version', body: AssessmentInputSchema, response: { 201: AssessmentSchema, ...errors } } },
    async (request, reply) => reply.code(201).send(assessmentView(await assessments.create(request.actor, request.body))));
  app.get('/assessments/:id', { schema: { tags: ['assessments'], summary: 'One assessment', params: IdParamsSchema, response: { 200: AssessmentSchema, ...errors } } },
    async (request) => assessmentView(await assessments.get(request.actor, request.params.id)));
  app.put('/assessments/:id', { schema: { tags: ['assessments'], summary: 'Replace an assessment\'s settings and challenges', params: IdParamsSchema, body: AssessmentInputSchema, response: { 200: AssessmentSchema, ...errors } } },
    async (request) => assessmentView(await assessments.update(request.actor, request.params.id, request.body)));

  app.get('/assessments/:id/invitations', { schema: { tags: ['invitations'], summary: 'The assessment\'s invitations, their states and similarity flags', params: IdParamsSchema, response: { 200: Type.Object({ items: Type.Array(Type.Composite([InvitationSchema, SimilarityFlagSchema])) }), ...errors } } },
    async (request) => {
      const items = await invitations.list(request.actor, request.params.id);
      return { items: items.map(flaggedView(invitationView, await similarity.flags(request.actor, items.map((i) => i.id)))) };
    });
  app.post('/assessments/:id/invitations', { schema: { tags: ['invitations'], summary: 'Invite a candidate; the response shows their link once', params: IdParamsSchema, body: InvitationInputSchema, response: { 201: CreatedInvitationSchema, ...errors } } },
    async (request, reply) => {
      const { invitation, token } = await invitations.create(request.actor, request.params.id, { ...request.body, validFrom: date(request.body.validFrom), validUntil: date(request.body.validUntil) });
      return reply.code(201).header('cache-control', 'no-store').send({ invitation: invitationView(invitation), token, link: `/take#${token}` });
    });
  app.get('/assessments/:id/results.csv', {
    schema: { tags: ['results'], summary: 'Every invitation\'s result as CSV (text/csv)', params: IdParamsSchema, response: { 200: Type.String(), ...errors } },
  }, async (request, reply) => {
    const csv = await invitations.csv(request.actor, request.params.id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="assessment-${request.params.id}.csv"`).send(csv);
  });
};
