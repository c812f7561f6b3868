import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { BUILTIN_OWNER } from '../../src/tenancy/actor.js';
import { startTestService, type TestService } from '../support/testService.js';

// What the welcome page and the report read, with no worker: the organisation's name for the
// candidate, and a pinned challenge version that stays as it was after the challenge changes.

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ worker: false, env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges') } });
});
afterAll(async () => svc.close());

async function invite(challenges: object[]) {
  const a = await svc.inject({ method: 'POST', url: '/v1/assessments', payload: { name: 'Backend', timeLimitMinutes: 30, challenges } });
  expect(a.statusCode, a.body).toBe(201);
  const inv = await svc.inject({ method: 'POST', url: `/v1/assessments/${a.json().id}/invitations`, payload: { candidate: { name: 'Ada', email: 'ada@example.com' } } });
  expect(inv.statusCode, inv.body).toBe(201);
  const token: string = inv.json().token;
  return { assessment: a.json(), view: () => svc.app.inject({ method: 'GET', url: '/v1/candidate', headers: { authorization: `Bearer ${token}` } }) };
}

describe('the candidate\'s view of the session', () => {
  it('names the organisation that invites, and each challenge\'s allowed languages', async () => {
    const { view } = await invite([{ slug: 'greet-node', languages: ['javascript'] }, { slug: 'sum-python' }]);
    const res = await view();
    expect(res.statusCode, res.body).toBe(200);
    const org = await svc.rt.store.organisations.get(svc.org.id);
    expect(res.json().organisation).toEqual({ name: org!.name });
    expect(res.json().challenges.map((c: { slug: string; languages: string[] }) => [c.slug, c.languages])).toEqual([['greet-node', ['javascript']], ['sum-python', ['python']]]);
  });
});

describe('a pinned challenge version', () => {
  it('keeps the starter it was pinned with after the challenge changes, for the candidate and for the report', async () => {
    const { assessment, view } = await invite([{ slug: 'greet-node' }]);
    const pinned = assessment.challenges[0].version as string;
    const before = (await svc.inject({ method: 'GET', url: '/v1/challenges/greet-node' })).json();
    expect(before.version).toBe(pinned);

    // A new version of the challenge, with another starter, becomes the current one.
    const pkg = (await svc.rt.store.challenges.version(BUILTIN_OWNER, 'greet-node', pinned))!;
    const changed = pkg.starter.map((f) => ({ ...f, content: `// version two\n${f.content}` }));
    await svc.rt.store.challenges.save(BUILTIN_OWNER, { ...pkg, version: `${pinned}-next`, starter: changed }, new Date());
    expect((await svc.inject({ method: 'GET', url: '/v1/challenges/greet-node' })).json().starterFiles).toEqual(changed);

    const old = await svc.inject({ method: 'GET', url: `/v1/challenges/greet-node/versions/${pinned}` });
    expect(old.statusCode, old.body).toBe(200);
    expect(old.json()).toMatchObject({ slug: 'greet-node', version: pinned, starterFiles: before.starterFiles });
    expect(old.json().starterFiles).not.toEqual(changed);
    // Never the hidden tests or the solution (the fixture's hidden test is its sample test too: not a secret).
    const shown = [...pkg.starter, ...pkg.sampleTests].map((f) => f.content);
    const secrets = [...pkg.hiddenTests, ...pkg.solution].filter((f) => !shown.includes(f.content));
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(old.body).not.toContain(JSON.stringify(secret.content.trim()).slice(1, -1));
    expect((await view()).json().challenges[0].starterFiles).toEqual(before.starterFiles);
  });

  it('is a 404 problem for a version that does not exist', async () => {
    const res = await svc.inject({ method: 'GET', url: '/v1/challenges/greet-node/versions/no-such-version' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
