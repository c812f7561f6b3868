import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import type { PackageFile } from '../../../challenges/challengePackage.js';
import { filesFromArchive, UPLOAD_LIMITS } from '../../../challenges/packageUpload.js';
import { ChallengeImportSchema, ChallengeListSchema, ChallengeParamsSchema, ChallengeVersionParamsSchema, ImportParamsSchema, PackageUploadSchema, StaffChallengeSchema } from '../../schemas/challenge.js';
import { ProblemSchema } from '../../schemas/problem.js';
import { challengeImportView, staffChallengeSummary, staffChallengeView } from '../../views/challengeView.js';

const GZIP = ['application/gzip', 'application/x-gzip'];
/** A package's JSON form is its files' text plus quoting: room for the unpacked limit. */
const BODY_LIMIT = 2 * UPLOAD_LIMITS.maxBytes;

export const challengeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // A tar.gz package arrives as bytes; only this plugin's routes take it.
  app.addContentTypeParser(GZIP, { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post('/challenges', {
    bodyLimit: BODY_LIMIT,
    schema: {
      tags: ['challenges'],
      summary: 'Upload a private challenge package (tar.gz, or its JSON form); a worker validates it before it joins the organisation\'s catalogue',
      body: { content: { 'application/json': { schema: PackageUploadSchema }, 'application/gzip': { schema: { description: 'A tar.gz of the package folder (bytes; no JSON schema applies)' } } } },
      response: { 202: ChallengeImportSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema },
    },
  }, async (request, reply) => {
    const body = request.body as unknown;
    const files: PackageFile[] = Buffer.isBuffer(body) ? await filesFromArchive(body) : (body as Static<typeof PackageUploadSchema>).files;
    const upload = await app.services.challengeImports.upload(request.actor, files);
    return reply.code(202).header('location', `/v1/challenge-imports/${upload.id}`).send(challengeImportView(upload));
  });

  app.get('/challenge-imports/:id', {
    schema: { tags: ['challenges'], summary: 'An upload and what validation found', params: ImportParamsSchema, response: { 200: ChallengeImportSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema } },
  }, async (request) => challengeImportView(await app.services.challengeImports.get(request.actor, request.params.id)));

  app.get('/challenges', {
    schema: { tags: ['challenges'], summary: 'The challenges a candidate can take, each with its catalogue entry for interviewers', response: { 200: ChallengeListSchema } },
  }, async (request) => ({ items: (await app.services.challenges.list(request.actor)).map(staffChallengeSummary) }));

  app.get('/challenges/:slug', {
    schema: {
      tags: ['challenges'],
      summary: 'What a candidate sees of one challenge (statement, starter files, sample tests, limits), and its catalogue entry for interviewers',
      params: ChallengeParamsSchema,
      response: { 200: StaffChallengeSchema, 404: ProblemSchema },
    },
  }, async (request) => staffChallengeView(await app.services.challenges.get(request.actor, request.params.slug), app.services.serverLimits));

  app.get('/challenges/:slug/versions/:version', {
    schema: {
      tags: ['challenges'],
      summary: 'One version of a challenge as a candidate saw it (the one an assessment pinned): statement, starter files, sample tests, limits; with its catalogue entry',
      params: ChallengeVersionParamsSchema,
      response: { 200: StaffChallengeSchema, 404: ProblemSchema },
    },
  }, async (request) => staffChallengeView(await app.services.challenges.version(request.actor, request.params.slug, request.params.version), app.services.serverLimits));
};
