import { and, desc, eq } from 'drizzle-orm';
import type { ApiKeyRepository } from '../../apiKeys/apiKeyRepository.js';
import type { AuditRepository } from '../../audit/auditRepository.js';
import type { MemberRepository } from '../../members/memberRepository.js';
import type { OrganisationRepository } from '../../organisations/organisationRepository.js';
import type { SessionRepository } from '../../sessions/sessionRepository.js';
import { toApiKey, toAuditEntry, toMember } from '../identityRows.js';
import { unique } from './isUniqueViolation.js';
import type { PostgresDb } from './postgresDb.js';
import type { SettingRepository } from '../settingRepository.js';
import { apiKeys, auditLog, members, organisations, sessions, settings } from './schema.js';

export function postgresIdentity(db: PostgresDb) {
  const organisationRepo: OrganisationRepository = {
    create: (org, now) => unique('organisations(slug)', () => db.insert(organisations).values({ ...org, createdAt: now })),
    async get(id) {
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
      return row;
    },
  };
  const ownMember = (owner: string, id: string) => and(eq(members.ownerId, owner), eq(members.id, id));
  const memberRepo: MemberRepository = {
    insert: (owner, m, now) => unique('members(email)', () => db.insert(members).values({ ...m, ownerId: owner, createdAt: now })),
    async get(owner, id) {
      const [row] = await db.select().from(members).where(ownMember(owner, id));
      return row && toMember(row);
    },
    async list(owner) {
      return (await db.select().from(members).where(eq(members.ownerId, owner)).orderBy(members.createdAt)).map(toMember);
    },
    async setRole(owner, id, role) {
      return (await db.update(members).set({ role }).where(ownMember(owner, id)).returning({ id: members.id })).length === 1;
    },
    async delete(owner, id) {
      return (await db.delete(members).where(ownMember(owner, id)).returning({ id: members.id })).length === 1;
    },
    async findForSignIn(email) {
      const [row] = await db.select().from(members).where(eq(members.email, email));
      return row && { ownerId: row.ownerId, member: toMember(row), passwordHash: row.passwordHash };
    },
  };
  const sessionRepo: SessionRepository = {
    async create(tokenHash, s, now) {
      await db.insert(sessions).values({ tokenHash, ...s, createdAt: now });
    },
    async find(tokenHash) {
      const [row] = await db.select({ ownerId: sessions.ownerId, memberId: sessions.memberId, expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.tokenHash, tokenHash));
      return row;
    },
    async delete(tokenHash) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },
  };
  const apiKeyRepo: ApiKeyRepository = {
    insert: (owner, key, now) => unique('api_keys(prefix)', () => db.insert(apiKeys).values({ ...key, ownerId: owner, createdAt: now })),
    async list(owner) {
      return (await db.select().from(apiKeys).where(eq(apiKeys.ownerId, owner)).orderBy(apiKeys.createdAt)).map(toApiKey);
    },
    async revoke(owner, id, now) {
      return (await db.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.ownerId, owner), eq(apiKeys.id, id))).returning({ id: apiKeys.id })).length === 1;
    },
    async findByPrefix(prefix) {
      const [row] = await db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix));
      return row && { ownerId: row.ownerId, key: toApiKey(row), secretHash: row.secretHash };
    },
    async touch(id, now) {
      await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
    },
  };
  const auditRepo: AuditRepository = {
    async append(owner, entry) {
      await db.insert(auditLog).values({ ...entry, ownerId: owner });
    },
    async list(owner, limit) {
      return (await db.select().from(auditLog).where(eq(auditLog.ownerId, owner)).orderBy(desc(auditLog.at)).limit(limit)).map(toAuditEntry);
    },
  };
  const settingRepo: SettingRepository = {
    async getOrCreate(name, initial) {
      await db.insert(settings).values({ name, value: initial }).onConflictDoNothing();
      const [row] = await db.select().from(settings).where(eq(settings.name, name));
      return row!.value;
    },
  };
  return { organisations: organisationRepo, members: memberRepo, sessions: sessionRepo, apiKeys: apiKeyRepo, audit: auditRepo, settings: settingRepo };
}
