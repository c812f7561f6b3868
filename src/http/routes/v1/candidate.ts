import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { CandidateSubmissionSchema, CandidateViewSchema, DraftInputSchema, DraftSchema, InvitationSchema, PracticeRunSchema } from '../../schemas/assessment.js';
import { ChallengeParamsSchema } from '../../schemas/challenge.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { CreateSubmissionSchema, SubmissionParamsSchema } from '../../schemas/submission.js';
import { submissionRateLimit } from '../../clientKey.js';
import { logSubmission } from '../../logSubmission.js';
import { streamRun } from '../../sse/streamRun.js';
import { candidateView, draftView, invitationView } from '../../views/assessmentViews.js';
import { candidateSubmissionView } from '../../../invitations/candidateService.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const security = [{ invitation: [] }];

/** Whose practice runs a request counts towards: the invitation's, or the address's for a request without one. */
const practiceKey = (request: FastifyRequest) => (request.actor.kind === 'candidate' ? `practice:${request.actor.invitationId}` : `practice-address:${request.ip}`);

/** The candidate's own session, authenticated by the invitation's token (`Authorization: Bearer inv_…`) only. */
export const candidateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { candidates, serverLimits, events, practiceLimit, admission } = app.services;

  app.get('/candidate', {
    schema: {
      tags: ['candidate'],
      summary: 'The assessment as the candidate sees it: organisation, instructions, challenges, time limit, the clock',
      security,
      response: {
        200: CandidateViewSchema,
        ...errors,
      },
    },
  }, async (request) => candidateView(await candidates.view(request.actor), serverLimits));

  app.post('/candidate/start', { schema: { tags: ['candidate'], summary: 'Start the clock', security, response: { 200: Type.Pick(InvitationSchema, ['state', 'startedAt', 'deadline']), ...errors } } },
    async (request) => invitationView(await candidates.start(request.actor)));

  app.post('/candidate/submissions', { schema: { tags: ['candidate'], summary: 'Submit a challenge\'s files, scored against its hidden tests', security, body: CreateSubmissionSchema, response: { 202: CandidateSubmissionSchema, 413: ProblemSchema, 415: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema, 503: ProblemSchema, ...errors } }, config: { rateLimit: submissionRateLimit(admission.perClient) } },
    async (request, reply) => {
      const s = await candidates.submit(request.actor, request.body, request.id);
      logSubmission(request, reply, s.id, false);
      return reply.code(202).header('location', `/v1/candidate/submissions/${s.id}`).send(candidateSubmissionView(s, 'none'));
    });

  app.get('/candidate/submissions/:id/events', {
    schema: { tags: ['candidate'], summary: 'Stream one of the candidate\'s submissions as Server-Sent Events, as far as the assessment shows results', security, params: SubmissionParamsSchema, response: errors },
  }, async (request, reply) => {
    const { id } = request.params;
    const follow = await candidates.followSubmission(request.actor, id);
    await streamRun(request, reply, events, id, {
      snapshot: async () => {
        const s = await follow.snapshot();
        return { status: s.status, body: s, done: s.status === 'completed' || s.status === 'failed' };
      },
      test: follow.test,
    });
  });

  app.post('/candidate/practice', {
    schema: {
      tags: ['candidate'],
      summary: 'Run files against the challenge\'s sample tests: never scored, rate-limited per candidate',
      security,
      body: CreateSubmissionSchema,
      response: { 202: Type.Object({ id: Type.String(), status: Type.Literal('queued') }), 413: ProblemSchema, 415: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema, 503: ProblemSchema, ...errors },
    },
    config: { rateLimit: { max: practiceLimit.runsPerWindow, timeWindow: practiceLimit.windowMs, keyGenerator: practiceKey } },
  }, async (request, reply) => {
    const { id } = await candidates.practise(request.actor, request.body);
    return reply.code(202).header('location', `/v1/candidate/practice/${id}`).send({ id, status: 'queued' as const });
  });

  app.get('/candidate/practice/:id', { schema: { tags: ['candidate'], summary: 'A practice run: each sample test\'s result and message, and the run\'s output', security, params: SubmissionParamsSchema, response: { 200: PracticeRunSchema, ...errors } } },
    async (request) => candidates.practiceRun(request.actor, request.params.id));

  app.get('/candidate/practice/:id/events', {
    schema: { tags: ['candidate'], summary: 'Stream a practice run as Server-Sent Events', security, params: SubmissionParamsSchema, response: errors },
  }, async (request, reply) => {
    const { id } = request.params;
    await streamRun(request, reply, events, id, {
      snapshot: async () => {
        const run = await candidates.practiceRun(request.actor, id);
        return { status: run.status, body: run, done: run.status === 'completed' || run.status === 'failed' };
      },
      test: ({ name, status, message, output, durationMs }) => ({ name, status, message, output, durationMs }),
    });
  });

  app.put('/candidate/drafts/:slug', {
    schema: { tags: ['candidate'], summary: 'Save the work on a challenge as it stands (autosave)', security, params: ChallengeParamsSchema, body: DraftInputSchema, response: { 200: DraftSchema, ...errors } },
  }, async (request) => draftView(await candidates.saveDraft(request.actor, request.params.slug, request.body.files)));

  app.get('/candidate/drafts', { schema: { tags: ['candidate'], summary: 'Every saved draft, to restore the workspace on any device', security, response: { 200: Type.Object({ items: Type.Array(DraftSchema) }), ...errors } } },
    async (request) => ({ items: (await candidates.drafts(request.actor)).map(draftView) }));

  app.get('/candidate/submissions/:id', { schema: { tags: ['candidate'], summary: 'One of the candidate\'s submissions, as far as the assessment shows results', security, params: SubmissionParamsSchema, response: { 200: CandidateSubmissionSchema, ...errors } } },
    async (request) => candidates.submission(request.actor, request.params.id));

  app.get('/candidate/result', {
    schema: {
      tags: ['candidate'],
      summary: 'The candidate\'s result, as far as the assessment shows it',
      security,
      response: { 200: Type.Object({ state: Type.String(), percent: Type.Union([Type.Number(), Type.Null()]), challenges: Type.Array(Type.Object({ slug: Type.String(), submissions: Type.Integer(), counted: Type.Union([CandidateSubmissionSchema, Type.Null()]) })) }), ...errors },
    },
  }, async (request) => candidates.result(request.actor));
};
