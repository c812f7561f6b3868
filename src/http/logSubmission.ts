import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * From here on the request's log lines (its "request completed" too) carry the submission id beside
 * the request id; the job carries the request id on into the worker's lines.
 */
export function logSubmission(request: FastifyRequest, reply: FastifyReply, submissionId: string, replayed: boolean): void {
  const log = request.log.child({ submissionId });
  request.log = log;
  reply.log = log;
  log.info({ replayed }, replayed ? 'submission replayed' : 'submission accepted');
}
