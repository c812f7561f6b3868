import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SubmissionEvent } from '../../../events/submissionEvent.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { SubmissionParamsSchema } from '../../schemas/submission.js';
import { submissionView } from '../../views/submissionView.js';

const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events for one submission: an event named after its current status with the whole
 * submission, `running`, one `test` per result as the runner reports it, then `completed` or
 * `failed` with the final submission, after which the stream ends.
 */
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
    const { actor } = request;
    // Answers 404 (before the stream starts) for a submission the caller cannot see.
    await submissions.view(actor, id);

    const raw = reply.raw;
    let open = true;
    let unsubscribe: () => Promise<void> = async () => undefined;
    const close = () => {
      if (!open) return;
      open = false;
      clearInterval(heartbeat);
      void unsubscribe();
      raw.end();
    };
    const send = (event: string, data: unknown) => {
      if (open) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    // Snapshots are read in order, so a later one never overtakes an earlier one on the stream.
    let snapshots = Promise.resolve();
    const sendSnapshot = () => {
      snapshots = snapshots.then(async () => {
        if (!open) return;
        const s = await submissions.get(actor, id);
        send(s.status, submissionView(s));
        if (s.status === 'completed' || s.status === 'failed') close();
      }).catch(() => close());
      return snapshots;
    };
    // Events that arrive before the snapshot is sent wait for it, so the stream stays in order.
    let pending: SubmissionEvent[] | null = [];
    const relay = (e: SubmissionEvent) => {
      if (e.type === 'running') send('running', { status: 'running' });
      else if (e.type === 'test') send('test', e.test);
      else void sendSnapshot();
    };

    reply.hijack();
    raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const heartbeat = setInterval(() => open && raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    request.raw.on('close', close);
    unsubscribe = await events.subscribe(id, (e) => (pending ? pending.push(e) : relay(e)));
    await sendSnapshot();
    const early = pending;
    pending = null;
    for (const e of early) relay(e);
  });
};
