import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveMetrics } from '../../src/metrics/metricsServer.js';
import { repoRoot } from '../../src/repoRoot.js';
import { startWorker } from '../../src/worker/startWorker.js';
import { metricValue } from '../support/metrics.js';
import { startTestService, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';

const FIXTURES = path.join(repoRoot, 'test/fixtures/challenges');
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const ADMIN_PASSWORD = 'admin-password-0123456789abcdef';
const PASSING = [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }];
const FAILING = [{ path: 'calc.py', content: 'def add(a, b):\n    return 0\n' }];

let svc: TestService;
let base: string;
const lines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  svc = await startTestService({
    worker: { poolSize: 1 },
    log: pino({ level: 'info' }, sink),
    env: { CHALLENGES_DIR: FIXTURES, METRICS_TOKEN, ADMIN_PASSWORD, JOB_ATTEMPTS: '1' },
  });
  base = await svc.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => svc?.close());

const scrape = async () => {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
};

describe('/metrics', () => {
  it('wants the METRICS_TOKEN as a bearer token (401 problem+json without it)', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: `Bearer ${svc.org.key}` }] as Array<Record<string, string>>) {
      const res = await fetch(`${base}/metrics`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it('has every family, each moving after real runs: HTTP by route, queue depth, runs by runner and verdict, durations, the warm pool, outcomes, failures', async () => {
    const before = await scrape();
    const passed = await submit(svc, 'sum-python', PASSING);
    const failed = await submit(svc, 'sum-python', FAILING);
    // Verdicts as they came (a loaded machine may turn one into time_limit_exceeded): each is counted under its own.
    const verdicts = [(await waitForResult(svc, passed)).verdict as string, (await waitForResult(svc, failed)).verdict as string];
    expect(verdicts[1]).not.toBe('passed');
    // One of our own failures: a worker whose images are missing, on the only attempt.
    await svc.worker!.close();
    svc.worker = await startWorker(svc.rt, { poolSize: 0, imageFor: async () => 'assay-no-such-image:0' });
    const broken = await submit(svc, 'sum-python', PASSING);
    expect(await waitForResult(svc, broken)).toMatchObject({ status: 'failed', failureCode: 'image_missing' });
    const after = await scrape();
    const moved = (name: string, labels: Record<string, string> = {}) => (metricValue(after, name, labels) ?? 0) - (metricValue(before, name, labels) ?? 0);

    expect(moved('assay_http_request_duration_seconds_count', { method: 'POST', route: '/v1/submissions', status_code: '202' })).toBe(3);
    expect(moved('assay_http_request_duration_seconds_count', { method: 'GET', route: '/v1/submissions/:id', status_code: '200' })).toBeGreaterThan(0);
    // Route patterns, never URLs: no series names a submission.
    expect(after).not.toContain(passed);
    expect(metricValue(after, 'assay_queue_jobs', { state: 'waiting' })).toBe(0);
    // A run that could not be run is reported failed and its job ends; BullMQ counts it completed.
    expect(moved('assay_queue_jobs', { state: 'completed' })).toBe(3);
    for (const verdict of new Set(verdicts)) {
      expect(moved('assay_runs_total', { runner: 'python', verdict })).toBe(verdicts.filter((v) => v === verdict).length);
    }
    expect(moved('assay_runs_total')).toBe(2);
    expect(moved('assay_run_duration_seconds_count', { runner: 'python' })).toBe(2);
    expect(moved('assay_run_duration_seconds_sum', { runner: 'python' })).toBeGreaterThan(0);
    expect(moved('assay_warm_pool_takes_total')).toBe(2);
    expect(metricValue(before, 'assay_warm_pool_ready')).toBeDefined();
    expect(moved('assay_submissions_recorded_total', { outcome: 'completed' })).toBe(2);
    expect(moved('assay_submissions_recorded_total', { outcome: 'failed' })).toBe(1);
    expect(moved('assay_submission_failures_total', { failure_code: 'image_missing' })).toBe(1);
  });

  it('a worker process serves its own figures on WORKER_METRICS_PORT', async () => {
    const server = await serveMetrics(svc.rt.metrics, { port: 0, host: '127.0.0.1', token: METRICS_TOKEN });
    try {
      expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(401);
      const res = await fetch(`http://127.0.0.1:${server.port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(metricValue(text, 'assay_runs_total')).toBeGreaterThan(0);
      expect(metricValue(text, 'assay_warm_pool_takes_total')).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});

describe('Bull Board at /admin/queues', () => {
  const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`ops:${password}`).toString('base64')}` });

  it('answers 401 problem+json without the admin password, or with a wrong one or an API key', async () => {
    for (const headers of [{}, basic('not-the-password-at-all'), { authorization: `Bearer ${svc.org.key}` }] as Array<Record<string, string>>) {
      for (const url of ['/admin/queues', '/admin/queues/api/queues']) {
        const res = await fetch(`${base}${url}`, { headers });
        expect(res.status, url).toBe(401);
        expect(res.headers.get('content-type')).toMatch(/problem\+json/);
        expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
      }
    }
  });

  it('shows the queues to the admin', async () => {
    const page = await fetch(`${base}/admin/queues`, { headers: basic(ADMIN_PASSWORD) });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const api = await fetch(`${base}/admin/queues/api/queues`, { headers: basic(ADMIN_PASSWORD) });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: Array<{ name: string }> }).queues.map((q) => q.name);
    expect(names).toContain(svc.config.queueName);
  });
});

describe('logs along a submission\'s path', () => {
  it('carry its submission id and the request id, on the API side and the worker side', async () => {
    const id = await submit(svc, 'sum-python', PASSING);
    await waitForResult(svc, id);
    const mine = lines.filter((l) => l.submissionId === id);
    const accepted = mine.find((l) => l.msg === 'submission accepted');
    expect(accepted).toBeDefined();
    const reqId = accepted!.reqId;
    expect(typeof reqId).toBe('string');
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['submission accepted', 'request completed', 'submission run started', 'submission run finished']));
    for (const line of mine) expect(line.reqId, JSON.stringify(line)).toBe(reqId);
    // And every line of that request names the submission once it is known.
    const ofRequest = lines.filter((l) => l.reqId === reqId);
    expect(ofRequest.filter((l) => l.msg !== 'incoming request').every((l) => l.submissionId === id)).toBe(true);
  });
});
