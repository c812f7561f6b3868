import { Type } from '@sinclair/typebox';

// Query strings reach ajv as strings and the app does not coerce types, so a number is matched as digits.
export const LimitQuerySchema = Type.Object(
  { limit: Type.Optional(Type.String({ pattern: '^(1000|[1-9][0-9]{0,2})$', description: '1 to 1000; 100 by default' })) },
  { additionalProperties: false },
);

export const limitOf = (query: { limit?: string }): number => Number(query.limit ?? 100);
