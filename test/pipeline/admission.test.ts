import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { repoRoot } from '../../src/repoRoot.js';
import { openApiRuntime, type ApiRuntime } from '../../src/runtime/apiRuntime.js';
import { appInfra, appServices } from '../../src/runtime/appServices.js';
import { queuedCount, startTestService, type TestService } from '../support/testService.js';

const FIXTURES = path.join(repoRoot, 'test/fixtures/challenges');
const payload = (n: number) => ({ challenge: 'sum-python', files: [{ path: 'calc.py', content: `def add(a, b):\n    return a + b  # ${n}\n` }] });
const jobCount = (svc: TestService) => svc.rt.queue.getJobCountByTypes('waiting', 'delayed', 'active', 'prioritized');

function expectRefusal(res: { statusCode: number; headers: Record<string, unknown>; json: () => { status: number; type: string } }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.json().status).toBe(status);
}

describe('the server-wide cap on queued submissions (SUBMISSIONS_MAX_QUEUED)', () => {
  let svc: TestService;
  let second: ApiRuntime;
  let secondApp: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    svc = await startTestService({ worker: false, env: { CHALLENGES_DIR: FIXTURES, SUBMISSIONS_MAX_QUEUED: '5', SUBMISSIONS_PER_CLIENT_PER_WINDOW: '1000' } });
    // A second API process's parts: its own Redis connections and app, the same database and queue.
    second = await openApiRuntime(svc.config);
    secondApp = await buildApp(appServices(second), appInfra(second), false);
  });
  afterAll(async () => {
    await secondApp?.close();
    await second?.close();
    await svc?.close();
  });

  it('admits exactly the cap across two API processes submitting at once; the rest get 503 + Retry-After and are not stored', async () => {
    const keys = await Promise.all(Array.from({ length: 4 }, () => svc.org.keyWith(['invitations:write'])));
    const apps = [svc.app, secondApp];
    const responses = await Promise.all(Array.from({ length: 16 }, (_, i) =>
      apps[i % 2]!.inject({ method: 'POST', url: '/v1/submissions', headers: { authorization: `Bearer ${i % 3 === 0 ? svc.org.key : keys[i % 4]}` }, payload: payload(i) })));
    const accepted = responses.filter((r) => r.statusCode === 202);
    const refused = responses.filter((r) => r.statusCode !== 202);
    expect(accepted).toHaveLength(5);
    for (const r of refused) {
      expectRefusal(r, 503);
      expect(r.json().type).toMatch(/service-unavailable$/);
    }
    // The database holds exactly the accepted ones, each queued once.
    expect(await queuedCount(svc)).toBe(5);
    for (const r of accepted) expect(await svc.rt.store.submissions.get(svc.org.id, r.json().id)).toBeDefined();
    expect(await jobCount(svc)).toBe(5);
    // No reservation outlives its submit.
    expect(await svc.rt.redis.zcard(svc.rt.queue.toKey('admission'))).toBe(0);
  });

  it('admits again once the queue drains below the cap', async () => {
    const [job] = await svc.rt.queue.getJobs(['waiting'], 0, 0);
    await job!.remove();
    const res = await svc.inject({ method: 'POST', url: '/v1/submissions', payload: payload(100) });
    expect(res.statusCode, res.body).toBe(202);
    expectRefusal(await svc.inject({ method: 'POST', url: '/v1/submissions', payload: payload(101) }), 503);
  });
});

describe('the per-client submission rate (SUBMISSIONS_PER_CLIENT_PER_WINDOW, @fastify/rate-limit in Redis)', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ worker: false, env: { CHALLENGES_DIR: FIXTURES, SUBMISSIONS_PER_CLIENT_PER_WINDOW: '3', SUBMISSIONS_CLIENT_WINDOW_MS: '60000' } });
  });
  afterAll(async () => svc?.close());

  it('refuses a client past its count with 429 + Retry-After, storing nothing, while another client goes on', async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await svc.inject({ method: 'POST', url: '/v1/submissions', payload: payload(i) }));
    expect(results.map((r) => r.statusCode)).toEqual([202, 202, 202, 429, 429]);
    for (const r of results.slice(3)) {
      expectRefusal(r, 429);
      expect(r.json().type).toMatch(/too-many-requests$/);
      expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    expect(await queuedCount(svc)).toBe(3);
    const other = await svc.org.keyWith(['invitations:write']);
    const res = await svc.app.inject({ method: 'POST', url: '/v1/submissions', headers: { authorization: `Bearer ${other}` }, payload: payload(9) });
    expect(res.statusCode, res.body).toBe(202);
    expect(await queuedCount(svc)).toBe(4);
  });
});
