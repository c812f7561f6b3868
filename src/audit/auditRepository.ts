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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: string;
  at: Date;
  /** `member:<id>` or `api-key:<id>`. */
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
