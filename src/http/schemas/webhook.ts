import { Type } from '@sinclair/typebox';
import { EVENT_TYPES } from '../../outbox/outboxEvent.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const EventTypes = Type.Array(literals(EVENT_TYPES), { minItems: 1, uniqueItems: true });
const Url = Type.String({ minLength: 8, maxLength: 2000, description: 'http(s); refused at delivery time when it resolves to a loopback, private, link-local or metadata address' });

export const NewEndpointSchema = Type.Object(
  { url: Url, eventTypes: EventTypes, description: Type.Optional(Type.String({ maxLength: 500 })), enabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const EndpointChangeSchema = Type.Partial(NewEndpointSchema, { additionalProperties: false, minProperties: 1 });

export const EndpointSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  description: Type.String(),
  eventTypes: Type.Array(literals(EVENT_TYPES)),
  enabled: Type.Boolean(),
  disabledReason: Nullable(Type.String({ description: '`gone` (it answered 410) or `failing` (it failed for the whole retry schedule); null when enabled or disabled by a member' })),
  previousSecretUntil: Nullable(Type.String({ format: 'date-time', description: 'Until when the previous secret still signs beside the current one' })),
  lastSuccessAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export const EndpointWithSecretSchema = Type.Object({ endpoint: EndpointSchema, secret: Type.String({ description: 'The signing secret, `whsec_…`: shown this once' }) });

export const RotateSecretSchema = Type.Object(
  { overlapMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 7 * 24 * 60, default: 24 * 60, description: 'How long the old secret still signs beside the new one' })) },
  { additionalProperties: false },
);

export const AttemptSchema = Type.Object({
  id: Type.String(),
  eventId: Type.String({ description: 'The `webhook-id`' }),
  attempt: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  statusCode: Nullable(Type.Integer()),
  latencyMs: Type.Integer(),
  response: Type.String({ description: 'The first bytes of the response body, or why there was no response' }),
  succeeded: Type.Boolean(),
});

export const RedeliverSchema = Type.Union([
  Type.Object({ eventId: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
  Type.Object({ since: Type.String({ format: 'date-time', description: 'Every delivery not succeeded that was made since then' }) }, { additionalProperties: false }),
]);
export const RedeliveredSchema = Type.Object({ deliveries: Type.Integer() });
