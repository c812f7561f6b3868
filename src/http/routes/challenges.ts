import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { currentChallenge, currentChallenges } from '../../challenges/challengeStore.js';
import { NotFoundError } from '../../errors/NotFoundError.js';
import { ChallengeListSchema, ChallengeParamsSchema, ChallengeSchema } from '../../schemas/challenge.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { challengeSummary, challengeView } from '../challengeView.js';

export const challengeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/challenges', {
    schema: { tags: ['challenges'], summary: 'The challenges a candidate can take', response: { 200: ChallengeListSchema } },
  }, async () => ({ items: currentChallenges(app.deps.db).map(challengeSummary) }));

  app.get('/v1/challenges/:slug', {
    schema: {
      tags: ['challenges'],
      summary: 'What a candidate sees of one challenge: statement, starter files, sample tests, limits',
      params: ChallengeParamsSchema,
      response: { 200: ChallengeSchema, 404: ProblemSchema },
    },
  }, async (request) => {
    const pkg = currentChallenge(app.deps.db, request.params.slug);
    if (!pkg) throw new NotFoundError(`No challenge "${request.params.slug}".`);
    return challengeView(pkg, app.deps.serverLimits);
  });
};
