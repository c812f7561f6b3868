import { Type } from '@sinclair/typebox';
import { AUDIT_ACTIONS } from '../../audit/auditRepository.js';
import { ROLES, SCOPES } from '../../tenancy/actor.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' });

export const SignInSchema = Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false });

export const MemberSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: literals(ROLES),
  createdAt: Type.String({ format: 'date-time' }),
});

export const SessionSchema = Type.Object({
  member: MemberSchema,
  organisation: Type.String({ description: 'The organisation the member acts for' }),
  csrfToken: Type.String({ description: 'Send as `x-csrf-token` on every request that changes state' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const NewMemberSchema = Type.Object(
  { email: Email, name: Type.String({ minLength: 1, maxLength: 200 }), role: literals(ROLES), password: Type.String({ minLength: 12, maxLength: 1024 }) },
  { additionalProperties: false },
);
export const RoleChangeSchema = Type.Object({ role: literals(ROLES) }, { additionalProperties: false });
export const IdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The visible start of the key, to recognise it' }),
  scopes: Type.Array(literals(SCOPES)),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
});
export const NewApiKeySchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), scopes: Type.Array(literals(SCOPES), { minItems: 1, uniqueItems: true }) },
  { additionalProperties: false },
);
export const CreatedApiKeySchema = Type.Object({ key: ApiKeySchema, token: Type.String({ description: 'The key itself: shown this once, stored only as a hash' }) });

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  action: literals(AUDIT_ACTIONS),
  target: Type.String(),
  details: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
