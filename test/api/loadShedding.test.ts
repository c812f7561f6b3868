import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { queuedCount, startTestService, type TestService } from '../support/testService.js';

let svc: TestService;

beforeAll(async () => {
  // A heap ceiling of 1 MiB: this process is always "overloaded", as a real one is past its ceiling.
  svc = await startTestService({ worker: false, env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges'), PRESSURE_MAX_HEAP_USED_MB: '1', PRESSURE_RETRY_AFTER_S: '7' } });
});
afterAll(async () => svc?.close());

describe('load shedding (@fastify/under-pressure)', () => {
  it('answers 503 problem+json with Retry-After when the process is over its limits, and stores nothing', async () => {
    const until = Date.now() + 15_000;
    let res = await svc.inject({ method: 'GET', url: '/v1/challenges' });
    // under-pressure samples the heap periodically; the first sample decides.
    while (res.statusCode !== 503 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      res = await svc.inject({ method: 'GET', url: '/v1/challenges' });
    }
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.json()).toMatchObject({ status: 503, type: expect.stringMatching(/service-unavailable$/), detail: expect.stringMatching(/overloaded/) });
    const submitted = await svc.inject({ method: 'POST', url: '/v1/submissions', payload: { challenge: 'sum-python', files: [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }] } });
    expect(submitted.statusCode).toBe(503);
    expect(await queuedCount(svc)).toBe(0);
  });
});
