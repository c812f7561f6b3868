import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CandidateSubmissionSchema, DraftInputSchema, DraftSchema, InvitationSchema } from '../../schemas/assessment.js';
import { ChallengeParamsSchema, ChallengeSchema } from '../../schemas/challenge.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { CreateSubmissionSchema, SubmissionParamsSchema } from '../../schemas/submission.js';
import { draftView, invitationView } from '../../views/assessmentViews.js';
import { challengeView } from '../../views/challengeView.js';
import { candidateSubmissionView } from '../../../invitations/candidateService.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const security = [{ invitation: [] }];

/** The candidate's own session, authenticated by the invitation's token (`Authorization: Bearer inv_…`) only. */
export const candidateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { candidates, serverLimits } = app.services;

  app.get('/candidate', {
    schema: {
      tags: ['candidate'],
      summary: 'The assessment as the candidate sees it: organisation, instructions, challenges, time limit, the clock',
      security,
      response: {
        200: Type.Object({
          invitation: Type.Pick(InvitationSchema, ['state', 'validFrom', 'validUntil', 'startedAt', 'deadline', 'completedAt']),
          assessment: Type.Object({ name: Type.String(), instructions: Type.String(), timeLimitMinutes: Type.Integer(), maxSubmissions: Type.Integer() }),
          challenges: Type.Array(ChallengeSchema),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { invitation, assessment, challenges } = await candidates.view(request.actor);
    const { name, instructions, timeLimitMinutes, maxSubmissions } = assessment;
    return { invitation: invitationView(invitation), assessment: { name, instructions, timeLimitMinutes, maxSubmissions }, challenges: challenges.map((c) => challengeView(c, serverLimits)) };
  });

  app.post('/candidate/start', { schema: { tags: ['candidate'], summary: 'Start the clock', security, response: { 200: Type.Pick(InvitationSchema, ['state', 'startedAt', 'deadline']), ...errors } } },
    async (request) => invitationView(await candidates.start(request.actor)));

  app.post('/candidate/submissions', { schema: { tags: ['candidate'], summary: 'Submit a challenge\'s files, scored against its hidden tests', security, body: CreateSubmissionSchema, response: { 202: CandidateSubmissionSchema, 413: ProblemSchema, 415: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema, ...errors } } },
    async (request, reply) => {
      const s = await candidates.submit(request.actor, request.body);
      return reply.code(202).header('location', `/v1/candidate/submissions/${s.id}`).send(candidateSubmissionView(s, 'none'));
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
