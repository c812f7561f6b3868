import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadChallenges } from '../../src/challenges/loadChallenges.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { repoRoot } from '../../src/repoRoot.js';
import { openRuntime } from '../../src/runtime.js';
import { startWorker } from '../../src/worker/startWorker.js';
import { isolatedEnv } from '../support/testEnv.js';
import { startTestService, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';

const FIXTURES = path.join(repoRoot, 'test/fixtures/challenges');
const files = [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }];
let svc: TestService | undefined;

afterEach(async () => {
  await svc?.close();
  svc = undefined;
});

describe('failures of ours are retried, then end as failed with a reason', () => {
  it('when the Docker engine is unreachable', async () => {
    svc = await startTestService({ env: { CHALLENGES_DIR: FIXTURES, DOCKER_SOCKET: '/nonexistent/docker.sock', JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '50' } });
    const id = await submit(svc, 'sum-python', files);
    const r = await waitForResult(svc, id);
    expect(r).toMatchObject({ status: 'failed', verdict: null, score: null });
    expect(r.message).toMatch(/^internal error: cannot reach the Docker engine: .*docker\.sock/);
    const row = svc.rt.database.db.$client.prepare('select attempts from submissions where id = ?').get(id);
    expect(row).toEqual({ attempts: 3 });
  });

  it('when the runner image is missing', async () => {
    svc = await startTestService({ worker: false, env: { CHALLENGES_DIR: FIXTURES, JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '50' } });
    svc.rt.workerDeps.imageFor = async () => 'assay-runner-python:missing';
    svc.worker = await startWorker(svc.rt);
    const id = await submit(svc, 'sum-python', files);
    const r = await waitForResult(svc, id);
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(/assay-runner-python:missing/);
  });
});

describe('submitting while Redis is down', () => {
  it('answers 503 with Retry-After and keeps no orphan row', async () => {
    // Nothing listens on this port: the queue cannot take the job.
    const env = isolatedEnv({ CHALLENGES_DIR: FIXTURES, REDIS_URL: 'redis://127.0.0.1:1' });
    const rt = openRuntime(loadConfig(env));
    await loadChallenges(rt.database.db, FIXTURES);
    const app = await buildApp(rt.appDeps, false);
    try {
      const res = await app.inject({ method: 'POST', url: '/v1/submissions', payload: { challenge: 'sum-python', files } });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({ status: 503, type: expect.stringContaining('service-unavailable') });
      expect(rt.database.db.$client.prepare('select count(*) as n from submissions').get()).toEqual({ n: 0 });
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks.redis.status).toBe('down');
    } finally {
      await app.close();
      await rt.close();
    }
  });
});
