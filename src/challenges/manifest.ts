import { Type, type Static } from '@sinclair/typebox';
import { RUNNERS } from '../images/runners.js';

export const LANGUAGES = ['python', 'javascript', 'typescript', 'java', 'go', 'sql', 'php', 'ruby'] as const;

export type Language = (typeof LANGUAGES)[number];

/** The test frameworks of the node runner (runners/node/runOptions.js), the only runner that has a choice. */
export const TEST_FRAMEWORKS = ['node:test', 'jest'] as const;

export type TestFramework = (typeof TEST_FRAMEWORKS)[number];
/** The sql runner's engines: SQLite in the harness's process, or a PostgreSQL 15 or MariaDB 10.11 server in the sandbox. */
export const SQL_ENGINES = ['sqlite', 'postgres', 'mariadb'] as const;
export type SqlEngine = (typeof SQL_ENGINES)[number];
/** Servers a runner can start inside the submission's sandbox before the solution starts (docs/sandbox.md, "Services"). */
export const SERVICES = ['postgres', 'mariadb', 'redis'] as const;
export type Service = (typeof SERVICES)[number];
/** The runners whose harness starts `services` (both with runners/python/assay_services.py), each of them. */
export const SERVICE_RUNNERS: readonly string[] = ['python', 'http'];

const LanguageSchema = Type.Union(LANGUAGES.map((l) => Type.Literal(l)));

export const SKILLS = [
  'api-design', 'http', 'sql', 'data-modeling', 'performance',
  'security', 'concurrency', 'caching', 'testing', 'debugging',
] as const;

export type Skill = (typeof SKILLS)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

const SkillsSchema = Type.Array(Type.Union(SKILLS.map((s) => Type.Literal(s))), { minItems: 1, uniqueItems: true });

const Share = (description: string) => Type.Optional(Type.Number({ minimum: 0, maximum: 1, description }));

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
    skills: SkillsSchema,
    difficulty: Type.Optional(Type.Union(DIFFICULTIES.map((d) => Type.Literal(d)))),
    /** The interviewers' estimate of the time a solution takes, in minutes. */
    estimatedMinutes: Type.Optional(
      Type.Object({ mid: Type.Integer({ minimum: 1, maximum: 600 }), senior: Type.Integer({ minimum: 1, maximum: 600 }) }, { additionalProperties: false }),
    ),
    limits: Type.Optional(
      Type.Object(
        {
          timeoutMs: Type.Optional(Type.Integer({ minimum: 1000 })),
          memoryMb: Type.Optional(Type.Integer({ minimum: 64 })),
        },
        { additionalProperties: false },
      ),
    ),
    /** Servers started inside the sandbox, seeded by `tests/hidden/seed.sql` (postgres) and `tests/hidden/seed-mariadb.sql` (mariadb), ready before the solution (or the http runner's server) starts: python and http runners. */
    services: Type.Optional(Type.Array(Type.Union(SERVICES.map((s) => Type.Literal(s))), { minItems: 1, uniqueItems: true })),
    /** How the runner runs the tests (docs/runner-contract.md, `/work/run.json`). */
    options: Type.Optional(
      Type.Object(
        {
          /** Go only: the solution's process runs under the race detector, and a data race fails the test it happened in. */
          race: Type.Optional(Type.Boolean()),
          /** Node only: the test framework, `node:test` (the default) or `jest` (Jest's API, docs/runner-contract.md). */
          framework: Type.Optional(Type.Union(TEST_FRAMEWORKS.map((f) => Type.Literal(f)))),
          /** SQL only: the engine the cases run on, `sqlite` (the default), `postgres` or `mariadb` (docs/sandbox.md). */
          engine: Type.Optional(Type.Union(SQL_ENGINES.map((e) => Type.Literal(e)))),
          /** Server settings over the image's own (`work_mem`: `"8MB"`; MariaDB's as `sort_buffer_size`): the sql runner's postgres or mariadb engine, or the postgres or mariadb service (not both). */
          engineSettings: Type.Optional(Type.Record(Type.String(), Type.String())),
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
          skills: Type.Optional(SkillsSchema),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    /**
     * Tests whose failure is a hole no other points make up for (a forged token accepted, another
     * user's data shown): while any test of a group does not pass, the score, and that of each skill
     * its tests measure, is at most `ceiling` percent.
     */
    critical: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 80 }),
            tests: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true }),
            ceiling: Type.Integer({ minimum: 0, maximum: 99 }),
            reason: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    /** What `assay challenge validate` demands beyond its defaults (src/tools/pointShareChecks.ts). */
    validation: Type.Optional(
      Type.Object(
        {
          maxStarterShare: Share('The share of the points the starter may score'),
          minSkillShare: Share('The share of the points each skill must get from tests that name it'),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export type Manifest = Static<typeof ManifestSchema>;

export type CriticalGroup = NonNullable<Manifest['critical']>[number];

/** The skills a manifest test measures: its own, else the challenge's. */
export const testSkills = (manifest: Pick<Manifest, 'skills'>, test: Manifest['tests'][number]): Skill[] => test.skills ?? manifest.skills;

/** A test's points: 1 unless the manifest says otherwise. */
export const testPoints = (test: Manifest['tests'][number]): number => test.points ?? 1;

/** The sum of `tests`' points: a challenge's maximum score, or a share of it. */
export const pointsOf = (tests: Manifest['tests']): number => tests.reduce((n, t) => n + testPoints(t), 0);

/** The languages a challenge offers its candidates. */
export const offeredLanguages = (manifest: Pick<Manifest, 'language' | 'languages'>): Language[] => manifest.languages ?? [manifest.language];
