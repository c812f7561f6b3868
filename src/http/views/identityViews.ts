import type { ApiKey } from '../../apiKeys/apiKeyRepository.js';
import type { AuditEntry } from '../../audit/auditRepository.js';
import type { Member } from '../../members/memberRepository.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const memberView = (m: Member) => ({ id: m.id, email: m.email, name: m.name, role: m.role, createdAt: m.createdAt.toISOString() });

export const apiKeyView = (k: ApiKey) => ({ ...k, createdAt: k.createdAt.toISOString(), lastUsedAt: iso(k.lastUsedAt), revokedAt: iso(k.revokedAt) });

export const auditView = (e: AuditEntry) => ({ ...e, at: e.at.toISOString() });
