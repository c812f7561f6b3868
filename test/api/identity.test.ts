import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChallenges } from '../../src/challenges/loadChallenges.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { repoRoot } from '../../src/repoRoot.js';
import { openApiRuntime, type ApiRuntime } from '../../src/runtime/apiRuntime.js';
import { appInfra, appServices } from '../../src/runtime/appServices.js';
import { BUILTIN_OWNER } from '../../src/tenancy/actor.js';
import { PASSWORD, seedOrganisation, type SeededOrganisation } from '../support/organisations.js';
import { createSqliteDatabase, isolatedEnv, removeQueueKeys, type TestDatabase } from '../support/testEnv.js';

// Sign-in, sessions, CSRF, throttling, API keys and the audit log, on a service whose every log line
// (at trace level) is kept, so the test can look for secrets in it.

let database: TestDatabase;
let rt: ApiRuntime;
let app: Awaited<ReturnType<typeof buildApp>>;
let org: SeededOrganisation;
let logged = '';

beforeAll(async () => {
  database = createSqliteDatabase();
  const config = loadConfig(isolatedEnv(database, { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges'), LOG_LEVEL: 'trace' }));
  const log = pino({ level: 'trace' }, new Writable({ write: (chunk, _e, done) => ((logged += chunk.toString()), done()) }));
  rt = await openApiRuntime(config, log);
  await loadChallenges(rt.store.challenges, BUILTIN_OWNER, config.challengesDir);
  app = await buildApp(appServices(rt), appInfra(rt), log);
  org = await seedOrganisation(rt, 'acme');
});
afterAll(async () => {
  await app.close();
  await rt.queue.obliterate({ force: true });
  await removeQueueKeys(rt.redis, rt.config.queueName);
  await rt.close();
  await database.drop();
});

const signIn = (email: string, password = PASSWORD, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/v1/session', payload: { email, password }, remoteAddress });
const cookieOf = (res: Awaited<ReturnType<typeof signIn>>) => res.cookies.find((c) => c.name === 'assay_session')!;

describe('signing in', () => {
  it('sets a secure, HTTP-only, SameSite session cookie and returns the member and a CSRF token', async () => {
    const res = await signIn(org.members.admin.email.toUpperCase());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ member: { email: org.members.admin.email, role: 'admin' }, organisation: org.id, csrfToken: expect.any(String) });
    const cookie = cookieOf(res);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    const me = await app.inject({ method: 'GET', url: '/v1/session', headers: { cookie: `assay_session=${cookie.value}` } });
    expect(me.json()).toMatchObject({ member: { id: org.members.admin.id }, csrfToken: res.json().csrfToken });
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await signIn(org.members.interviewer.email, 'not the password', '10.0.0.1');
    const unknown = await signIn('nobody@acme.test', PASSWORD, '10.0.0.1');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.cookies).toEqual([]);
  });

  it('throttles attempts per account, whichever address they come from', async () => {
    const owner = { kind: 'member', ownerId: org.id, memberId: org.members.owner.id, role: 'owner' } as const;
    const { email } = await rt.services.members.add(owner, { email: 'targeted@acme.test', name: 'Targeted', role: 'interviewer', password: PASSWORD });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(email, 'guess', `10.1.0.${i}`)).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const refused = await signIn(email, PASSWORD, '10.1.0.99');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('throttles attempts per address, whichever accounts they try', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await signIn(`spray${i}@acme.test`, 'guess', '10.2.0.1')).statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it('ends the session on sign-out', async () => {
    const res = await signIn(org.members.interviewer.email, PASSWORD, '10.3.0.1');
    const cookie = `assay_session=${cookieOf(res).value}`;
    const csrf = res.json().csrfToken;
    expect((await app.inject({ method: 'DELETE', url: '/v1/session', headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/v1/challenges', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request on a session without its CSRF token, or with another\'s', async () => {
    const mine = await signIn(org.members.admin.email, PASSWORD, '10.4.0.1');
    const theirs = await signIn(org.members.owner.email, PASSWORD, '10.4.0.2');
    const cookie = `assay_session=${cookieOf(mine).value}`;
    const payload = { name: 'k', scopes: ['results:read'] };
    for (const headers of [{ cookie }, { cookie, 'x-csrf-token': theirs.json().csrfToken }, { cookie, 'x-csrf-token': 'x' }]) {
      const res = await app.inject({ method: 'POST', url: '/v1/api-keys', headers, payload });
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toMatch(/CSRF/);
    }
    expect((await app.inject({ method: 'POST', url: '/v1/api-keys', headers: { cookie, 'x-csrf-token': mine.json().csrfToken }, payload })).statusCode).toBe(201);
  });
});

describe('API keys', () => {
  it('shows a key once, lists it by prefix with its last use, and stops it at once when revoked', async () => {
    const session = await signIn(org.members.admin.email, PASSWORD, '10.5.0.1');
    const headers = { cookie: `assay_session=${cookieOf(session).value}`, 'x-csrf-token': session.json().csrfToken };
    const created = await app.inject({ method: 'POST', url: '/v1/api-keys', headers, payload: { name: 'ATS', scopes: ['assessments:read'] } });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { key, token } = created.json();
    expect(token).toMatch(new RegExp(`^assay_${key.prefix}_`));
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'GET', url: '/v1/challenges', headers: bearer })).statusCode).toBe(200);
    const listed = (await app.inject({ method: 'GET', url: '/v1/api-keys', headers })).json().items.find((k: { id: string }) => k.id === key.id);
    expect(listed).toMatchObject({ prefix: key.prefix, scopes: ['assessments:read'], lastUsedAt: expect.any(String), revokedAt: null });
    // The secret is base64url and may itself contain '_': take everything after the prefix.
    expect(JSON.stringify(listed)).not.toContain(token.slice(`assay_${key.prefix}_`.length));
    expect((await app.inject({ method: 'DELETE', url: `/v1/api-keys/${key.id}`, headers })).statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/v1/challenges', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.headers['www-authenticate']).toBe('Bearer');
  });

  it('refuses a malformed or unknown key rather than treating the caller as anonymous', async () => {
    for (const authorization of ['Bearer nope', `Bearer ${org.key}x`, 'Basic abc']) {
      expect((await app.inject({ method: 'GET', url: '/healthz', headers: { authorization } })).statusCode).toBe(401);
    }
  });
});

describe('the audit log', () => {
  it('records who created and revoked keys, changed members and viewed results', async () => {
    const session = await signIn(org.members.owner.email, PASSWORD, '10.6.0.1');
    const headers = { cookie: `assay_session=${cookieOf(session).value}`, 'x-csrf-token': session.json().csrfToken };
    const key = (await app.inject({ method: 'POST', url: '/v1/api-keys', headers, payload: { name: 'audited', scopes: ['results:read'] } })).json().key;
    await app.inject({ method: 'DELETE', url: `/v1/api-keys/${key.id}`, headers });
    await app.inject({ method: 'PATCH', url: `/v1/members/${org.members.interviewer.id}`, headers, payload: { role: 'admin' } });
    const sub = await app.inject({ method: 'POST', url: '/v1/submissions', headers: { authorization: `Bearer ${org.key}` }, payload: { challenge: 'sum-python', files: [{ path: 'calc.py', content: 'x = 1\n' }] } });
    await app.inject({ method: 'GET', url: `/v1/submissions/${sub.json().id}`, headers });
    const log = (await app.inject({ method: 'GET', url: '/v1/audit-log?limit=10', headers })).json().items;
    const actor = `member:${org.members.owner.id}`;
    expect(log.slice(0, 4).map((e: { action: string; actor: string; target: string }) => [e.action, e.actor, e.target])).toEqual([
      ['result.viewed', actor, `submission:${sub.json().id}`],
      ['member.role_changed', actor, `member:${org.members.interviewer.id}`],
      ['api_key.revoked', actor, `api-key:${key.id}`],
      ['api_key.created', actor, `api-key:${key.id}`],
    ]);
  });

  it('keeps an organisation\'s last owner', async () => {
    const session = await signIn(org.members.owner.email, PASSWORD, '10.7.0.1');
    const headers = { cookie: `assay_session=${cookieOf(session).value}`, 'x-csrf-token': session.json().csrfToken };
    const res = await app.inject({ method: 'DELETE', url: `/v1/members/${org.members.owner.id}`, headers });
    expect(res.statusCode).toBe(409);
  });
});

describe('secrets', () => {
  it('never stores or logs an API key, a session token, an invitation token or a password in clear', async () => {
    const res = await signIn(org.members.admin.email, PASSWORD, '10.8.0.1');
    const sessionToken = cookieOf(res).value;
    await app.inject({ method: 'GET', url: '/v1/challenges', headers: { cookie: `assay_session=${sessionToken}`, authorization: `Bearer ${org.key}` } });
    // An invitation's token, used as a candidate would: in the header and, wrongly, in a query string.
    const key = { authorization: `Bearer ${org.key}` };
    const a = await app.inject({ method: 'POST', url: '/v1/assessments', headers: key, payload: { name: 'S', timeLimitMinutes: 5, challenges: [{ slug: 'sum-python' }] } });
    const inv = await app.inject({ method: 'POST', url: `/v1/assessments/${a.json().id}/invitations`, headers: key, payload: { candidate: { name: 'C', email: 'c@d.e' } } });
    const invitationToken: string = inv.json().token;
    expect(invitationToken).toMatch(/^inv_/);
    expect((await app.inject({ method: 'GET', url: '/v1/candidate', headers: { authorization: `Bearer ${invitationToken}` } })).statusCode).toBe(200);
    await app.inject({ method: 'GET', url: `/v1/candidate?token=${invitationToken}` });
    const secretOfKey = org.key.split('_').slice(2).join('_'); // the secret may itself contain '_'
    const db = ['', '-wal'].map((suffix) => { try { return readFileSync(database.url + suffix).toString('latin1'); } catch { return ''; } }).join('');
    expect(db.length).toBeGreaterThan(10_000);
    expect(logged.length).toBeGreaterThan(1000);
    // The request is still logged, its credential replaced.
    expect(logged).toContain('"url":"/v1/candidate?token=%5Bredacted%5D"');
    for (const secret of [secretOfKey, sessionToken, invitationToken.slice(4), PASSWORD]) {
      expect(db).not.toContain(secret);
      expect(logged.split('\n').filter((l) => l.includes(secret))).toEqual([]);
    }
  });
});
