import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import type { Role, Scope } from '../../src/tenancy/actor.js';
import { PASSWORD, seedOrganisation, type SeededOrganisation } from '../support/organisations.js';
import { startTestService, type TestService } from '../support/testService.js';

// Every route × every kind of caller, with two organisations: what each may do, and that nothing of
// one organisation is reachable from the other (its ids answer 404, exactly like unknown ones).

let svc: TestService;
let other: SeededOrganisation;
/** A submission of each organisation. */
const submissionOf: Record<string, string> = {};
const assessmentOf: Record<string, string> = {};
const invitationOf: Record<string, string> = {};
const files = [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }];

const sessions = new Map<string, { cookie: string; csrf: string }>();
/** One session per member for the whole file: sign-in is throttled per account. */
async function signIn(email: string): Promise<{ cookie: string; csrf: string }> {
  if (!sessions.has(email)) {
    const res = await svc.app.inject({ method: 'POST', url: '/v1/session', payload: { email, password: PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'assay_session')!;
    sessions.set(email, { cookie: `assay_session=${cookie.value}`, csrf: res.json().csrfToken });
  }
  return sessions.get(email)!;
}

type Caller = { name: string; headers: () => Promise<Record<string, string>> };
const asMember = (org: () => SeededOrganisation, role: Role): Caller => ({
  name: `${role} member`,
  headers: async () => {
    const { cookie, csrf } = await signIn(org().members[role].email);
    return { cookie, 'x-csrf-token': csrf };
  },
});
const asKey = (scopes: Scope[]): Caller => ({ name: `key with ${scopes.join(', ') || 'no scope'}`, headers: async () => ({ authorization: `Bearer ${await svc.org.keyWith(scopes)}` }) });
const anonymous: Caller = { name: 'anonymous', headers: async () => ({}) };

beforeAll(async () => {
  svc = await startTestService({ worker: false, env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges') } });
  other = await seedOrganisation(svc.rt, 'globex');
  for (const org of [svc.org, other]) {
    const res = await svc.app.inject({ method: 'POST', url: '/v1/submissions', headers: { authorization: `Bearer ${org.key}` }, payload: { challenge: 'sum-python', files } });
    expect(res.statusCode).toBe(202);
    submissionOf[org.slug] = res.json().id;
    const a = await svc.app.inject({ method: 'POST', url: '/v1/assessments', headers: { authorization: `Bearer ${org.key}` }, payload: { name: 'A', timeLimitMinutes: 30, challenges: [{ slug: 'sum-python' }] } });
    expect(a.statusCode).toBe(201);
    assessmentOf[org.slug] = a.json().id;
    const inv = await svc.app.inject({ method: 'POST', url: `/v1/assessments/${a.json().id}/invitations`, headers: { authorization: `Bearer ${org.key}` }, payload: { candidate: { name: 'C', email: 'c@d.e' } } });
    invitationOf[org.slug] = inv.json().invitation.id;
  }
});
afterAll(async () => svc.close());

interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: () => string;
  payload?: () => unknown;
  /** The status each caller gets. */
  expect: Record<string, number>;
}

const interviewer = asMember(() => svc.org, 'interviewer');
const admin = asMember(() => svc.org, 'admin');
const owner = asMember(() => svc.org, 'owner');
const readKey = asKey(['results:read']);
const assessKey = asKey(['assessments:write']);
const writeKey = asKey(['invitations:write']);
const catalogueKey = asKey(['assessments:read']);
const callers = [anonymous, interviewer, admin, owner, readKey, writeKey, catalogueKey, assessKey];
let n = 0;
const uniqueEmail = () => `new${++n}@acme.test`;

const ROUTES: Record<string, Route> = {
  'GET /v1/challenges': { method: 'GET', url: () => '/v1/challenges', expect: { anonymous: 401, 'interviewer member': 200, 'admin member': 200, 'owner member': 200, 'key with results:read': 403, 'key with invitations:write': 403, 'key with assessments:read': 200, 'key with assessments:write': 403 } },
  'POST /v1/submissions': { method: 'POST', url: () => '/v1/submissions', payload: () => ({ challenge: 'sum-python', files }), expect: { anonymous: 401, 'interviewer member': 202, 'admin member': 202, 'owner member': 202, 'key with results:read': 403, 'key with invitations:write': 202, 'key with assessments:read': 403, 'key with assessments:write': 403 } },
  'GET /v1/submissions/:id': { method: 'GET', url: () => `/v1/submissions/${submissionOf.acme}`, expect: { anonymous: 401, 'interviewer member': 200, 'admin member': 200, 'owner member': 200, 'key with results:read': 200, 'key with invitations:write': 403, 'key with assessments:read': 403, 'key with assessments:write': 403 } },
  'GET /v1/members': { method: 'GET', url: () => '/v1/members', expect: { anonymous: 401, 'interviewer member': 403, 'admin member': 200, 'owner member': 200, 'key with results:read': 403, 'key with invitations:write': 403, 'key with assessments:read': 403, 'key with assessments:write': 403 } },
  'POST /v1/members (interviewer)': { method: 'POST', url: () => '/v1/members', payload: () => ({ email: uniqueEmail(), name: 'N', role: 'interviewer', password: PASSWORD }), expect: { anonymous: 401, 'interviewer member': 403, 'admin member': 201, 'owner member': 201, 'key with results:read': 403, 'key with invitations:write': 403, 'key with assessments:read': 403, 'key with assessments:write': 403 } },
  'POST /v1/members (admin)': { method: 'POST', url: () => '/v1/members', payload: () => ({ email: uniqueEmail(), name: 'N', role: 'admin', password: PASSWORD }), expect: { anonymous: 401, 'interviewer member': 403, 'admin member': 403, 'owner member': 201, 'key with results:read': 403, 'key with invitations:write': 403, 'key with assessments:read': 403, 'key with assessments:write': 403 } },
  'GET /v1/api-keys': { method: 'GET', url: () => '/v1/api-keys', expect: { anonymous: 401, 'interviewer member': 403, 'admin member': 200, 'owner member': 200, 'key with results:read': 403, 'key with invitations:write': 403, 'key with assessments:read': 403, 'key with assessments:write': 403 } },
  'POST /v1/api-keys': { method: 'POST', url: () => '/v1/api-keys', payload: () => ({ name: 'k', scopes: ['results:read'] }), expect: { anonymous: 401, 'interviewer member': 403, 'admin member': 201, 'owner member': 201, 'key with results:read': 403, 'key with invitations:write': 403, 'key with assessments:read': 403, 'key with assessments:write': 403 } },
  'GET /v1/assessments': { method: 'GET', url: () => '/v1/assessments', expect: { anonymous: 401, 'interviewer member': 200, 'admin member': 200, 'owner member': 200, 'key with results:read': 403, 'key with invitations:write': 403, 'key with assessments:read': 200, 'key with assessments:write': 403 } },
  'POST /v1/assessments': { method: 'POST', url: () => '/v1/assessments', payload: () => ({ name: 'B', timeLimitMinutes: 10, challenges: [{ slug: 'sum-python' }] }), expect: { anonymous: 401, 'interviewer member': 403, 'admin member': 201, 'owner member': 201, 'key with results:read': 403, 'key with invitations:write': 403, 'key with assessments:read': 403, 'key with assessments:write': 201 } },
  'POST /v1/assessments/:id/invitations': { method: 'POST', url: () => `/v1/assessments/${assessmentOf.acme}/invitations`, payload: () => ({ candidate: { name: 'N', email: 'n@x.y' } }), expect: { anonymous: 401, 'interviewer member': 201, 'admin member': 201, 'owner member': 201, 'key with results:read': 403, 'key with invitations:write': 201, 'key with assessments:read': 403, 'key with assessments:write': 403 } },
  'GET /v1/invitations/:id/result': { method: 'GET', url: () => `/v1/invitations/${invitationOf.acme}/result`, expect: { anonymous: 401, 'interviewer member': 200, 'admin member': 200, 'owner member': 200, 'key with results:read': 200, 'key with invitations:write': 403, 'key with assessments:read': 403, 'key with assessments:write': 403 } },
  'GET /v1/audit-log': { method: 'GET', url: () => '/v1/audit-log', expect: { anonymous: 401, 'interviewer member': 403, 'admin member': 200, 'owner member': 200, 'key with results:read': 403, 'key with invitations:write': 403, 'key with assessments:read': 403, 'key with assessments:write': 403 } },
};

describe.each(Object.entries(ROUTES))('%s', (_name, route) => {
  it.each(callers.map((c) => [c.name, c] as const))('answers %s as expected', async (name, caller) => {
    const res = await svc.app.inject({ method: route.method, url: route.url(), headers: await caller.headers(), payload: route.payload?.() as object | undefined });
    expect(res.statusCode, res.body).toBe(route.expect[name]);
    if (res.statusCode >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('across organisations', () => {
  it('answers another organisation\'s submission 404, the same as an unknown id, for every caller', async () => {
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    for (const caller of [interviewer, admin, owner, asKey(['results:read'])]) {
      const headers = await caller.headers();
      for (const url of [`/v1/submissions/${submissionOf.globex}`, `/v1/submissions/${submissionOf.globex}/events`]) {
        const res = await svc.app.inject({ method: 'GET', url, headers });
        const missing = await svc.app.inject({ method: 'GET', url: url.replace(submissionOf.globex!, unknown), headers });
        expect(res.statusCode).toBe(404);
        expect(res.json().title).toBe(missing.json().title);
        expect(res.body).toBe(missing.body.replaceAll(unknown, submissionOf.globex!));
      }
    }
  });

  it('cannot change, remove or revoke another organisation\'s members and keys', async () => {
    const headers = await owner.headers();
    const theirKeys = (await svc.app.inject({ method: 'GET', url: '/v1/api-keys', headers: await asMember(() => other, 'owner').headers() })).json().items;
    expect(theirKeys.length).toBeGreaterThan(0);
    expect((await svc.app.inject({ method: 'DELETE', url: `/v1/api-keys/${theirKeys[0].id}`, headers })).statusCode).toBe(404);
    expect((await svc.app.inject({ method: 'PATCH', url: `/v1/members/${other.members.interviewer.id}`, headers, payload: { role: 'admin' } })).statusCode).toBe(404);
    expect((await svc.app.inject({ method: 'DELETE', url: `/v1/members/${other.members.admin.id}`, headers })).statusCode).toBe(404);
    const listed = (await svc.app.inject({ method: 'GET', url: '/v1/members', headers })).json().items.map((m: { email: string }) => m.email);
    expect(listed.some((e: string) => e.endsWith('@globex.test'))).toBe(false);
  });

  it('never lets one organisation\'s key act for the other', async () => {
    const res = await svc.app.inject({ method: 'GET', url: `/v1/submissions/${submissionOf.acme}`, headers: { authorization: `Bearer ${other.key}` } });
    expect(res.statusCode).toBe(404);
  });
});
