import { ForbiddenError } from '../errors/ForbiddenError.js';
import { UnauthorizedError } from '../errors/UnauthorizedError.js';
import { ROLES, type Actor, type OrgActor, type Role, type Scope } from './actor.js';

/**
 * What each operation asks of its caller: the API-key scope that grants it, and the least member
 * role that may do it. `null`: API keys may not (managing people and keys is for members).
 */
const OPERATIONS = {
  'challenges.read': { scope: 'assessments:read', role: 'interviewer' },
  'assessments.read': { scope: 'assessments:read', role: 'interviewer' },
  'assessments.write': { scope: 'assessments:write', role: 'admin' },
  'invitations.write': { scope: 'invitations:write', role: 'interviewer' },
  'results.read': { scope: 'results:read', role: 'interviewer' },
  'challenges.write': { scope: 'challenges:write', role: 'admin' },
  'submissions.create': { scope: 'invitations:write', role: 'interviewer' },
  'submissions.read': { scope: 'results:read', role: 'interviewer' },
  'members.read': { scope: null, role: 'admin' },
  'members.write': { scope: null, role: 'admin' },
  'apiKeys.manage': { scope: null, role: 'admin' },
  'audit.read': { scope: null, role: 'admin' },
  /** Webhook endpoints, their secrets, delivery log and redelivery. */
  'webhooks.manage': { scope: 'webhooks:write', role: 'admin' },
} as const satisfies Record<string, { scope: Scope | null; role: Role }>;

export type Operation = keyof typeof OPERATIONS;

export const atLeast = (role: Role, least: Role) => ROLES.indexOf(role) >= ROLES.indexOf(least);

/** Whether `actor` may do `op` in its organisation. */
export function may(actor: OrgActor, op: Operation): boolean {
  const { scope, role } = OPERATIONS[op];
  return actor.kind === 'member' ? atLeast(actor.role, role) : scope !== null && actor.scopes.includes(scope);
}

/** The actor as an organisation's caller allowed to do `op`, or the error that says why not (401, 403). */
export function authorize(actor: Actor, op: Operation): OrgActor {
  if (actor.kind === 'anonymous') throw new UnauthorizedError('Sign in, or send an API key as `Authorization: Bearer <key>`.');
  if (actor.kind === 'candidate') throw new ForbiddenError('An invitation link reaches the candidate\'s own session only.');
  if (!may(actor, op)) {
    const { scope, role } = OPERATIONS[op];
    throw new ForbiddenError(actor.kind === 'member' ? `This needs the ${role} role or higher.` : scope ? `This API key lacks the scope ${scope}.` : 'API keys cannot do this; a member must.');
  }
  return actor;
}
