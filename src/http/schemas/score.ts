import { Type } from '@sinclair/typebox';
import { SKILLS } from '../../challenges/manifest.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ScoreCapSchema = Nullable(
  Type.Object(
    {
      ceiling: Type.Integer({ description: 'The percent the score counts for at most: the lowest ceiling of the groups that triggered' }),
      triggered: Type.Array(
        Type.Object({
          name: Type.String({ description: 'The critical group, as challenge.json names it' }),
          ceiling: Type.Integer(),
          reason: Type.String({ description: 'What a failure of the group means, e.g. "accepts forged tokens"' }),
          tests: Type.Optional(Type.Array(Type.String(), { description: 'The group\'s tests that did not pass; not shown to a candidate who may not see tests' })),
        }),
      ),
    },
    { description: 'Set when a critical test did not pass: `percent` is at most `ceiling`, while `earned` and `max` stay the raw points' },
  ),
);

export const ScoreSchema = Type.Object({
  earned: Type.Integer({ description: 'Raw points' }),
  max: Type.Integer(),
  percent: Type.Number({ description: 'earned / max, no higher than the cap\'s ceiling' }),
  cap: ScoreCapSchema,
});

export const SkillScoreSchema = Type.Object({
  skill: Type.Union(SKILLS.map((s) => Type.Literal(s))),
  earned: Type.Integer(),
  max: Type.Integer(),
  ceiling: Nullable(Type.Integer({ description: 'Set when a critical test measuring this skill did not pass' })),
  percent: Type.Number(),
});
