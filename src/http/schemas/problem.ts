import { Type, type Static } from '@sinclair/typebox';

/** RFC 9457 problem details, as every 4xx/5xx of the API returns them. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ format: 'uri-reference' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String({ description: 'JSON pointer into the request' }), message: Type.String() })),
    ),
  },
  { description: 'RFC 9457 problem details (application/problem+json)' },
);

export type Problem = Static<typeof ProblemSchema>;
