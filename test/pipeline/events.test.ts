import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startWorker, type RunningWorker } from '../../src/worker/startWorker.js';
import { startTestService, type TestService } from '../support/testService.js';
import { readStream } from '../support/sse.js';
import { submit } from '../support/submissions.js';

let svc: TestService;
let worker: RunningWorker | undefined;
let base: string;
const auth = () => ({ headers: { authorization: `Bearer ${svc.org.key}` } });

beforeAll(async () => {
  svc = await startTestService({ worker: false, env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges') } });
  base = await svc.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await worker?.close();
  await svc.close();
});

describe('GET /v1/submissions/:id/events', () => {
  it('streams queued, running, each test as it finishes, then completed, and ends', async () => {
    const id = await submit(svc, 'sum-python', [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }]);
    const res = await fetch(`${base}/v1/submissions/${id}/events`, auth());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    worker = await startWorker(svc.rt, { concurrency: 1 });
    const events = await readStream(res);
    expect(events.map((e) => e.event)).toEqual(['queued', 'running', 'test', 'test', 'test', 'completed']);
    expect(events[0]!.data).toMatchObject({ id, status: 'queued' });
    expect(events.filter((e) => e.event === 'test').map((e) => e.data)).toEqual([
      expect.objectContaining({ name: 'test_sum.py::test_adds_positive_numbers', status: 'passed', points: 2 }),
      expect.objectContaining({ name: 'test_sum.py::test_adds_negative_numbers', status: 'passed', points: 1 }),
      expect.objectContaining({ name: 'test_sum.py::test_slow_but_fine', status: 'passed', points: 3 }),
    ]);
    expect(events.at(-1)!.data).toMatchObject({ id, status: 'completed', verdict: 'passed', score: { earned: 6, max: 6, percent: 100 } });
  });

  it('sends the final state at once for a finished submission, and 404s for an unknown one', async () => {
    const id = await submit(svc, 'sum-python', [{ path: 'calc.py', content: 'def add(a, b):\n    return 0\n' }]);
    const done = await (async () => {
      for (;;) {
        const body = (await svc.inject({ method: 'GET', url: `/v1/submissions/${id}` })).json();
        if (body.status === 'completed') return body;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const events = await readStream(await fetch(`${base}/v1/submissions/${id}/events`, auth()));
    expect(events).toEqual([{ event: 'completed', data: done }]);
    const missing = await fetch(`${base}/v1/submissions/00000000-0000-4000-8000-000000000000/events`, auth());
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
