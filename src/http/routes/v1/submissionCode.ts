import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemSchema } from '../../schemas/problem.js';
import { SubmissionCodeSchema, SubmissionParamsSchema } from '../../schemas/submission.js';

/** The reviewer's view of a submission: the files as submitted and the run's captured output; never the candidate's. */
export const submissionCodeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/submissions/:id/code', {
    schema: {
      tags: ['submissions'],
      summary: 'A submission\'s files and the run\'s captured output, for review',
      params: SubmissionParamsSchema,
      response: { 200: SubmissionCodeSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
    },
  }, async (request) => {
    const s = await app.services.submissions.view(request.actor, request.params.id);
    return { files: s.files, log: s.log };
  });
};
