import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ChallengeListSchema, ChallengeParamsSchema, ChallengeSchema } from '../../schemas/challenge.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { challengeSummary, challengeView } from '../../views/challengeView.js';

export const challengeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/challenges', {
    schema: { tags: ['challenges'], summary: 'The challenges a candidate can take', response: { 200: ChallengeListSchema } },
  }, async (request) => ({ items: (await app.services.challenges.list(request.actor)).map(challengeSummary) }));

  app.get('/challenges/:slug', {
    schema: {
      tags: ['challenges'],
      summary: 'What a candidate sees of one challenge: statement, starter files, sample tests, limits',
      params: ChallengeParamsSchema,
      response: { 200: ChallengeSchema, 404: ProblemSchema },
    },
  }, async (request) => challengeView(await app.services.challenges.get(request.actor, request.params.slug), app.services.serverLimits));
};
