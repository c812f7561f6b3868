import type { ApiKey } from '../apiKeys/apiKeyRepository.js';
import type { AuditAction, AuditEntry } from '../audit/auditRepository.js';
import type { Member } from '../members/memberRepository.js';
import type { Role, Scope } from '../tenancy/actor.js';

// Rows of the identity tables as both adapters read them, mapped to the domain alike.

export const toMember = (r: { id: string; email: string; name: string; role: string; createdAt: Date }): Member => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  createdAt: r.createdAt,
});

export const toApiKey = (r: { id: string; name: string; prefix: string; scopes: string[]; createdBy: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): ApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes as Scope[],
  createdBy: r.createdBy,
  createdAt: r.createdAt,
  lastUsedAt: r.lastUsedAt,
  revokedAt: r.revokedAt,
});

export const toAuditEntry = (r: { id: string; at: Date; actor: string; action: string; target: string; details: Record<string, unknown> | null }): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action as AuditAction,
  target: r.target,
  details: r.details,
});
