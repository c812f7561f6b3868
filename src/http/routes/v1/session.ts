import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { TooManyRequestsError } from '../../../errors/TooManyRequestsError.js';
import { UnauthorizedError } from '../../../errors/UnauthorizedError.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../../plugins/app/sessionCookie.js';
import { SessionSchema, SignInSchema } from '../../schemas/identity.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { memberView } from '../../views/identityViews.js';

/** Sign-in is throttled per address and per account, so neither guessing passwords nor spraying one works. */
const PER_ADDRESS = { max: 20, timeWindow: '15 minutes' };
const PER_ACCOUNT = { max: 5, timeWindow: '15 minutes' };

export const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { sessions, cookieSecure } = app.services;
  // A second limit on one route: the plugin runs one limiter per request, so this one is checked by hand.
  const checkAccount = app.createRateLimit({
    ...PER_ACCOUNT,
    keyGenerator: (request) => `account:${String((request.body as { email?: unknown } | undefined)?.email ?? '').trim().toLowerCase()}`,
  });
  const perAccount = async (request: FastifyRequest) => {
    const limit = await checkAccount(request);
    if (!limit.isAllowed && limit.isExceeded) {
      throw new TooManyRequestsError('Too many sign-in attempts for this account; retry later.', { headers: { 'retry-after': String(limit.ttlInSeconds) } });
    }
  };

  app.post('/session', {
    schema: {
      tags: ['session'],
      summary: 'Sign in with email and password: sets an HTTP-only session cookie, returns the CSRF token',
      security: [],
      body: SignInSchema,
      response: { 200: SessionSchema, 400: ProblemSchema, 401: ProblemSchema, 429: ProblemSchema },
    },
    config: { rateLimit: { ...PER_ADDRESS, keyGenerator: (request) => `address:${request.ip}` } },
    preHandler: perAccount,
  }, async (request, reply) => {
    const s = await sessions.signIn(request.body.email, request.body.password);
    reply.setCookie(SESSION_COOKIE, s.token, sessionCookieOptions(cookieSecure, s.expiresAt));
    return { member: memberView(s.member), organisation: s.ownerId, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
  });

  app.get('/session', {
    schema: { tags: ['session'], summary: 'The signed-in member and the session\'s CSRF token', security: [{ session: [] }], response: { 200: SessionSchema, 401: ProblemSchema } },
  }, async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const s = token && (await sessions.current(token));
    if (!s) throw new UnauthorizedError('Not signed in.');
    return { member: memberView(s.member), organisation: s.ownerId, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
  });

  app.delete('/session', {
    schema: { tags: ['session'], summary: 'Sign out', security: [{ session: [] }], response: { 204: Type.Null(), 403: ProblemSchema } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await sessions.signOut(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });
};
