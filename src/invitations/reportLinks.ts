import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OwnerId } from '../tenancy/actor.js';

interface ReportClaim {
  ownerId: OwnerId;
  invitationId: string;
  expiresAt: Date;
}

const sign = (key: string, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

/**
 * A shareable report link's token: which invitation, whose, until when, signed (HMAC-SHA256) with the
 * server's key, so it needs no row and cannot be altered or extended by whoever holds it.
 */
export function signReportToken(key: string, claim: ReportClaim): string {
  const payload = Buffer.from(JSON.stringify({ o: claim.ownerId, i: claim.invitationId, e: claim.expiresAt.getTime() })).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

/** The claim of a token that is signed with `key` and not expired at `now`; null for anything else. */
export function verifyReportToken(key: string, token: string, now: Date): ReportClaim | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { o, i, e } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { o: unknown; i: unknown; e: unknown };
    if (typeof o !== 'string' || typeof i !== 'string' || typeof e !== 'number' || e <= now.getTime()) return null;
    return { ownerId: o, invitationId: i, expiresAt: new Date(e) };
  } catch {
    return null;
  }
}
