import { and, desc, eq } from 'drizzle-orm';
import type { ApiKeyRepository } from '../../apiKeys/apiKeyRepository.js';
import type { AuditRepository } from '../../audit/auditRepository.js';
import type { MemberRepository } from '../../members/memberRepository.js';
import type { OrganisationRepository } from '../../organisations/organisationRepository.js';
import type { SessionRepository } from '../../sessions/sessionRepository.js';
import { toApiKey, toAuditEntry, toMember } from '../identityRows.js';
import { unique } from './isUniqueViolation.js';
import type { SettingRepository } from '../settingRepository.js';
import { apiKeys, auditLog, members, organisations, sessions, settings } from './schema.js';
import type { SqliteDb } from './sqliteDb.js';

export function sqliteIdentity(db: SqliteDb) {
  const organisationRepo: OrganisationRepository = {
    async create(org, now) {
      unique('organisations(slug)', () => db.insert(organisations).values({ ...org, createdAt: now }).run());
    },
    async get(id) {
      return db.select().from(organisations).where(eq(organisations.id, id)).get();
    },
  };
  const ownMember = (owner: string, id: string) => and(eq(members.ownerId, owner), eq(members.id, id));
  const memberRepo: MemberRepository = {
    async insert(owner, m, now) {
      unique('members(email)', () => db.insert(members).values({ ...m, ownerId: owner, createdAt: now }).run());
    },
    async get(owner, id) {
      const row = db.select().from(members).where(ownMember(owner, id)).get();
      return row && toMember(row);
    },
    async list(owner) {
      return db.select().from(members).where(eq(members.ownerId, owner)).orderBy(members.createdAt).all().map(toMember);
    },
    async setRole(owner, id, role) {
      return db.update(members).set({ role }).where(ownMember(owner, id)).run().changes === 1;
    },
    async delete(owner, id) {
      return db.delete(members).where(ownMember(owner, id)).run().changes === 1;
    },
    async findForSignIn(email) {
      const row = db.select().from(members).where(eq(members.email, email)).get();
      return row && { ownerId: row.ownerId, member: toMember(row), passwordHash: row.passwordHash };
    },
  };
  const sessionRepo: SessionRepository = {
    async create(tokenHash, s, now) {
      db.insert(sessions).values({ tokenHash, ...s, createdAt: now }).run();
    },
    async find(tokenHash) {
      return db.select({ ownerId: sessions.ownerId, memberId: sessions.memberId, expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.tokenHash, tokenHash)).get();
    },
    async delete(tokenHash) {
      db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
    },
  };
  const apiKeyRepo: ApiKeyRepository = {
    async insert(owner, key, now) {
      unique('api_keys(prefix)', () => db.insert(apiKeys).values({ ...key, ownerId: owner, createdAt: now }).run());
    },
    async list(owner) {
      return db.select().from(apiKeys).where(eq(apiKeys.ownerId, owner)).orderBy(apiKeys.createdAt).all().map(toApiKey);
    },
    async revoke(owner, id, now) {
      return db.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.ownerId, owner), eq(apiKeys.id, id))).run().changes === 1;
    },
    async findByPrefix(prefix) {
      const row = db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix)).get();
      return row && { ownerId: row.ownerId, key: toApiKey(row), secretHash: row.secretHash };
    },
    async touch(id, now) {
      db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id)).run();
    },
  };
  const auditRepo: AuditRepository = {
    async append(owner, entry) {
      db.insert(auditLog).values({ ...entry, ownerId: owner }).run();
    },
    async list(owner, limit) {
      return db.select().from(auditLog).where(eq(auditLog.ownerId, owner)).orderBy(desc(auditLog.at)).limit(limit).all().map(toAuditEntry);
    },
  };
  const settingRepo: SettingRepository = {
    async getOrCreate(name, initial) {
      db.insert(settings).values({ name, value: initial }).onConflictDoNothing().run();
      return db.select().from(settings).where(eq(settings.name, name)).get()!.value;
    },
  };
  return { organisations: organisationRepo, members: memberRepo, sessions: sessionRepo, apiKeys: apiKeyRepo, audit: auditRepo, settings: settingRepo };
}
