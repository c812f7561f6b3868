import type { CookieSerializeOptions } from '@fastify/cookie';

export const SESSION_COOKIE = 'assay_session';

/** HTTP-only (no script reads it), SameSite (no cross-site POST carries it), Secure unless configured off for plain-HTTP development. */
export const sessionCookieOptions = (secure: boolean, expires: Date): CookieSerializeOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  secure,
  path: '/',
  expires,
});
