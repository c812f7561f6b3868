import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes). */
export const hashPassword = (password: string) => hash(password);

export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

/**
 * A hash to verify against when no member has the email, so a wrong email costs as long as a
 * wrong password and sign-in does not reveal which emails exist.
 */
export const decoyHash = hash('no member has this password');
