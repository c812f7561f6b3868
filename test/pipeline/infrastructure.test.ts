import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadChallenges } from '../../src/challenges/loadChallenges.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { repoRoot } from '../../src/repoRoot.js';
import { openApiRuntime } from '../../src/runtime/apiRuntime.js';
import { appInfra, appServices } from '../../src/runtime/appServices.js';
import { BUILTIN_OWNER } from '../../src/tenancy/actor.js';
import { seedOrganisation } from '../support/organisations.js';
import { createTestDatabase, isolatedEnv } from '../support/testEnv.js';
import { startTestService, stored, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';

const FIXTURES = path.join(repoRoot, 'test/fixtures/challenges');
const files = [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }];
let svc: TestService | undefined;

afterEach(async () => {
  await svc?.close();
  svc = undefined;
});

describe('failures of ours are retried, then end as failed with a code', () => {
  it('engine_unreachable when the Docker engine cannot be reached', async () => {
    svc = await startTestService({ env: { CHALLENGES_DIR: FIXTURES, DOCKER_SOCKET: '/nonexistent/docker.sock', JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '50' } });
    const id = await submit(svc, 'sum-python', files);
    const r = await waitForResult(svc, id);
    expect(r).toMatchObject({ status: 'failed', failureCode: 'engine_unreachable', verdict: null, score: null });
    expect((await stored(svc, id)).attempts).toBe(3);
  });

  it('image_missing when the runner image is not on the engine', async () => {
    svc = await startTestService({ env: { CHALLENGES_DIR: FIXTURES, JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '50' }, worker: { imageFor: async () => 'assay-runner-python:missing' } });
    const id = await submit(svc, 'sum-python', files);
    const r = await waitForResult(svc, id);
    expect(r).toMatchObject({ status: 'failed', failureCode: 'image_missing', score: null });
  });

  it('challenge_missing when the package a job names was never published', async () => {
    svc = await startTestService({ env: { CHALLENGES_DIR: FIXTURES, JOB_ATTEMPTS: '1' } });
    const id = await submit(svc, 'sum-python', files);
    await waitForResult(svc, id);
    // A stored submission whose job names a version no API published.
    const { data } = (await svc.rt.queue.getJob(id))!;
    const other = '00000000-0000-4000-8000-000000000001';
    const version = 'f'.repeat(64);
    await svc.rt.store.submissions.insert(svc.org.id, { id: other, challengeSlug: 'sum-python', challengeVersion: version, files, idempotencyKey: null, requestHash: 'x' }, new Date());
    await svc.rt.queue.add('run', { ...data, submissionId: other, challenge: { slug: 'sum-python', version } }, { jobId: other });
    const r = await waitForResult(svc, other);
    expect(r).toMatchObject({ status: 'failed', failureCode: 'challenge_missing' });
  });
});

describe('submitting while Redis is down', () => {
  it('answers 503 with Retry-After and keeps no orphan row', async () => {
    // Nothing listens on this port: the queue cannot take the job.
    const database = await createTestDatabase();
    const rt = await openApiRuntime(loadConfig(isolatedEnv(database, { CHALLENGES_DIR: FIXTURES, REDIS_URL: 'redis://127.0.0.1:1' })));
    await loadChallenges(rt.store.challenges, BUILTIN_OWNER, FIXTURES);
    const app = await buildApp(appServices(rt), appInfra(rt), false);
    const org = await seedOrganisation(rt, 'acme');
    const headers = { authorization: `Bearer ${org.key}` };
    try {
      const res = await app.inject({ method: 'POST', url: '/v1/submissions', headers, payload: { challenge: 'sum-python', files } });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({ status: 503, type: expect.stringContaining('service-unavailable') });
      expect(await rt.store.submissions.staleQueued(new Date(Date.now() + 60_000), 10)).toEqual([]);
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks.redis.status).toBe('down');
    } finally {
      await app.close();
      await rt.close();
      await database.drop();
    }
  });
});
