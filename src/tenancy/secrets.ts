import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A high-entropy secret for a token (256 bits, URL-safe). */
export const newSecret = () => randomBytes(32).toString('base64url');

/** Tokens are stored as their SHA-256: they are random and long, so no slow hash is needed. */
export const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');

export const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Whether a given secret is the configured one, in time independent of either (both are hashed to one length first). */
export const sameSecret = (given: string, expected: string) => sameHash(sha256(given), sha256(expected));
