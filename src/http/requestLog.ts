import type { FastifyRequest } from 'fastify';

/** Query parameters whose values are never logged: tokens and keys sent where they should not be. */
const SECRET_PARAM = /token|key|secret|password|session|signature/i;
/** Values that are credentials whatever their parameter's name (invitation tokens, API keys). */
const SECRET_VALUE = /^(inv|assay)_/;

/** A request's URL as it may be logged: the path, and the query with every secret value replaced. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const [name, value] of [...params]) {
    if (SECRET_PARAM.test(name) || SECRET_VALUE.test(value)) params.set(name, '[redacted]');
  }
  return `${url.slice(0, q)}?${params.toString()}`;
}

/** Fastify's request serializer, with the URL made loggable. */
export const requestSerializer = (request: FastifyRequest) => ({
  method: request.method,
  url: loggableUrl(request.url),
  host: request.host,
  remoteAddress: request.ip,
  remotePort: request.socket?.remotePort,
});
