import { Type } from '@sinclair/typebox';
import { RESULT_VISIBILITIES } from '../../assessments/assessmentRepository.js';
import { INVITATION_STATES } from '../../invitations/invitationRepository.js';
import { LANGUAGES, SKILLS } from '../../challenges/manifest.js';
import { TEST_STATUSES, VERDICTS } from '../../scoring/verdict.js';
import { SUBMISSION_LIMITS } from '../../submissions/submissionLimits.js';
import { ChallengeSchema } from './challenge.js';
import { SubmittedFileSchema } from './submission.js';
import { ScoreCapSchema, ScoreSchema } from './score.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Time = Type.String({ format: 'date-time' });

export const AssessmentInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    instructions: Type.Optional(Type.String({ maxLength: 20_000, description: 'Markdown shown on the welcome page' })),
    timeLimitMinutes: Type.Integer({ minimum: 1, maximum: 7 * 24 * 60 }),
    maxSubmissions: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Scored submissions per challenge; 3 by default' })),
    resultVisibility: Type.Optional(literals(RESULT_VISIBILITIES)),
    challenges: Type.Array(
      Type.Object(
        {
          slug: Type.String({ minLength: 1, maxLength: 80 }),
          version: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$', description: 'Pinned version; the current one when left out' })),
          weight: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          languages: Type.Optional(Type.Array(literals(LANGUAGES), { minItems: 1, uniqueItems: true, description: 'Where the challenge offers several: the ones a candidate may use; all of them when left out' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);

export const AssessmentSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  instructions: Type.String(),
  timeLimitMinutes: Type.Integer(),
  maxSubmissions: Type.Integer(),
  resultVisibility: literals(RESULT_VISIBILITIES),
  challenges: Type.Array(Type.Object({ slug: Type.String(), version: Type.String(), weight: Type.Integer(), languages: Nullable(Type.Array(literals(LANGUAGES))) })),
  createdAt: Time,
  updatedAt: Time,
});

export const InvitationInputSchema = Type.Object(
  {
    candidate: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 200 }),
        email: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' }),
        externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The platform\'s own id for the candidate' })),
      },
      { additionalProperties: false },
    ),
    validFrom: Type.Optional(Time),
    validUntil: Type.Optional(Time),
  },
  { additionalProperties: false },
);

export const InvitationSchema = Type.Object({
  id: Type.String(),
  assessmentId: Type.String(),
  candidate: Type.Object({ name: Type.String(), email: Type.String(), externalId: Nullable(Type.String()) }),
  validFrom: Time,
  validUntil: Time,
  state: literals(INVITATION_STATES),
  startedAt: Nullable(Time),
  deadline: Nullable(Time),
  completedAt: Nullable(Time),
  createdAt: Time,
});

export const CreatedInvitationSchema = Type.Object({
  invitation: InvitationSchema,
  token: Type.String({ description: 'The candidate\'s credential (inv_…): shown this once, stored only as a hash' }),
  link: Type.String({ description: 'Where the candidate opens the assessment' }),
});

export const MinutesSchema = Type.Object({ minutes: Type.Integer({ minimum: 1, maximum: 7 * 24 * 60 }) }, { additionalProperties: false });

const Score = Nullable(ScoreSchema);

export const InvitationResultSchema = Type.Object({
  invitation: InvitationSchema,
  percent: Type.Number({ description: 'Weighted over the challenges; the last completed submission of each counts' }),
  timeUsedMs: Nullable(Type.Integer()),
  challenges: Type.Array(Type.Object({ slug: Type.String(), version: Type.String(), weight: Type.Integer(), submissions: Type.Integer(), percent: Type.Number({ description: 'The counted submission\'s percent, within its cap' }), cap: ScoreCapSchema, counted: Nullable(Type.String({ description: 'Submission id' })) })),
  skills: Type.Array(Type.Object({ skill: literals(SKILLS), earned: Type.Integer(), max: Type.Integer(), percent: Type.Number({ description: 'Over the counted submissions, each challenge\'s points within its ceiling for the skill' }), capped: Type.Boolean({ description: 'A critical test measuring this skill did not pass in a counted submission' }) })),
  submissions: Type.Array(Type.Object({
    id: Type.String(),
    challenge: Type.String(),
    status: Type.String(),
    verdict: Nullable(literals(VERDICTS)),
    score: Score,
    tests: Type.Array(Type.Object({ name: Type.String(), status: literals(TEST_STATUSES), points: Type.Integer(), maxPoints: Type.Integer(), message: Nullable(Type.String()), output: Nullable(Type.String({ description: 'What the test printed, capped' })) })),
    createdAt: Time,
  })),
});

/** The welcome page's and the workspace's content: who invites, the assessment, its challenges (with the languages allowed), the clock. */
export const CandidateViewSchema = Type.Object({
  organisation: Type.Object({ name: Type.String({ description: 'The organisation that invites the candidate' }) }),
  invitation: Type.Pick(InvitationSchema, ['state', 'validFrom', 'validUntil', 'startedAt', 'deadline', 'completedAt']),
  assessment: Type.Object({ name: Type.String(), instructions: Type.String(), timeLimitMinutes: Type.Integer(), maxSubmissions: Type.Integer() }),
  challenges: Type.Array(ChallengeSchema),
});

export const CandidateSubmissionSchema = Type.Object({
  id: Type.String(),
  challenge: Type.String(),
  status: Type.String(),
  createdAt: Time,
  completedAt: Nullable(Time),
  verdict: Type.Optional(Nullable(literals(VERDICTS))),
  score: Type.Optional(Score),
  tests: Type.Optional(Type.Array(Type.Object({ name: Type.String(), status: literals(TEST_STATUSES), points: Type.Integer(), maxPoints: Type.Integer(), message: Type.Optional(Nullable(Type.String())), output: Type.Optional(Nullable(Type.String({ description: 'What the test printed; only when the assessment shows full results' }))) }))),
});

export const PracticeRunSchema = Type.Object({
  id: Type.String(),
  challenge: Type.String(),
  status: literals(['queued', 'running', 'completed', 'failed'] as const),
  verdict: Nullable(literals(VERDICTS)),
  message: Nullable(Type.String()),
  tests: Type.Array(Type.Object({ name: Type.String(), status: literals(TEST_STATUSES), message: Nullable(Type.String()), output: Nullable(Type.String({ description: 'What the sample test printed, capped' })), durationMs: Nullable(Type.Integer()) })),
  output: Nullable(Type.String({ description: 'What the candidate\'s code printed; only sample tests ran' })),
});

// A draft's files are a submission's (binary ones base64), checked alike; only all-empty is allowed.
export const DraftInputSchema = Type.Object({ files: Type.Array(SubmittedFileSchema, { maxItems: SUBMISSION_LIMITS.maxFiles }) }, { additionalProperties: false });
export const DraftSchema = Type.Object({ challenge: Type.String(), files: Type.Array(SubmittedFileSchema), updatedAt: Time });

export const ReportLinkInputSchema = Type.Object({ minutes: Type.Integer({ minimum: 1, maximum: 90 * 24 * 60, description: 'How long the link works' }) }, { additionalProperties: false });
export const ReportLinkSchema = Type.Object({ url: Type.String(), expiresAt: Time });
export const ReportParamsSchema = Type.Object({ token: Type.String({ minLength: 10, maxLength: 500 }) });
