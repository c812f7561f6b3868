import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

const CHECK_TIMEOUT_MS = 1500;

const within = <T>(p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS))]);

const CheckSchema = Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('down')]), error: Type.Optional(Type.String()) });
const ReadySchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('down')]),
  checks: Type.Object({ redis: CheckSchema, database: CheckSchema, docker: CheckSchema }),
});

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', {
    schema: { tags: ['health'], summary: 'The process is up', security: [], response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', {
    schema: { tags: ['health'], summary: 'Redis, the database and the Docker engine are reachable', security: [], response: { 200: ReadySchema, 503: ReadySchema } },
  }, async (_request, reply) => {
    const { probes } = app.services;
    const probe = async (check: () => Promise<unknown>) => {
      try {
        await within(check());
        return { status: 'ok' as const };
      } catch (err) {
        return { status: 'down' as const, error: (err as Error).message };
      }
    };
    const [r, d, k] = await Promise.all([
      probe(probes.redis),
      probe(probes.database),
      probe(probes.docker),
    ]);
    const ok = [r, d, k].every((c) => c.status === 'ok');
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'down', checks: { redis: r, database: d, docker: k } });
  });
};
