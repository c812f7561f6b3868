import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { SCOPES, type Role, type Scope } from '../../src/tenancy/actor.js';
import { atLeast } from '../../src/tenancy/permissions.js';
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
const importOf: Record<string, string> = {};
let candidateToken = '';
let pinnedVersion = '';
const files = [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }];
const FIXTURE = path.join(repoRoot, 'test/fixtures/challenges/sum-python');
/** The fixture challenge's files as an upload under another slug (this service runs no worker: it stays validating). */
const uploadFiles = (slug: string) =>
  readdirSync(FIXTURE, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const rel = path.relative(FIXTURE, path.join(e.parentPath, e.name));
      const content = readFileSync(path.join(FIXTURE, rel), 'utf8');
      return { path: rel, content: rel === 'challenge.json' ? JSON.stringify({ ...JSON.parse(content), slug }) : content };
    });

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
    pinnedVersion = a.json().challenges[0].version;
    const inv = await svc.app.inject({ method: 'POST', url: `/v1/assessments/${a.json().id}/invitations`, headers: { authorization: `Bearer ${org.key}` }, payload: { candidate: { name: 'C', email: 'c@d.e' } } });
    invitationOf[org.slug] = inv.json().invitation.id;
    if (org === svc.org) candidateToken = inv.json().token;
    const up = await svc.app.inject({ method: 'POST', url: '/v1/challenges', headers: { authorization: `Bearer ${org.key}` }, payload: { files: uploadFiles(`${org.slug}-own`) } });
    expect(up.statusCode, up.body).toBe(202);
    importOf[org.slug] = up.json().id;
  }
});
afterAll(async () => svc.close());

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** May make what the call acts on (a fresh invitation to cancel, a member to remove). */
  url: () => string | Promise<string>;
  payload?: () => unknown;
  /** The status of a caller allowed to. */
  ok: number;
  /** The least member role allowed, and the API-key scope that allows it (null: no key may). */
  role: Role;
  scope: Scope | null;
}

const interviewer = asMember(() => svc.org, 'interviewer');
const admin = asMember(() => svc.org, 'admin');
const owner = asMember(() => svc.org, 'owner');
const keys = SCOPES.map((scope) => asKey([scope]));
const candidate: Caller = { name: 'candidate', headers: async () => ({ authorization: `Bearer ${candidateToken}` }) };
const callers = [anonymous, interviewer, admin, owner, ...keys, asKey([]), candidate];
let n = 0;
const uniqueEmail = () => `new${++n}@acme.test`;
const ROLE_OF: Record<string, Role> = { 'interviewer member': 'interviewer', 'admin member': 'admin', 'owner member': 'owner' };

/** What a caller gets from a staff route: 401 unauthenticated, `ok` when its role or scope allows, else 403. */
function expected(route: Route, caller: string): number {
  if (caller === 'anonymous') return 401;
  if (caller === 'candidate') return 403;
  const role = ROLE_OF[caller];
  if (role) return atLeast(role, route.role) ? route.ok : 403;
  return route.scope !== null && caller === `key with ${route.scope}` ? route.ok : 403;
}

/** A fresh invitation of acme's assessment, in `state`, for a route that changes one. */
async function freshInvitation(state: 'invited' | 'completed' = 'invited'): Promise<string> {
  const inv = await svc.rt.services.invitations.create(svc.org.owner, assessmentOf.acme!, { candidate: { name: 'F', email: uniqueEmail() } });
  if (state === 'completed') await svc.rt.store.invitations.transition(svc.org.id, inv.invitation.id, ['invited'], { state: 'completed', startedAt: new Date(), completedAt: new Date() });
  return inv.invitation.id;
}
const freshMember = async () => (await svc.rt.services.members.add(svc.org.owner, { email: uniqueEmail(), name: 'M', role: 'interviewer', password: PASSWORD })).id;
const freshEndpoint = async () => (await svc.rt.services.webhooks.create(svc.org.owner, { url: 'https://hooks.example.com/assay', eventTypes: ['invitation.created'] })).id;
const freshKey = async () => (await svc.rt.services.apiKeys.create(svc.org.owner, { name: 'k', scopes: ['results:read'] })).key.id;

const ROUTES: Record<string, Route> = {
  'GET /v1/challenges': { method: 'GET', url: () => '/v1/challenges', ok: 200, role: 'interviewer', scope: 'assessments:read' },
  'GET /v1/challenges/:slug': { method: 'GET', url: () => '/v1/challenges/sum-python', ok: 200, role: 'interviewer', scope: 'assessments:read' },
  'GET /v1/challenges/:slug/versions/:version': { method: 'GET', url: () => `/v1/challenges/sum-python/versions/${pinnedVersion}`, ok: 200, role: 'interviewer', scope: 'assessments:read' },
  'POST /v1/challenges': { method: 'POST', url: () => '/v1/challenges', payload: () => ({ files: uploadFiles(`acme-up-${++n}`) }), ok: 202, role: 'admin', scope: 'challenges:write' },
  'GET /v1/challenge-imports/:id': { method: 'GET', url: () => `/v1/challenge-imports/${importOf.acme}`, ok: 200, role: 'admin', scope: 'challenges:write' },
  'POST /v1/submissions': { method: 'POST', url: () => '/v1/submissions', payload: () => ({ challenge: 'sum-python', files }), ok: 202, role: 'interviewer', scope: 'invitations:write' },
  'GET /v1/submissions/:id': { method: 'GET', url: () => `/v1/submissions/${submissionOf.acme}`, ok: 200, role: 'interviewer', scope: 'results:read' },
  'GET /v1/submissions/:id/code': { method: 'GET', url: () => `/v1/submissions/${submissionOf.acme}/code`, ok: 200, role: 'interviewer', scope: 'results:read' },
  'GET /v1/submissions/:id/gradings': { method: 'GET', url: () => `/v1/submissions/${submissionOf.acme}/gradings`, ok: 200, role: 'interviewer', scope: 'results:read' },
  'GET /v1/members': { method: 'GET', url: () => '/v1/members', ok: 200, role: 'admin', scope: null },
  'POST /v1/members (interviewer)': { method: 'POST', url: () => '/v1/members', payload: () => ({ email: uniqueEmail(), name: 'N', role: 'interviewer', password: PASSWORD }), ok: 201, role: 'admin', scope: null },
  'POST /v1/members (admin)': { method: 'POST', url: () => '/v1/members', payload: () => ({ email: uniqueEmail(), name: 'N', role: 'admin', password: PASSWORD }), ok: 201, role: 'owner', scope: null },
  'PATCH /v1/members/:id': { method: 'PATCH', url: async () => `/v1/members/${await freshMember()}`, payload: () => ({ role: 'interviewer' }), ok: 200, role: 'admin', scope: null },
  'DELETE /v1/members/:id': { method: 'DELETE', url: async () => `/v1/members/${await freshMember()}`, ok: 204, role: 'admin', scope: null },
  'GET /v1/api-keys': { method: 'GET', url: () => '/v1/api-keys', ok: 200, role: 'admin', scope: null },
  'POST /v1/api-keys': { method: 'POST', url: () => '/v1/api-keys', payload: () => ({ name: 'k', scopes: ['results:read'] }), ok: 201, role: 'admin', scope: null },
  'DELETE /v1/api-keys/:id': { method: 'DELETE', url: async () => `/v1/api-keys/${await freshKey()}`, ok: 204, role: 'admin', scope: null },
  'GET /v1/audit-log': { method: 'GET', url: () => '/v1/audit-log', ok: 200, role: 'admin', scope: null },
  'GET /v1/assessments': { method: 'GET', url: () => '/v1/assessments', ok: 200, role: 'interviewer', scope: 'assessments:read' },
  'POST /v1/assessments': { method: 'POST', url: () => '/v1/assessments', payload: () => ({ name: 'B', timeLimitMinutes: 10, challenges: [{ slug: 'sum-python' }] }), ok: 201, role: 'admin', scope: 'assessments:write' },
  'GET /v1/assessments/:id': { method: 'GET', url: () => `/v1/assessments/${assessmentOf.acme}`, ok: 200, role: 'interviewer', scope: 'assessments:read' },
  'PUT /v1/assessments/:id': { method: 'PUT', url: () => `/v1/assessments/${assessmentOf.acme}`, payload: () => ({ name: 'A', timeLimitMinutes: 30, challenges: [{ slug: 'sum-python' }] }), ok: 200, role: 'admin', scope: 'assessments:write' },
  'GET /v1/assessments/:id/invitations': { method: 'GET', url: () => `/v1/assessments/${assessmentOf.acme}/invitations`, ok: 200, role: 'interviewer', scope: 'results:read' },
  'POST /v1/assessments/:id/invitations': { method: 'POST', url: () => `/v1/assessments/${assessmentOf.acme}/invitations`, payload: () => ({ candidate: { name: 'N', email: 'n@x.y' } }), ok: 201, role: 'interviewer', scope: 'invitations:write' },
  'GET /v1/assessments/:id/results.csv': { method: 'GET', url: () => `/v1/assessments/${assessmentOf.acme}/results.csv`, ok: 200, role: 'interviewer', scope: 'results:read' },
  'GET /v1/invitations/:id': { method: 'GET', url: () => `/v1/invitations/${invitationOf.acme}`, ok: 200, role: 'interviewer', scope: 'results:read' },
  'GET /v1/invitations/:id/result': { method: 'GET', url: () => `/v1/invitations/${invitationOf.acme}/result`, ok: 200, role: 'interviewer', scope: 'results:read' },
  'GET /v1/invitations/:id/similarity': { method: 'GET', url: () => `/v1/invitations/${invitationOf.acme}/similarity`, ok: 200, role: 'interviewer', scope: 'results:read' },
  'GET /v1/submissions/:id/similarity': { method: 'GET', url: () => `/v1/submissions/${submissionOf.acme}/similarity`, ok: 200, role: 'interviewer', scope: 'results:read' },
  'POST /v1/invitations/:id/report-link': { method: 'POST', url: () => `/v1/invitations/${invitationOf.acme}/report-link`, payload: () => ({ minutes: 5 }), ok: 201, role: 'interviewer', scope: 'results:read' },
  'POST /v1/invitations/:id/cancel': { method: 'POST', url: async () => `/v1/invitations/${await freshInvitation()}/cancel`, ok: 200, role: 'interviewer', scope: 'invitations:write' },
  'POST /v1/invitations/:id/extend': { method: 'POST', url: async () => `/v1/invitations/${await freshInvitation()}/extend`, payload: () => ({ minutes: 5 }), ok: 200, role: 'interviewer', scope: 'invitations:write' },
  'POST /v1/invitations/:id/reopen': { method: 'POST', url: async () => `/v1/invitations/${await freshInvitation('completed')}/reopen`, payload: () => ({ minutes: 5 }), ok: 200, role: 'interviewer', scope: 'invitations:write' },
  'GET /v1/webhook-endpoints': { method: 'GET', url: () => '/v1/webhook-endpoints', ok: 200, role: 'admin', scope: 'webhooks:write' },
  'POST /v1/webhook-endpoints': { method: 'POST', url: () => '/v1/webhook-endpoints', payload: () => ({ url: 'https://hooks.example.com/assay', eventTypes: ['invitation.created'] }), ok: 201, role: 'admin', scope: 'webhooks:write' },
  'GET /v1/webhook-endpoints/:id': { method: 'GET', url: async () => `/v1/webhook-endpoints/${await freshEndpoint()}`, ok: 200, role: 'admin', scope: 'webhooks:write' },
  'PATCH /v1/webhook-endpoints/:id': { method: 'PATCH', url: async () => `/v1/webhook-endpoints/${await freshEndpoint()}`, payload: () => ({ description: 'changed' }), ok: 200, role: 'admin', scope: 'webhooks:write' },
  'DELETE /v1/webhook-endpoints/:id': { method: 'DELETE', url: async () => `/v1/webhook-endpoints/${await freshEndpoint()}`, ok: 204, role: 'admin', scope: 'webhooks:write' },
  'POST /v1/webhook-endpoints/:id/rotate-secret': { method: 'POST', url: async () => `/v1/webhook-endpoints/${await freshEndpoint()}/rotate-secret`, payload: () => ({}), ok: 200, role: 'admin', scope: 'webhooks:write' },
  'GET /v1/webhook-endpoints/:id/attempts': { method: 'GET', url: async () => `/v1/webhook-endpoints/${await freshEndpoint()}/attempts`, ok: 200, role: 'admin', scope: 'webhooks:write' },
  'POST /v1/webhook-endpoints/:id/redeliver': { method: 'POST', url: async () => `/v1/webhook-endpoints/${await freshEndpoint()}/redeliver`, payload: () => ({ since: new Date(0).toISOString() }), ok: 202, role: 'admin', scope: 'webhooks:write' },
};

/** Candidate routes: a candidate's only, refused to anyone else (tested as candidates in test/pipeline/candidateSession.test.ts). */
const CANDIDATE_ROUTES: [Route['method'], string, object?][] = [
  ['GET', '/v1/candidate'],
  ['POST', '/v1/candidate/start'],
  ['GET', '/v1/candidate/drafts'],
  ['PUT', '/v1/candidate/drafts/sum-python', { files }],
  ['POST', '/v1/candidate/submissions', { challenge: 'sum-python', files }],
  ['GET', `/v1/candidate/submissions/00000000-0000-4000-8000-000000000001`],
  ['GET', `/v1/candidate/submissions/00000000-0000-4000-8000-000000000001/events`],
  ['POST', '/v1/candidate/practice', { challenge: 'sum-python', files }],
  ['GET', `/v1/candidate/practice/00000000-0000-4000-8000-000000000001`],
  ['GET', `/v1/candidate/practice/00000000-0000-4000-8000-000000000001/events`],
  ['GET', '/v1/candidate/result'],
];

/**
 * Routes not in the tables above, each with where it is tested: a stream that stays open for an
 * allowed caller, and the routes of signing in and of shared report links, which take no actor.
 */
const ELSEWHERE = new Set([
  'GET /v1/submissions/:id/events', // test/pipeline/events.test.ts; its 404 across organisations below
  'POST /v1/session', 'GET /v1/session', 'DELETE /v1/session', // test/api/identity.test.ts
  'GET /v1/reports/:token', // test/pipeline/candidateSession.test.ts
]);

describe.each(Object.entries(ROUTES))('%s', (_name, route) => {
  it.each(callers.map((c) => [c.name, c] as const))('answers %s as expected', async (name, caller) => {
    const res = await svc.app.inject({ method: route.method, url: await route.url(), headers: await caller.headers(), payload: route.payload?.() as object | undefined });
    expect(res.statusCode, res.body).toBe(expected(route, name));
    if (res.statusCode >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('candidate routes', () => {
  it.each(callers.filter((c) => c !== candidate).map((c) => [c.name, c] as const))('refuse %s', async (name, caller) => {
    for (const [method, url, payload] of CANDIDATE_ROUTES) {
      const res = await svc.app.inject({ method, url, headers: await caller.headers(), payload });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(name === 'anonymous' ? 401 : 403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('the tables', () => {
  it('cover every route the API documents', async () => {
    const spec = svc.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(spec.paths)
      .filter(([p]) => p.startsWith('/v1/'))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
    const tabled = new Set([...Object.keys(ROUTES).map((k) => k.replace(/ \(.*\)$/, '')), ...CANDIDATE_ROUTES.map(([m, u]) => `${m} ${u.replace(/\/[0-9a-f-]{36}/, '/:id').replace('/drafts/sum-python', '/drafts/:slug')}`), ...ELSEWHERE]);
    expect(documented.filter((r) => !tabled.has(r))).toEqual([]);
    expect(documented.length).toBeGreaterThan(40);
  });
});

describe('across organisations', () => {
  it.each(Object.entries(ROUTES).filter(([name]) => name.includes(':id')))('answers %s with another organisation\'s id 404, for its owner and its key', async (_name, route) => {
    for (const caller of [asMember(() => other, 'owner'), { name: 'their key', headers: async () => ({ authorization: `Bearer ${other.key}` }) }]) {
      if (route.scope === null && caller.name === 'their key') continue;
      const res = await svc.app.inject({ method: route.method, url: await route.url(), headers: await caller.headers(), payload: route.payload?.() as object | undefined });
      expect(res.statusCode, `${caller.name}: ${res.body}`).toBe(404);
    }
  });

  it('answers another organisation\'s submission 404, the same as an unknown id, for every caller', async () => {
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    for (const caller of [interviewer, admin, owner, asKey(['results:read'])]) {
      const headers = await caller.headers();
      for (const url of [`/v1/submissions/${submissionOf.globex}`, `/v1/submissions/${submissionOf.globex}/events`, `/v1/submissions/${submissionOf.globex}/code`, `/v1/submissions/${submissionOf.globex}/gradings`]) {
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
