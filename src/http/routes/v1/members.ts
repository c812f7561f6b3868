import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema, MemberSchema, NewMemberSchema, RoleChangeSchema } from '../../schemas/identity.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { memberView } from '../../views/identityViews.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const security = [{ session: [] }];

export const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { members } = app.services;
  app.get('/members', { schema: { tags: ['members'], summary: 'The organisation\'s members (admins)', security, response: { 200: Type.Object({ items: Type.Array(MemberSchema) }), ...errors } } },
    async (request) => ({ items: (await members.list(request.actor)).map(memberView) }));
  app.post('/members', { schema: { tags: ['members'], summary: 'Add a member (admins add interviewers; owners add admins and owners)', security, body: NewMemberSchema, response: { 201: MemberSchema, ...errors } } },
    async (request, reply) => reply.code(201).send(memberView(await members.add(request.actor, request.body))));
  app.patch('/members/:id', { schema: { tags: ['members'], summary: 'Change a member\'s role', security, params: IdParamsSchema, body: RoleChangeSchema, response: { 200: MemberSchema, ...errors } } },
    async (request) => memberView(await members.setRole(request.actor, request.params.id, request.body.role)));
  app.delete('/members/:id', { schema: { tags: ['members'], summary: 'Remove a member', security, params: IdParamsSchema, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await members.remove(request.actor, request.params.id);
      return reply.code(204).send(null);
    });
};
