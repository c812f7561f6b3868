import path from 'node:path';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { BUILTIN_OWNER } from '../../src/tenancy/actor.js';
import { startTestService, type TestService } from '../support/testService.js';

let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ worker: false });
});
afterAll(async () => svc.close());

describe('the challenge catalogue', () => {
  it('lists every sample challenge', async () => {
    const res = await svc.inject({ method: 'GET', url: '/v1/challenges' });
    expect(res.statusCode).toBe(200);
    const slugs = res.json().items.map((c: { slug: string }) => c.slug).sort();
    expect(slugs).toEqual(readdirSync(path.join(repoRoot, 'challenges')).sort());
    expect(slugs.length).toBeGreaterThanOrEqual(3);
  });

  it('shows a candidate the statement, starter files, sample tests and limits, never hidden tests or the solution', async () => {
    for (const pkg of await svc.rt.store.challenges.listCurrent(BUILTIN_OWNER)) {
      const res = await svc.inject({ method: 'GET', url: `/v1/challenges/${pkg.manifest.slug}` });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ slug: pkg.manifest.slug, title: pkg.manifest.title, statement: pkg.statement, version: pkg.version });
      expect(body.starterFiles).toEqual(pkg.starter);
      expect(body.sampleTests).toEqual(pkg.sampleTests);
      expect(body.limits).toEqual({ timeoutMs: expect.any(Number), memoryMb: expect.any(Number) });
      const text = res.body;
      for (const secret of [...pkg.hiddenTests, ...pkg.solution]) {
        const distinctive = secret.content.trim();
        if (pkg.starter.some((f) => f.content.includes(distinctive)) || pkg.sampleTests.some((f) => f.content.includes(distinctive))) continue;
        expect(text).not.toContain(JSON.stringify(distinctive).slice(1, -1));
      }
    }
  });

  it('gives staff each challenge\'s catalogue entry: skills\' shares of the points, time, difficulty, critical tests', async () => {
    const list = (await svc.inject({ method: 'GET', url: '/v1/challenges' })).json().items as { slug: string; catalogue: { estimatedMinutes: unknown; difficulty: unknown } }[];
    expect(list.every((c) => c.catalogue.estimatedMinutes !== null && c.catalogue.difficulty !== null)).toBe(true);
    const res = await svc.inject({ method: 'GET', url: '/v1/challenges/tenant-authorization-http' });
    const { catalogue } = res.json();
    expect(catalogue).toMatchObject({ measures: expect.any(String), difficulty: expect.any(String), estimatedMinutes: { mid: expect.any(Number), senior: expect.any(Number) } });
    expect(catalogue.skills.map((s: { skill: string }) => s.skill)).toEqual(['security', 'api-design', 'http']);
    expect(catalogue.critical).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'forged tokens', tests: ['test_auth.py::test_rejects_tampered_tokens'], ceiling: expect.any(Number), reason: expect.any(String) })]));
  });

  it('shows a candidate none of it: the session\'s challenges are exactly what they were', async () => {
    const a = await svc.inject({ method: 'POST', url: '/v1/assessments', payload: { name: 'Security', timeLimitMinutes: 60, challenges: [{ slug: 'tenant-authorization-http' }] } });
    expect(a.statusCode, a.body).toBe(201);
    const inv = await svc.inject({ method: 'POST', url: `/v1/assessments/${a.json().id}/invitations`, payload: { candidate: { name: 'Ada', email: 'ada@example.com' } } });
    const res = await svc.app.inject({ method: 'GET', url: '/v1/candidate', headers: { authorization: `Bearer ${inv.json().token as string}` } });
    expect(res.statusCode, res.body).toBe(200);
    const [challenge] = res.json().challenges;
    expect(Object.keys(challenge).sort()).toEqual(['language', 'languages', 'limits', 'runner', 'sampleTests', 'skills', 'slug', 'starterFiles', 'statement', 'summary', 'title', 'version']);
    expect(res.body).not.toContain('test_rejects_tampered_tokens');
  });

  it('is a 404 problem for an unknown slug', async () => {
    const res = await svc.inject({ method: 'GET', url: '/v1/challenges/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('service endpoints', () => {
  it('serves the OpenAPI document built from the route schemas, and a docs page', async () => {
    const doc = (await svc.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/submissions', '/v1/submissions/{id}', '/v1/submissions/{id}/events', '/v1/challenges', '/v1/challenges/{slug}', '/healthz', '/readyz']),
    );
    expect(doc.paths['/v1/submissions'].post.requestBody.content['application/json'].schema.properties.files).toBeDefined();
    // Every route says how to authenticate: the document's default (an API key or a session), or none.
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['apiKey', 'basicApiKey', 'invitation', 'session']);
    expect(doc.security).toEqual([{ apiKey: [] }, { session: [] }]);
    expect(doc.paths['/v1/session'].post.security).toEqual([]);
    expect(doc.paths['/healthz'].get.security).toEqual([]);
    expect(doc.paths['/v1/api-keys'].post.security).toEqual([{ session: [] }]);
    expect(doc.paths['/v1/candidate/submissions'].post.security).toEqual([{ invitation: [] }]);
    expect(doc.paths['/v1/reports/{token}'].get.security).toEqual([]);
    const candidateOps = Object.entries(doc.paths as Record<string, Record<string, { security?: unknown }>>).filter(([p]) => p.startsWith('/v1/candidate')).flatMap(([, ops]) => Object.values(ops));
    expect(candidateOps.length).toBeGreaterThanOrEqual(11);
    for (const op of candidateOps) expect(op.security).toEqual([{ invitation: [] }]);
    expect(Object.keys(doc.paths['/v1/challenges'].post.requestBody.content).sort()).toEqual(['application/gzip', 'application/json']);
    expect(doc.paths['/integrations/greenhouse/send_test'].post.security).toEqual([{ basicApiKey: [] }]);
    const docs = await svc.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('reports liveness and readiness of Redis, the database and Docker', async () => {
    expect((await svc.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await svc.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { redis: { status: 'ok' }, database: { status: 'ok' }, docker: { status: 'ok' } } });
  });

  // Other unknown GETs are the web app's to route (test/web/serving.test.ts); unknown methods and the API's paths are not.
  it('answers unknown routes with a 404 problem', async () => {
    const res = await svc.inject({ method: 'POST', url: '/v2/nothing', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, type: expect.any(String) });
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const res = await svc.inject({ method: 'GET', url: '/v1/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, type: expect.any(String) });
  });
});

describe('loading challenge packages at start-up', () => {
  it('leaves out a broken package with its problems, loading the others', async () => {
    const { cp, mkdtemp, mkdir, writeFile } = await import('node:fs/promises');
    const os = await import('node:os');
    const { loadChallenges } = await import('../../src/challenges/loadChallenges.js');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-load-'));
    await cp(path.join(repoRoot, 'test/fixtures/challenges/sum-python'), path.join(dir, 'sum-python'), { recursive: true });
    await mkdir(path.join(dir, 'half-written'));
    await writeFile(path.join(dir, 'half-written', 'statement.md'), '# soon');
    const { loaded, rejected } = await loadChallenges(svc.rt.store.challenges, BUILTIN_OWNER, dir);
    expect(loaded.map((p) => p.manifest.slug)).toEqual(['sum-python']);
    expect(rejected.map((e) => [path.basename(e.dir), e.problems])).toEqual([['half-written', ['challenge.json is missing']]]);
  });
});
