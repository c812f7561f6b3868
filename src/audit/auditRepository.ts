import type { OwnerId } from '../tenancy/actor.js';

export const AUDIT_ACTIONS = [
  'member.added',
  'member.role_changed',
  'member.removed',
  'api_key.created',
  'api_key.revoked',
  'result.viewed',
  'result.exported',
  'assessment.created',
  'assessment.changed',
  'invitation.created',
  'invitation.cancelled',
  'invitation.extended',
  'invitation.reopened',
  'challenge.uploaded',
  'webhook_endpoint.created',
  'webhook_endpoint.changed',
  'webhook_endpoint.deleted',
  'webhook_endpoint.secret_rotated',
  'webhook_endpoint.disabled',
  'webhook.redelivered',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: string;
  at: Date;
  /** `member:<id>`, `api-key:<id>`, or `system:<part>` when Assay acted by itself. */
  actor: string;
  action: AuditAction;
  /** What it was done to, e.g. `api-key:<id>`, `submission:<id>`. */
  target: string;
  details: Record<string, unknown> | null;
}

/** Who did what in an organisation; entries are only ever added. */
export interface AuditRepository {
  append(owner: OwnerId, entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(owner: OwnerId, limit: number): Promise<AuditEntry[]>;
}
