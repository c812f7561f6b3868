import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotFoundError } from '../../errors/NotFoundError.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { CreateSubmissionSchema, IdempotencyHeadersSchema, SubmissionParamsSchema, SubmissionSchema } from '../../schemas/submission.js';
import { createSubmission } from '../../submissions/createSubmission.js';
import { getSubmission } from '../../submissions/submissionStore.js';
import { submissionView } from '../submissionView.js';

export const submissionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/v1/submissions', {
    schema: {
      tags: ['submissions'],
      summary: 'Submit a solution; it is queued and scored against the hidden tests',
      headers: IdempotencyHeadersSchema,
      body: CreateSubmissionSchema,
      response: { 202: SubmissionSchema, 400: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema },
    },
  }, async (request, reply) => {
    const { id, replayed } = await createSubmission(app.deps.db, app.deps.queue, request.body, request.headers['idempotency-key']);
    const submission = getSubmission(app.deps.db, id)!;
    if (replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(202).header('location', `/v1/submissions/${id}`).send(submissionView(submission));
  });

  app.get('/v1/submissions/:id', {
    schema: {
      tags: ['submissions'],
      summary: 'A submission: status, verdict, score and per-test results',
      params: SubmissionParamsSchema,
      response: { 200: SubmissionSchema, 400: ProblemSchema, 404: ProblemSchema },
    },
  }, async (request) => {
    const submission = getSubmission(app.deps.db, request.params.id);
    if (!submission) throw new NotFoundError(`No submission ${request.params.id}.`);
    return submissionView(submission);
  });
};
