import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../support/testService.js';

/** The web app served by the API process: its files, index.html for the app's own paths, the API's 404s untouched. */
describe('serving the web app', () => {
  let svc: TestService;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'assay-web-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Assay</title><div id="root"></div>');
    await writeFile(path.join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    svc = await startTestService({ worker: false, env: { WEB_DIR: dir } });
  });
  afterAll(async () => {
    await svc?.close();
    await rm(dir, { recursive: true, force: true });
  });
  const get = (url: string) => svc.app.inject({ method: 'GET', url });

  it('answers the app\'s own paths, deep links included, with index.html and a strict CSP', async () => {
    for (const url of ['/', '/take', '/assessments/abc', '/invitations/x?tab=code', '/settings']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('serves built assets as files, cached for good', async () => {
    const res = await get('/assets/app-1234.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.body).toBe('console.log(1)');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('leaves the API\'s paths to the API: unknown ones stay problem+json 404s', async () => {
    for (const url of ['/v1/nothing-here', '/v1', '/docs/nothing-here', '/metrics/x', '/admin/x', '/healthz/x', '/assets/missing.js'.replace('/assets', '/v1/assets')]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    }
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await svc.app.inject({ method: 'POST', url: '/take' })).headers['content-type']).toMatch(/problem\+json/);
  });

  it('keeps the API\'s own answers: a route that exists is not shadowed', async () => {
    const res = await svc.app.inject({ method: 'GET', url: '/v1/challenges', headers: { authorization: `Bearer ${svc.org.key}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
  });
});

describe('without a built web app', () => {
  it('serves the API alone: / is a problem+json 404', async () => {
    const svc = await startTestService({ worker: false, env: { WEB_DIR: path.join(tmpdir(), 'assay-no-such-web-dir') } });
    try {
      const res = await svc.app.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await svc.close();
    }
  });
});
