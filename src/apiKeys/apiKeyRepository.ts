import type { OwnerId, Scope } from '../tenancy/actor.js';

export interface ApiKey {
  id: string;
  name: string;
  /** The key's visible start, `assay_<prefix>_…`, to recognise it by. */
  prefix: string;
  scopes: Scope[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface NewApiKey {
  id: string;
  name: string;
  prefix: string;
  secretHash: string;
  scopes: Scope[];
  createdBy: string;
}

/** An organisation's API keys, stored by the SHA-256 of their secret only. */
export interface ApiKeyRepository {
  insert(owner: OwnerId, key: NewApiKey, now: Date): Promise<void>;
  list(owner: OwnerId): Promise<ApiKey[]>;
  revoke(owner: OwnerId, id: string, now: Date): Promise<boolean>;
  /** Authentication's lookup, before any organisation is known. */
  findByPrefix(prefix: string): Promise<{ ownerId: OwnerId; key: ApiKey; secretHash: string } | undefined>;
  touch(id: string, now: Date): Promise<void>;
}
