import fp from 'fastify-plugin';
import { ForbiddenError } from '../../../errors/ForbiddenError.js';
import { UnauthorizedError } from '../../../errors/UnauthorizedError.js';
import { INVITATION_TOKEN_PREFIX } from '../../../invitations/invitationService.js';
import type { Actor } from '../../../tenancy/actor.js';
import { SESSION_COOKIE } from './sessionCookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; every service call receives it. */
    actor: Actor;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** /metrics and Bull Board (plugins/external/metrics.ts, adminQueues.ts). */
const OPERATOR_PATHS = /^\/(metrics|admin)(\/|\?|$)/;

/** Applicant-tracking systems (Greenhouse) can only send HTTP Basic: there, an API key is the username. */
const INTEGRATIONS_PREFIX = '/integrations/';
const basicUsername = (auth: string) => {
  const encoded = /^Basic\s+(\S+)$/i.exec(auth)?.[1];
  return encoded ? Buffer.from(encoded, 'base64').toString('utf8').split(':')[0] || undefined : undefined;
};

/**
 * Sets `request.actor` once per request: an API key (`Authorization: Bearer assay_…`), else a
 * member's session cookie, else anonymous. A key or cookie that is not valid is refused outright
 * rather than treated as anonymous. Requests that change state on a session must carry its CSRF
 * token in `x-csrf-token`: a cookie alone is what a cross-site page can make a browser send.
 */
export const actor = fp(async (app) => {
  const { apiKeys, sessions, candidates } = app.services;
  // Set by the hook below on every request; null only until then.
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request) => {
    request.actor = { kind: 'anonymous' };
    // Operator endpoints check their own credentials (METRICS_TOKEN, ADMIN_PASSWORD), which are not API keys.
    if (OPERATOR_PATHS.test(request.url)) return;
    const auth = request.headers.authorization;
    if (auth !== undefined) {
      const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1] ?? (request.url.startsWith(INTEGRATIONS_PREFIX) ? basicUsername(auth) : undefined);
      // An invitation link's token (inv_…) makes the candidate; anything else must be an API key.
      const caller = token ? await (token.startsWith(INVITATION_TOKEN_PREFIX) ? candidates.authenticate(token) : apiKeys.authenticate(token)) : null;
      if (!caller) throw new UnauthorizedError('The API key or invitation token is not valid, or has been revoked.', { headers: { 'www-authenticate': 'Bearer' } });
      request.actor = caller;
      return;
    }
    const session = request.cookies[SESSION_COOKIE];
    if (session === undefined) return;
    const signedIn = await sessions.current(session);
    // An expired session is no one; sign-in itself must stay reachable.
    if (!signedIn) return;
    if (!SAFE_METHODS.has(request.method) && !sessions.csrfMatches(session, request.headers['x-csrf-token'] as string | undefined)) {
      throw new ForbiddenError('This request needs the session\'s CSRF token in the x-csrf-token header.');
    }
    const { ownerId, member } = signedIn;
    request.actor = { kind: 'member', ownerId, memberId: member.id, role: member.role };
  });
});
