import { Type } from '@sinclair/typebox';
import { IMPORT_STATUSES } from '../../challenges/challengeImportRepository.js';
import { FILE_ENCODINGS } from '../../challenges/fileBytes.js';
import { DIFFICULTIES, SKILLS } from '../../challenges/manifest.js';

const Encoding = Type.Optional(Type.Union(FILE_ENCODINGS.map((e) => Type.Literal(e)), { description: '`base64` for a binary file; `utf8` when absent' }));

const FileSchema = Type.Object({ path: Type.String(), content: Type.String(), encoding: Encoding });

/** What a candidate may see of a challenge: never hidden tests, never the reference solution. */
export const ChallengeSummarySchema = Type.Object(
  {
    slug: Type.String(),
    version: Type.String(),
    title: Type.String(),
    summary: Type.String(),
    language: Type.String({ description: 'The starter files\' language' }),
    languages: Type.Array(Type.String(), { description: 'The languages a solution may be written in (for a candidate: those the assessment allows)' }),
    runner: Type.String(),
    skills: Type.Array(Type.Union(SKILLS.map((s) => Type.Literal(s)))),
  },
  {},
);

export const ChallengeSchema = Type.Composite(
  [
    ChallengeSummarySchema,
    Type.Object({
      statement: Type.String({ description: 'Markdown' }),
      starterFiles: Type.Array(FileSchema),
      sampleTests: Type.Array(FileSchema),
      limits: Type.Object({ timeoutMs: Type.Integer(), memoryMb: Type.Integer() }),
    }),
  ],
  {},
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** The interviewers' catalogue entry (challenges/catalogueEntry.ts): names hidden tests, so never in a candidate's view. */
const CatalogueSchema = Type.Object({
  catalogue: Type.Object({
    measures: Type.String(),
    skills: Type.Array(Type.Object({
      skill: Type.Union(SKILLS.map((s) => Type.Literal(s))),
      points: Type.Integer({ description: 'Points of the tests that name the skill' }),
      percent: Type.Integer({ description: 'Those points as a share of the challenge\'s' }),
    })),
    points: Type.Integer(),
    difficulty: Nullable(Type.Union(DIFFICULTIES.map((d) => Type.Literal(d)))),
    estimatedMinutes: Nullable(Type.Object({ mid: Type.Integer(), senior: Type.Integer() }, { description: 'For a mid-level and a senior engineer' })),
    critical: Type.Array(Type.Object({
      name: Type.String(),
      tests: Type.Array(Type.String()),
      ceiling: Type.Integer({ description: 'The percent a score counts for at most while one of the tests does not pass' }),
      reason: Type.String(),
    })),
  }, { description: 'For interviewers: what the challenge measures, its skills\' shares of the points, time, difficulty and critical tests' }),
});

export const StaffChallengeSummarySchema = Type.Composite([ChallengeSummarySchema, CatalogueSchema]);
export const StaffChallengeSchema = Type.Composite([ChallengeSchema, CatalogueSchema]);

export const ChallengeListSchema = Type.Object({ items: Type.Array(StaffChallengeSummarySchema) });

export const ChallengeParamsSchema = Type.Object({ slug: Type.String({ maxLength: 80 }) });
export const ChallengeVersionParamsSchema = Type.Object({ slug: Type.String({ maxLength: 80 }), version: Type.String({ maxLength: 100 }) });

const PackageFileSchema = Type.Object(
  { path: Type.String({ minLength: 1, maxLength: 500 }), content: Type.String(), encoding: Encoding },
  { additionalProperties: false },
);

/** A package as JSON: every file of its folder, paths relative to the folder (challenge.json, statement.md, starter/…, tests/…, solution/…, mutants/…). */
export const PackageUploadSchema = Type.Object({ files: Type.Array(PackageFileSchema, { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false });

export const ChallengeImportSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  version: Type.String(),
  status: Type.Union(IMPORT_STATUSES.map((s) => Type.Literal(s)), { description: 'validating until a worker has run the reference, the starter and the mutants' }),
  problems: Type.Array(Type.String()),
  checks: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const ImportParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });
