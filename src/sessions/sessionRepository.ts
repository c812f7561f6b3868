import type { OwnerId } from '../tenancy/actor.js';

export interface StoredSession {
  ownerId: OwnerId;
  memberId: string;
  expiresAt: Date;
}

/** Browser sessions, kept by the SHA-256 of their token only. */
export interface SessionRepository {
  create(tokenHash: string, s: StoredSession, now: Date): Promise<void>;
  /** The session of a token's hash, looked up before any organisation is known. */
  find(tokenHash: string): Promise<StoredSession | undefined>;
  delete(tokenHash: string): Promise<void>;
}
