import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A high-entropy secret for a token (256 bits, URL-safe). */
export const newSecret = () => randomBytes(32).toString('base64url');

/** Tokens are stored as their SHA-256: they are random and long, so no slow hash is needed. */
export const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');

export const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
