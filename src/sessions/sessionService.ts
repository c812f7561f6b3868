import { UnauthorizedError } from '../errors/UnauthorizedError.js';
import type { Member, MemberRepository } from '../members/memberRepository.js';
import { decoyHash, verifyPassword } from '../members/passwords.js';
import type { OwnerId } from '../tenancy/actor.js';
import { newSecret, sameHash, sha256 } from '../tenancy/secrets.js';
import type { SessionRepository } from './sessionRepository.js';

const SESSION_MS = 12 * 3600 * 1000;

/**
 * The CSRF token of a session: derived from its token, so the server needs to store nothing more
 * and a page that cannot read the (HTTP-only) cookie cannot compute it.
 */
export const csrfTokenOf = (sessionToken: string) => sha256(`csrf:${sessionToken}`);

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  ownerId: OwnerId;
  member: Member;
}

export function sessionService(deps: { sessions: SessionRepository; members: Pick<MemberRepository, 'findForSignIn' | 'get'> }, now = () => new Date()) {
  return {
    /** A new session for the member with this email and password; one answer for every wrong pair. */
    async signIn(email: string, password: string): Promise<SignedIn> {
      const found = await deps.members.findForSignIn(email.trim().toLowerCase());
      const ok = await verifyPassword(found?.passwordHash ?? (await decoyHash), password);
      if (!found || !ok) throw new UnauthorizedError('The email or the password is wrong.');
      const token = newSecret();
      const expiresAt = new Date(now().getTime() + SESSION_MS);
      await deps.sessions.create(sha256(token), { ownerId: found.ownerId, memberId: found.member.id, expiresAt }, now());
      return { token, csrfToken: csrfTokenOf(token), expiresAt, ownerId: found.ownerId, member: found.member };
    },
    signOut: (token: string) => deps.sessions.delete(sha256(token)),
    /** The live session of a cookie's token, with its member as they are now; null when expired or gone. */
    async current(token: string): Promise<SignedIn | null> {
      const s = await deps.sessions.find(sha256(token));
      if (!s || s.expiresAt.getTime() <= now().getTime()) return null;
      const member = await deps.members.get(s.ownerId, s.memberId);
      return member ? { token, csrfToken: csrfTokenOf(token), expiresAt: s.expiresAt, ownerId: s.ownerId, member } : null;
    },
    csrfMatches: (sessionToken: string, presented: string | undefined) => presented !== undefined && sameHash(csrfTokenOf(sessionToken), presented),
  };
}

export type SessionService = ReturnType<typeof sessionService>;
