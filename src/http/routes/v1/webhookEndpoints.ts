import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema } from '../../schemas/identity.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { AttemptSchema, EndpointChangeSchema, EndpointSchema, EndpointWithSecretSchema, NewEndpointSchema, RedeliveredSchema, RedeliverSchema, RotateSecretSchema } from '../../schemas/webhook.js';
import { LimitQuerySchema, limitOf } from '../../schemas/limitQuery.js';
import { attemptView, endpointView } from '../../views/webhookViews.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const tags = ['webhooks'];
const params = IdParamsSchema;

export const webhookEndpointRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { webhooks } = app.services;
  const withSecret = (ep: Awaited<ReturnType<typeof webhooks.get>>) => ({ endpoint: endpointView(ep), secret: ep.secret });
  app.post('/webhook-endpoints', { schema: { tags, summary: 'Add an endpoint; the response shows its signing secret once', body: NewEndpointSchema, response: { 201: EndpointWithSecretSchema, ...errors } } },
    async (request, reply) => reply.code(201).header('cache-control', 'no-store').send(withSecret(await webhooks.create(request.actor, request.body))));
  app.get('/webhook-endpoints', { schema: { tags, summary: 'The organisation\'s endpoints (never their secrets)', response: { 200: Type.Object({ items: Type.Array(EndpointSchema) }), ...errors } } },
    async (request) => ({ items: (await webhooks.list(request.actor)).map(endpointView) }));
  app.get('/webhook-endpoints/:id', { schema: { tags, summary: 'An endpoint', params, response: { 200: EndpointSchema, ...errors } } },
    async (request) => endpointView(await webhooks.get(request.actor, request.params.id)));
  app.patch('/webhook-endpoints/:id', { schema: { tags, summary: 'Change an endpoint: URL, events, description, enabled', params, body: EndpointChangeSchema, response: { 200: EndpointSchema, ...errors } } },
    async (request) => endpointView(await webhooks.update(request.actor, request.params.id, request.body)));
  app.delete('/webhook-endpoints/:id', { schema: { tags, summary: 'Remove an endpoint and its delivery log', params, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await webhooks.remove(request.actor, request.params.id);
      return reply.code(204).send(null);
    });
  app.post('/webhook-endpoints/:id/rotate-secret', { schema: { tags, summary: 'A new signing secret, shown once; the old one signs beside it for the overlap', params, body: RotateSecretSchema, response: { 200: EndpointWithSecretSchema, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(withSecret(await webhooks.rotateSecret(request.actor, request.params.id, request.body.overlapMinutes ?? 24 * 60))));
  app.get('/webhook-endpoints/:id/attempts', { schema: { tags, summary: 'The delivery log: every attempt, newest first', params, querystring: LimitQuerySchema, response: { 200: Type.Object({ items: Type.Array(AttemptSchema) }), ...errors } } },
    async (request) => ({ items: (await webhooks.attempts(request.actor, request.params.id, limitOf(request.query))).map(attemptView) }));
  app.post('/webhook-endpoints/:id/redeliver', { schema: { tags, summary: 'Send one event again, or every delivery not succeeded since a time', params, body: RedeliverSchema, response: { 202: RedeliveredSchema, ...errors } } },
    async (request, reply) => {
      const which = 'eventId' in request.body ? { eventId: request.body.eventId } : { since: new Date(request.body.since) };
      return reply.code(202).send({ deliveries: await webhooks.redeliver(request.actor, request.params.id, which) });
    });
};
