import { randomUUID } from 'node:crypto';
import { actorRef, type Actor, type OrgActor } from '../tenancy/actor.js';
import { authorize } from '../tenancy/permissions.js';
import type { AuditAction, AuditEntry, AuditRepository } from './auditRepository.js';

/** Records that `actor` did `action` to `target` in its organisation. */
export const auditor = (repo: Pick<AuditRepository, 'append'>, now: () => Date = () => new Date()) =>
  (actor: OrgActor, action: AuditAction, target: string, details: Record<string, unknown> | null = null) =>
    repo.append(actor.ownerId, { id: randomUUID(), at: now(), actor: actorRef(actor), action, target, details });

export type Audit = ReturnType<typeof auditor>;

/** Reading the log: admins and owners of the organisation. */
export const auditLogService = (repo: Pick<AuditRepository, 'list'>) => ({
  list: (actor: Actor, limit: number): Promise<AuditEntry[]> => repo.list(authorize(actor, 'audit.read').ownerId, limit),
});
