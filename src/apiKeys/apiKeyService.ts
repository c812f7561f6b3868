import { randomUUID } from 'node:crypto';
import type { Audit } from '../audit/audit.js';
import { NotFoundError } from '../errors/NotFoundError.js';
import type { Actor, Scope } from '../tenancy/actor.js';
import { authorize } from '../tenancy/permissions.js';
import { sameHash, sha256 } from '../tenancy/secrets.js';
import type { ApiKey, ApiKeyRepository } from './apiKeyRepository.js';
import { newApiKeyToken, parseApiKeyToken } from './apiKeyToken.js';

/** Last-used times are written at most this often per key, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export function apiKeyService(keys: ApiKeyRepository, audit: Audit, now = () => new Date()) {
  const touched = new Map<string, number>();
  return {
    /** A new key; its token is returned here once and stored only as a hash. */
    async create(caller: Actor, input: { name: string; scopes: Scope[] }): Promise<{ key: ApiKey; token: string }> {
      const actor = authorize(caller, 'apiKeys.manage');
      const { token, prefix, secret } = newApiKeyToken();
      const id = randomUUID();
      const at = now();
      const scopes = [...new Set(input.scopes)];
      await keys.insert(actor.ownerId, { id, name: input.name, prefix, secretHash: sha256(secret), scopes, createdBy: actor.kind === 'member' ? actor.memberId : actor.keyId }, at);
      await audit(actor, 'api_key.created', `api-key:${id}`, { name: input.name, prefix, scopes });
      return { key: { id, name: input.name, prefix, scopes, createdBy: actor.kind === 'member' ? actor.memberId : actor.keyId, createdAt: at, lastUsedAt: null, revokedAt: null }, token };
    },
    list: async (caller: Actor) => keys.list(authorize(caller, 'apiKeys.manage').ownerId),
    async revoke(caller: Actor, id: string): Promise<void> {
      const actor = authorize(caller, 'apiKeys.manage');
      if (!(await keys.revoke(actor.ownerId, id, now()))) throw new NotFoundError(`No API key ${id}.`);
      await audit(actor, 'api_key.revoked', `api-key:${id}`);
    },
    /** The caller a bearer token stands for, or null when it is no valid, unrevoked key. */
    async authenticate(token: string): Promise<Actor | null> {
      const parsed = parseApiKeyToken(token);
      if (!parsed) return null;
      const found = await keys.findByPrefix(parsed.prefix);
      if (!found || found.key.revokedAt || !sameHash(found.secretHash, sha256(parsed.secret))) return null;
      const at = now();
      if ((touched.get(found.key.id) ?? 0) + TOUCH_EVERY_MS < at.getTime()) {
        touched.set(found.key.id, at.getTime());
        await keys.touch(found.key.id, at);
      }
      return { kind: 'apiKey', ownerId: found.ownerId, keyId: found.key.id, scopes: found.key.scopes };
    },
  };
}

export type ApiKeyService = ReturnType<typeof apiKeyService>;
