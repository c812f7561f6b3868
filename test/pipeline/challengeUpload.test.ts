import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { PASSWORD, seedOrganisation, type SeededOrganisation } from '../support/organisations.js';
import { startTestService, type TestService } from '../support/testService.js';

// An organisation uploads its own challenge through the API: refused at once when the package is
// malformed, validated by a worker (reference, starter) on real Docker, then in its catalogue only.

let svc: TestService;
let globex: SeededOrganisation;
const FIXTURE = path.join(repoRoot, 'test/fixtures/challenges/sum-python');

beforeAll(async () => {
  svc = await startTestService({ env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges') } });
  globex = await seedOrganisation(svc.rt, 'globex');
});
afterAll(async () => svc.close());

type File = { path: string; content: string };

async function fixtureFiles(dir = FIXTURE, prefix = ''): Promise<File[]> {
  const files: File[] = [];
  for (const e of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.posix.join(prefix, e.name);
    if (e.isDirectory()) files.push(...(await fixtureFiles(dir, rel)));
    else files.push({ path: rel, content: await readFile(path.join(dir, rel), 'utf8') });
  }
  return files;
}

/** The fixture as another challenge: its slug changed, and any file replaced. */
async function packageAs(slug: string, replace: Record<string, string> = {}): Promise<File[]> {
  return (await fixtureFiles()).map((f) => {
    if (f.path === 'challenge.json') return { ...f, content: JSON.stringify({ ...JSON.parse(f.content), slug }) };
    return replace[f.path] === undefined ? f : { ...f, content: replace[f.path]! };
  });
}

/** A tar.gz as `tar czf` makes it of a folder, with extra entries if given. */
async function archive(folder: string, files: File[], extra: (pack: tar.Pack) => void = () => undefined): Promise<Buffer> {
  const pack = tar.pack();
  for (const f of files) pack.entry({ name: `${folder}/${f.path}` }, f.content);
  extra(pack);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

const upload = (payload: Buffer | object, key = svc.org.key) =>
  svc.app.inject({ method: 'POST', url: '/v1/challenges', payload: payload as Buffer, headers: { authorization: `Bearer ${key}`, 'content-type': Buffer.isBuffer(payload) ? 'application/gzip' : 'application/json' } });

async function validated(id: string) {
  const until = Date.now() + 600_000;
  for (;;) {
    const res = await svc.inject({ method: 'GET', url: `/v1/challenge-imports/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    if (res.json().status !== 'validating') return res.json();
    if (Date.now() > until) throw new Error(`import ${id} still validating`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('private challenges uploaded through the API', () => {
  it('validates a tar.gz package on a worker, then lists it for its organisation only', async () => {
    const res = await upload(await archive('acme-sum', await packageAs('acme-sum')));
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ slug: 'acme-sum', status: 'validating', version: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(res.headers.location).toBe(`/v1/challenge-imports/${res.json().id}`);
    // Not in the catalogue until validated.
    expect((await svc.inject({ method: 'GET', url: '/v1/challenges/acme-sum' })).statusCode).toBe(404);

    const done = await validated(res.json().id);
    expect(done).toMatchObject({ status: 'accepted', problems: [], finishedAt: expect.any(String) });
    expect(done.checks).toEqual(expect.arrayContaining(['the reference solution scores 6/6', 'the starter scores 0/6']));
    const mine = await svc.inject({ method: 'GET', url: '/v1/challenges/acme-sum' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ slug: 'acme-sum', version: res.json().version });
    expect(mine.body).not.toContain('test_slow_but_fine');

    // Invisible to another organisation, its import included, exactly like what does not exist.
    const theirs = (url: string) => svc.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${globex.key}` } });
    expect((await theirs('/v1/challenges/acme-sum')).statusCode).toBe(404);
    expect((await theirs('/v1/challenges')).json().items.map((c: { slug: string }) => c.slug)).not.toContain('acme-sum');
    expect((await theirs(`/v1/challenge-imports/${res.json().id}`)).statusCode).toBe(404);

    // Usable at once in an assessment, pinned to the uploaded version.
    const a = await svc.inject({ method: 'POST', url: '/v1/assessments', payload: { name: 'Own', timeLimitMinutes: 20, challenges: [{ slug: 'acme-sum' }] } });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().challenges[0].version).toBe(res.json().version);
    const audit = await svc.rt.store.audit.list(svc.org.id, 50);
    expect(audit.map((e) => e.action)).toContain('challenge.uploaded');
  });

  it('rejects a package whose reference fails its own hidden tests, naming what failed', async () => {
    const broken = await packageAs('acme-broken', { 'solution/calc.py': 'def add(a, b):\n    return a - b\n' });
    const res = await upload({ files: broken });
    expect(res.statusCode, res.body).toBe(202);
    const done = await validated(res.json().id);
    expect(done.status).toBe('rejected');
    expect(done.problems.join('\n')).toMatch(/the reference solution scores [0-5]\/6 \(failed\); failing: test_sum.py::test_adds_positive_numbers/);
    expect((await svc.inject({ method: 'GET', url: '/v1/challenges/acme-broken' })).statusCode).toBe(404);
  });

  it('refuses a malformed package at once, listing every problem, and keeps nothing', async () => {
    const noStatement = (await packageAs('acme-x')).filter((f) => f.path !== 'statement.md');
    const res = await upload({ files: [...noStatement, { path: 'challenge.json', content: '{"slug":"acme-x"}' }].filter((f, i, all) => f.path !== 'challenge.json' || all.indexOf(f) === all.length - 1) });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors.map((e: { message: string }) => e.message).join('\n')).toMatch(/challenge\.json.*title/);

    const traversal = await upload({ files: [{ path: '../etc/passwd', content: 'x' }, ...(await packageAs('acme-y'))] });
    expect(traversal.statusCode).toBe(422);
    expect(traversal.json().errors[0].message).toMatch(/^\.\.\/etc\/passwd: a path may only use/);

    const badBase64 = await upload({ files: [...(await packageAs('acme-b')), { path: 'starter/data.bin', content: 'not base64!', encoding: 'base64' }] });
    expect(badBase64.statusCode).toBe(422);
    expect(badBase64.json().errors.map((e: { message: string }) => e.message)).toEqual(['starter/data.bin: the content is not valid base64']);

    const link = await upload(await archive('acme-z', await packageAs('acme-z'), (pack) => pack.entry({ name: 'acme-z/solution/secret', type: 'symlink', linkname: '/etc/shadow' })));
    expect(link.statusCode).toBe(422);
    expect(link.json().detail).toMatch(/acme-z\/solution\/secret is a symlink/);

    expect((await upload(Buffer.from('not gzip at all'))).statusCode).toBe(422);
    // A small archive that unpacks to gigabytes stops at the limit.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const big = await upload(bomb);
    expect(big.statusCode).toBe(413);
    expect(big.json().type).toMatch(/payload-too-large$/);
  });

  it('lets only admins, owners and keys with challenges:write upload', async () => {
    const files = { files: await packageAs('acme-denied') };
    expect((await upload(files, await svc.org.keyWith(['assessments:write']))).statusCode).toBe(403);
    const signIn = await svc.app.inject({ method: 'POST', url: '/v1/session', payload: { email: svc.org.members.interviewer.email, password: PASSWORD } });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const cookie = signIn.cookies.find((c) => c.name === 'assay_session')!;
    const res = await svc.app.inject({ method: 'POST', url: '/v1/challenges', payload: files, headers: { cookie: `assay_session=${cookie.value}`, 'x-csrf-token': signIn.json().csrfToken } });
    expect(res.statusCode).toBe(403);
  });
});
