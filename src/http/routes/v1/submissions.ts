import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemSchema } from '../../schemas/problem.js';
import { CreateSubmissionSchema, IdempotencyHeadersSchema, SubmissionParamsSchema, SubmissionSchema } from '../../schemas/submission.js';
import { submissionRateLimit } from '../../clientKey.js';
import { logSubmission } from '../../logSubmission.js';
import { submissionView } from '../../views/submissionView.js';

export const submissionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { submissions, admission } = app.services;

  app.post('/submissions', {
    schema: {
      tags: ['submissions'],
      summary: 'Submit a solution; it is queued and scored against the hidden tests',
      headers: IdempotencyHeadersSchema,
      body: CreateSubmissionSchema,
      response: { 202: SubmissionSchema, 400: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema, 503: ProblemSchema },
    },
    config: { rateLimit: submissionRateLimit(admission.perClient) },
  }, async (request, reply) => {
    const { id, replayed, submission } = await submissions.create(request.actor, request.body, request.headers['idempotency-key'], request.id);
    logSubmission(request, reply, id, replayed);
    if (replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(202).header('location', `/v1/submissions/${id}`).send(submissionView(submission));
  });

  app.get('/submissions/:id', {
    schema: {
      tags: ['submissions'],
      summary: 'A submission: status, verdict, score and per-test results',
      params: SubmissionParamsSchema,
      response: { 200: SubmissionSchema, 400: ProblemSchema, 404: ProblemSchema },
    },
  }, async (request) => submissionView(await submissions.view(request.actor, request.params.id)));
};
