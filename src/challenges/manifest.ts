import { Type, type Static } from '@sinclair/typebox';
import { RUNNERS } from '../images/runners.js';

export const LANGUAGES = ['python', 'javascript', 'typescript', 'java', 'go', 'sql'] as const;

export type Language = (typeof LANGUAGES)[number];

const LanguageSchema = Type.Union(LANGUAGES.map((l) => Type.Literal(l)));

export const SKILLS = [
  'api-design', 'http', 'sql', 'data-modeling', 'performance',
  'security', 'concurrency', 'caching', 'testing', 'debugging',
] as const;

export type Skill = (typeof SKILLS)[number];

/** `challenge.json`: the only hand-written metadata of a challenge package (docs/challenges.md). */
export const ManifestSchema = Type.Object(
  {
    slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    summary: Type.String({ minLength: 1, maxLength: 500 }),
    runner: Type.Union(RUNNERS.map((r) => Type.Literal(r))),
    /** The starter's language. */
    language: LanguageSchema,
    /** Every language a solution may be written in (the runner must run each); `[language]` when absent. */
    languages: Type.Optional(Type.Array(LanguageSchema, { minItems: 1, uniqueItems: true })),
    skills: Type.Array(Type.Union(SKILLS.map((s) => Type.Literal(s))), { minItems: 1, uniqueItems: true }),
    limits: Type.Optional(
      Type.Object(
        {
          timeoutMs: Type.Optional(Type.Integer({ minimum: 1000 })),
          memoryMb: Type.Optional(Type.Integer({ minimum: 64 })),
        },
        { additionalProperties: false },
      ),
    ),
    /** How the runner runs the tests (docs/runner-contract.md, `/work/run.json`). */
    options: Type.Optional(
      Type.Object(
        {
          /** Go only: the solution's process runs under the race detector, and a data race fails the test it happened in. */
          race: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    tests: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1 }),
          points: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          /** The skills this test measures; the challenge's skills when absent. */
          skills: Type.Optional(Type.Array(Type.Union(SKILLS.map((s) => Type.Literal(s))), { minItems: 1, uniqueItems: true })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);

export type Manifest = Static<typeof ManifestSchema>;

/** The languages a challenge offers its candidates. */
export const offeredLanguages = (manifest: Pick<Manifest, 'language' | 'languages'>): Language[] => manifest.languages ?? [manifest.language];
