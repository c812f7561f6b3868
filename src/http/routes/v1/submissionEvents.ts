import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemSchema } from '../../schemas/problem.js';
import { SubmissionParamsSchema } from '../../schemas/submission.js';
import { streamRun } from '../../sse/streamRun.js';
import { submissionView } from '../../views/submissionView.js';

/** A submission's progress for staff and platforms: every test in full as it reports. */
export const submissionEventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/submissions/:id/events', {
    schema: {
      tags: ['submissions'],
      summary: 'Stream a submission\'s progress as Server-Sent Events (text/event-stream)',
      params: SubmissionParamsSchema,
      response: { 400: ProblemSchema, 404: ProblemSchema },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    const { submissions, events } = app.services;
    // The first read is recorded in the audit log as the result viewed; the stream's later ones are not.
    let viewed = false;
    await streamRun(request, reply, events, id, {
      snapshot: async () => {
        const s = viewed ? await submissions.get(request.actor, id) : await submissions.view(request.actor, id);
        viewed = true;
        return { status: s.status, body: submissionView(s), done: s.status === 'completed' || s.status === 'failed' };
      },
      test: (test) => test,
    });
  });
};
