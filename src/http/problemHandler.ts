import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../errors/AppError.js';
import type { Problem } from './schemas/problem.js';

const TYPE_BASE = 'https://assay.dev/problems/';

function send(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(problem.status).headers(headers).type('application/problem+json').send(problem);
}

/** Fastify/ajv validation errors, as JSON pointers into the request part that failed. */
function fieldProblems(err: FastifyError): FieldProblem[] {
  const part = err.validationContext ?? 'body';
  return (err.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string; additionalProperty?: string }) ?? {};
    const leaf = missing.missingProperty ?? missing.additionalProperty;
    const field = `/${part}${v.instancePath}${leaf ? `/${leaf}` : ''}`;
    const message = missing.additionalProperty ? `unknown property "${missing.additionalProperty}"` : v.message ?? 'is invalid';
    return { field, message };
  });
}

/** Fastify's own client errors (bad JSON, body too large, wrong media type) by their code. */
const FASTIFY_PROBLEMS: Record<string, { code: string; title: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed-json', title: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed-json', title: 'The request body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload-too-large', title: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported-media-type', title: 'Unsupported media type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad-content-length', title: 'Content-Length does not match the body' },
};

/** An AppError as its problem+json answer; also for the few places whose errors another plugin's error handler would see first (Bull Board's). */
export function sendAppError(reply: FastifyReply, request: FastifyRequest, err: AppError): FastifyReply {
  const problem: Problem = { type: TYPE_BASE + err.code, title: err.title, status: err.status, detail: err.message, instance: request.url };
  if (err.errors.length > 0) problem.errors = err.errors;
  return send(reply, problem, err.headers);
}

/** The one place where errors become HTTP responses (RFC 9457 problem+json). */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const instance = request.url;
    if (err instanceof AppError) return sendAppError(reply, request, err);
    if (err.validation) {
      const errors = fieldProblems(err);
      return send(reply, {
        type: TYPE_BASE + 'validation-failed',
        title: 'The request is invalid',
        status: 400,
        detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        instance,
        errors,
      });
    }
    const known = err.code ? FASTIFY_PROBLEMS[err.code] : undefined;
    if (known && err.statusCode && err.statusCode < 500) {
      return send(reply, { type: TYPE_BASE + known.code, title: known.title, status: err.statusCode, detail: err.message, instance });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, { type: 'about:blank', title: err.message, status: err.statusCode, instance });
    }
    request.log.error({ err }, 'unhandled error');
    return send(reply, { type: 'about:blank', title: 'Internal Server Error', status: 500, instance });
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, { type: TYPE_BASE + 'not-found', title: 'Not found', status: 404, detail: `No route ${request.method} ${request.url}`, instance: request.url }),
  );
}
