import { Type, type Static } from '@sinclair/typebox';
import { FILE_ENCODINGS } from '../../challenges/fileBytes.js';
import { TEST_STATUSES, VERDICTS } from '../../scoring/verdict.js';
import { FAILURE_CODES } from '../../submissions/failureCode.js';
import { SUBMISSION_LIMITS } from '../../submissions/submissionLimits.js';
import { ScoreSchema, SkillScoreSchema } from './score.js';


const literals = <T extends string>(values: readonly T[], options?: object) => Type.Union(values.map((v) => Type.Literal(v)), options);

export const SubmittedFileSchema = Type.Object(
  {
    path: Type.String({
      minLength: 1,
      maxLength: SUBMISSION_LIMITS.maxPathLength,
      description: 'Relative path inside the solution, e.g. `src/limiter.py`',
      examples: ['limiter.py'],
    }),
    content: Type.String({
      // Base64 takes 4 characters per 3 bytes; the decoded size is checked against maxFileBytes.
      maxLength: Math.ceil(SUBMISSION_LIMITS.maxFileBytes / 3) * 4,
      description: `The file's content: UTF-8 text, or base64 when \`encoding\` is \`base64\`; may be empty (an \`__init__.py\`), but not every file of a submission. At most ${SUBMISSION_LIMITS.maxFileBytes} bytes once decoded`,
    }),
    encoding: Type.Optional(literals(FILE_ENCODINGS, { description: '`base64` for a binary file (an image, a fixture); `utf8` by default' })),
  },
  { additionalProperties: false },
);

export const CreateSubmissionSchema = Type.Object(
  {
    challenge: Type.String({ minLength: 1, maxLength: 80, description: 'Challenge slug' }),
    files: Type.Array(SubmittedFileSchema, { minItems: 1, maxItems: SUBMISSION_LIMITS.maxFiles }),
  },
  { additionalProperties: false },
);

export type CreateSubmission = Static<typeof CreateSubmissionSchema>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const TestResultSchema = Type.Object(
  {
    name: Type.String(),
    status: literals(TEST_STATUSES),
    points: Type.Integer(),
    maxPoints: Type.Integer(),
    message: Nullable(Type.String()),
    output: Nullable(Type.String({ description: 'What the test printed (stdout and stderr), capped at 4 KiB with a note when cut' })),
    durationMs: Nullable(Type.Integer()),
  },
  {},
);

export const SubmissionSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    challenge: Type.Object({ slug: Type.String(), version: Type.String({ description: 'SHA-256 of the challenge package it ran against' }) }),
    status: literals(['queued', 'running', 'completed', 'failed'] as const),
    verdict: Nullable(literals(VERDICTS)),
    message: Nullable(Type.String({ description: 'Why the run ended as it did, when it did not simply pass or fail' })),
    failureCode: Nullable(literals(FAILURE_CODES)),
    score: Nullable(ScoreSchema),
    tests: Type.Array(TestResultSchema),
    skills: Type.Array(
      SkillScoreSchema,
      { description: 'Points per skill the challenge measures; empty until scored' },
    ),
    createdAt: Type.String({ format: 'date-time' }),
    startedAt: Nullable(Type.String({ format: 'date-time' })),
    completedAt: Nullable(Type.String({ format: 'date-time' })),
  },
  {},
);

export const SubmissionParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const IdempotencyHeadersSchema = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Repeat a request safely: the same key returns the same submission' })),
});

export const SubmissionCodeSchema = Type.Object({
  files: Type.Array(Type.Object({ path: Type.String(), content: Type.String(), encoding: Type.Optional(literals(FILE_ENCODINGS)) })),
  log: Nullable(Type.String({ description: 'The run\'s captured output (stdout and stderr), capped' })),
});

const TestOutcomeSchema = Type.Object({ status: literals(TEST_STATUSES), points: Type.Integer(), maxPoints: Type.Integer(), message: Nullable(Type.String()) });

export const TestChangeSchema = Type.Object(
  {
    test: Type.String(),
    reason: literals(['added', 'removed', 'result'] as const),
    before: Type.Optional(TestOutcomeSchema),
    after: Type.Optional(TestOutcomeSchema),
  },
  { description: 'A test whose part of the score differs from the submission\'s own grading: added by the newer version, removed by it, or giving a different result' },
);

export const GradingSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reason: literals(['regrade'] as const),
  challengeVersion: Type.String({ description: 'SHA-256 of the challenge package it was graded against' }),
  verdict: literals(VERDICTS),
  message: Nullable(Type.String()),
  score: ScoreSchema,
  tests: Type.Array(TestResultSchema),
  changes: Type.Array(TestChangeSchema),
  createdAt: Type.String({ format: 'date-time' }),
});

export const SubmissionGradingsSchema = Type.Object({
  submissionId: Type.String({ format: 'uuid' }),
  original: Type.Object({ challengeVersion: Type.String(), verdict: Nullable(literals(VERDICTS)), score: Nullable(ScoreSchema) }, { description: 'The submission\'s own score, which gradings never replace' }),
  gradings: Type.Array(GradingSchema, { description: 'Later gradings (regrades), oldest first' }),
});
