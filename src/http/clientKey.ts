import type { FastifyRequest } from 'fastify';

/** Whom a request counts against for per-client caps: its API key, member or invitation; its remote address when anonymous. */
export function clientKey(request: FastifyRequest): string {
  const a = request.actor;
  switch (a.kind) {
    case 'apiKey': return `key:${a.keyId}`;
    case 'member': return `member:${a.memberId}`;
    case 'candidate': return `invitation:${a.invitationId}`;
    default: return `address:${request.ip}`;
  }
}

/** The per-client submission rate limit (@fastify/rate-limit route config), shared by staff and candidate submits. */
export const submissionRateLimit = (limit: { max: number; windowMs: number }) => ({
  max: limit.max,
  timeWindow: limit.windowMs,
  keyGenerator: (request: FastifyRequest) => `submissions:${clientKey(request)}`,
});
