import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema } from '../../schemas/identity.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { SimilarityPairsSchema } from '../../schemas/similarity.js';
import { similarityPairView } from '../../views/similarityViews.js';
import type { PairsOf } from '../../../similarity/similarityRepository.js';

const errors = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/** For interviewers: which final submissions are suspiciously alike, and where. Candidates' tokens are refused (403). */
export const similarityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { similarity } = app.services;
  const list = async (actor: Parameters<typeof similarity.pairs>[0], of: PairsOf) => ({
    threshold: similarity.threshold,
    items: (await similarity.pairs(actor, of)).map((p) => similarityPairView(p, similarity.threshold)),
  });
  app.get('/invitations/:id/similarity', { schema: { tags: ['results'], summary: 'Pairs of this invitation\'s final submissions with others of the organisation, with their shared fragments', params: IdParamsSchema, response: { 200: SimilarityPairsSchema, ...errors } } },
    async (request) => list(request.actor, { invitationId: request.params.id }));
  app.get('/submissions/:id/similarity', { schema: { tags: ['results'], summary: 'Pairs of this final submission with others of its challenge, with their shared fragments', params: IdParamsSchema, response: { 200: SimilarityPairsSchema, ...errors } } },
    async (request) => list(request.actor, { submissionId: request.params.id }));
};
