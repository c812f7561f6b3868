import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiKeySchema, CreatedApiKeySchema, IdParamsSchema, NewApiKeySchema } from '../../schemas/identity.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { apiKeyView } from '../../views/identityViews.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const security = [{ session: [] }];

export const apiKeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { apiKeys } = app.services;
  app.get('/api-keys', { schema: { tags: ['api keys'], summary: 'The organisation\'s API keys (never their secrets)', security, response: { 200: Type.Object({ items: Type.Array(ApiKeySchema) }), ...errors } } },
    async (request) => ({ items: (await apiKeys.list(request.actor)).map(apiKeyView) }));
  app.post('/api-keys', { schema: { tags: ['api keys'], summary: 'Create a key; the response shows it once', security, body: NewApiKeySchema, response: { 201: CreatedApiKeySchema, ...errors } } },
    async (request, reply) => {
      const { key, token } = await apiKeys.create(request.actor, request.body);
      return reply.code(201).header('cache-control', 'no-store').send({ key: apiKeyView(key), token });
    });
  app.delete('/api-keys/:id', { schema: { tags: ['api keys'], summary: 'Revoke a key, at once', security, params: IdParamsSchema, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await apiKeys.revoke(request.actor, request.params.id);
      return reply.code(204).send(null);
    });
};
