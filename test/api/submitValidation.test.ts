import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonBodyLimit } from '../../src/http/bodyLimit.js';
import { repoRoot } from '../../src/repoRoot.js';
import { SUBMISSION_LIMITS } from '../../src/submissions/submissionLimits.js';
import { queuedCount, startTestService, type TestService } from '../support/testService.js';

const FIXTURES = path.join(repoRoot, 'test/fixtures/challenges');
let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ worker: false, env: { CHALLENGES_DIR: FIXTURES } });
});
afterAll(async () => svc.close());

const submit = (payload: unknown, headers: Record<string, string> = {}) =>
  svc.inject({
    method: 'POST',
    url: '/v1/submissions',
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

const jobCount = () => svc.rt.queue.getJobCountByTypes('waiting', 'delayed', 'active', 'prioritized');
const valid = { challenge: 'sum-python', files: [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }] };

describe('POST /v1/submissions rejects bad input with a problem naming the field, storing nothing', () => {
  const cases: Array<[string, unknown, number, string]> = [
    ['malformed JSON', '{"challenge": "sum-python", "files": [', 400, ''],
    ['a missing challenge', { files: valid.files }, 400, '/body/challenge'],
    ['an unknown challenge', { ...valid, challenge: 'no-such-thing' }, 422, '/body/challenge'],
    ['no files', { ...valid, files: [] }, 400, '/body/files'],
    ['only empty files', { ...valid, files: [{ path: 'calc.py', content: '' }, { path: '__init__.py', content: '' }] }, 400, '/body/files'],
    ['an oversized file', { ...valid, files: [{ path: 'calc.py', content: 'x'.repeat(256 * 1024 + 1) }] }, 400, '/body/files/0/content'],
    ['an oversized file once decoded', { ...valid, files: [{ path: 'data.bin', content: Buffer.alloc(256 * 1024 + 3).toString('base64'), encoding: 'base64' }] }, 400, '/body/files/0/content'],
    ['base64 that does not decode', { ...valid, files: [{ path: 'data.bin', content: 'not base64!', encoding: 'base64' }] }, 400, '/body/files/0/content'],
    ['an unknown encoding', { ...valid, files: [{ path: 'data.bin', content: 'AA==', encoding: 'hex' }] }, 400, '/body/files/0/encoding'],
    ['too many files', { ...valid, files: Array.from({ length: 51 }, (_, i) => ({ path: `f${i}.py`, content: 'x' })) }, 400, '/body/files'],
    ['too many bytes in all', { ...valid, files: Array.from({ length: 5 }, (_, i) => ({ path: `f${i}.py`, content: 'x'.repeat(250_000) })) }, 400, '/body/files'],
    ['a ../ path', { ...valid, files: [{ path: '../etc/passwd', content: 'x' }] }, 400, '/body/files/0/path'],
    ['a nested ../ path', { ...valid, files: [{ path: 'a/../../b.py', content: 'x' }] }, 400, '/body/files/0/path'],
    ['an absolute path', { ...valid, files: [{ path: '/etc/passwd', content: 'x' }] }, 400, '/body/files/0/path'],
    ['a NUL byte in a path', { ...valid, files: [{ path: 'calc\u0000.py', content: 'x' }] }, 400, '/body/files/0/path'],
    ['a backslash path', { ...valid, files: [{ path: '..\\calc.py', content: 'x' }] }, 400, '/body/files/0/path'],
    ['a hidden dot file', { ...valid, files: [{ path: '.bashrc', content: 'x' }] }, 400, '/body/files/0/path'],
    ['duplicate paths', { ...valid, files: [valid.files[0], valid.files[0]] }, 400, '/body/files/1/path'],
    ['non-UTF-8 content', '{"challenge":"sum-python","files":[{"path":"calc.py","content":"\\ud800"}]}', 400, '/body/files/0/content'],
    ['an unknown field', { ...valid, extra: 1 }, 400, '/body/extra'],
    ['a wrong type', { ...valid, files: 'calc.py' }, 400, '/body/files'],
  ];

  it.each(cases)('%s', async (_name, payload, status, field) => {
    const before = await queuedCount(svc);
    const res = await submit(payload);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(problem).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
    if (field) expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await queuedCount(svc)).toBe(before);
    expect(await jobCount()).toBe(0);
  });

  it('rejects a body that is not JSON', async () => {
    const res = await svc.inject({ method: 'POST', url: '/v1/submissions', headers: { 'content-type': 'text/plain' }, payload: 'hi' });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ status: 415 });
  });

  it('rejects a body over the size limit with 413', async () => {
    const res = await submit({ ...valid, files: [{ path: 'a.py', content: 'x'.repeat(jsonBodyLimit(SUBMISSION_LIMITS) + 1) }] });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ status: 413 });
  });
});

describe('POST /v1/submissions accepts a valid submission', () => {
  it('answers 202 with the queued submission and its Location, stored and enqueued under its id', async () => {
    const res = await submit(valid);
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body).toMatchObject({ status: 'queued', verdict: null, score: null, challenge: { slug: 'sum-python' } });
    expect(body.challenge.version).toMatch(/^[0-9a-f]{64}$/);
    expect(res.headers.location).toBe(`/v1/submissions/${body.id}`);
    expect(await svc.rt.queue.getJob(body.id)).toBeDefined();
    const got = await svc.inject({ method: 'GET', url: res.headers.location as string });
    expect(got.json()).toMatchObject({ id: body.id, status: 'queued' });
  });

  it('returns the same submission for a repeated Idempotency-Key, and one job', async () => {
    const headers = { 'idempotency-key': 'retry-me-1' };
    const first = await submit(valid, headers);
    const again = await submit(valid, headers);
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(202);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await svc.rt.store.submissions.findByIdempotencyKey(svc.org.id, 'retry-me-1')).toEqual({ id: first.json().id, requestHash: expect.any(String) });
    expect(await svc.rt.queue.getJob(first.json().id)).toBeTruthy();
  });

  it('refuses an Idempotency-Key reused for a different body', async () => {
    const headers = { 'idempotency-key': 'retry-me-2' };
    const first = await submit(valid, headers);
    expect(first.statusCode).toBe(202);
    const other = await submit({ ...valid, files: [{ path: 'calc.py', content: 'def add(a, b): return 0\n' }] }, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ status: 422, type: expect.stringContaining('idempotency-key-reused') });
    // Whoever reuses a key learns nothing of the request that used it first.
    expect(other.body).not.toContain(first.json().id);
  });
});

describe('GET /v1/submissions/:id', () => {
  it('is a 404 problem for an unknown id and a 400 for a malformed one', async () => {
    const missing = await svc.inject({ method: 'GET', url: '/v1/submissions/6f1c2d4e-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ status: 404 });
    const bad = await svc.inject({ method: 'GET', url: '/v1/submissions/not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/params/id');
  });
});
