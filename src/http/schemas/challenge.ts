import { Type } from '@sinclair/typebox';
import { SKILLS } from '../../challenges/manifest.js';

const FileSchema = Type.Object({ path: Type.String(), content: Type.String() });

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

export const ChallengeListSchema = Type.Object({ items: Type.Array(ChallengeSummarySchema) });

export const ChallengeParamsSchema = Type.Object({ slug: Type.String({ maxLength: 80 }) });
