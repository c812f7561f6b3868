import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemSchema } from '../../schemas/problem.js';
import { SubmissionGradingsSchema, SubmissionParamsSchema } from '../../schemas/submission.js';
import { gradingsView } from '../../views/gradingsView.js';

/** The interviewers' view of a submission's regrades (`assay regrade --store`); candidates see only the score they were given. */
export const submissionGradingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/submissions/:id/gradings', {
    schema: {
      tags: ['submissions'],
      summary: 'A submission\'s later gradings (regrades) beside its own score, with the tests that changed and why',
      params: SubmissionParamsSchema,
      response: { 200: SubmissionGradingsSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
    },
  }, async (request) => {
    const { submission, gradings } = await app.services.submissions.gradings(request.actor, request.params.id);
    return gradingsView(submission, gradings);
  });
};
