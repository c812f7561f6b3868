import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemSchema } from '../../schemas/problem.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const tags = ['integrations'];
const security = [{ basicApiKey: [] }];

const SendTestSchema = Type.Object({
  partner_test_id: Type.String({ minLength: 1, maxLength: 100, description: 'An assessment id, from list_tests' }),
  candidate: Type.Object({
    first_name: Type.Optional(Type.String({ maxLength: 200 })),
    last_name: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' }),
    greenhouse_application_id: Type.Optional(Type.Union([Type.Integer(), Type.String({ maxLength: 100 })])),
  }),
  url: Type.Optional(Type.String({ pattern: '^https?://', maxLength: 2000, description: 'Where Assay PATCHes when the test is done' })),
});

/** Greenhouse's Assessment Partner API; Greenhouse authenticates with HTTP Basic, an Assay API key as the username. */
export const greenhouseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { greenhouse } = app.services;
  app.get('/list_tests', { schema: { tags, summary: 'Greenhouse: the organisation\'s assessments', security, response: { 200: Type.Array(Type.Object({ partner_test_id: Type.String(), partner_test_name: Type.String() })), ...errors } } },
    async (request) => greenhouse.listTests(request.actor));
  app.post('/send_test', { schema: { tags, summary: 'Greenhouse: invite a candidate; the invitation id is the partner_interview_id', security, body: SendTestSchema, response: { 200: Type.Object({ partner_interview_id: Type.String(), link: Type.String({ description: 'The candidate\'s link (Assay sends no email)' }) }), ...errors } } },
    async (request) => greenhouse.sendTest(request.actor, request.body));
  app.get('/test_status', {
    schema: {
      tags,
      summary: 'Greenhouse: `complete` with score and report link once everything is scored; the invitation\'s state until then',
      security,
      querystring: Type.Object({ partner_interview_id: Type.String({ minLength: 1, maxLength: 100 }) }),
      response: { 200: Type.Object({ partner_status: Type.String(), partner_score: Type.Optional(Type.Number()), partner_profile_url: Type.Optional(Type.String()), metadata: Type.Optional(Type.Record(Type.String(), Type.String())) }), ...errors },
    },
  }, async (request) => greenhouse.testStatus(request.actor, request.query.partner_interview_id));
};
