import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config.js';
import { repoRoot } from '../../src/repoRoot.js';

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  healthcheck?: unknown;
  deploy?: { replicas?: number };
}

// merge: true resolves the `<<: *anchor` keys the file shares settings with.
const compose = parse(readFileSync(path.join(repoRoot, 'compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const { api, worker, redis, postgres } = compose.services;

describe('compose.yaml', () => {
  it('has the API, two workers, Redis and PostgreSQL', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'redis', 'worker']);
    expect(api!.command).toEqual(['node', 'dist/main.js']);
    expect(worker!.command).toEqual(['node', 'dist/workerMain.js']);
    expect(worker!.deploy?.replicas).toBe(2);
    expect(redis!.healthcheck).toBeDefined();
    expect(postgres!.healthcheck).toBeDefined();
  });

  it.each(['api', 'worker'])('%s sets only variables src/config.ts reads, and they load', (name) => {
    const env = compose.services[name]!.environment!;
    expect(Object.keys(env).filter((key) => !CONFIG_VARIABLES.includes(key))).toEqual([]);
    expect(() => loadConfig(env)).not.toThrow();
  });

  it('the API uses PostgreSQL and runs no worker; the workers share its Redis and queue', () => {
    const apiConfig = loadConfig(api!.environment);
    const workerConfig = loadConfig(worker!.environment);
    expect(apiConfig.database).toEqual({ kind: 'postgres', url: expect.stringContaining('@postgres:5432/') });
    expect(apiConfig.worker.inProcess).toBe(false);
    expect(apiConfig.http.host).toBe('0.0.0.0');
    expect([workerConfig.redisUrl, workerConfig.queueName, workerConfig.baseImage]).toEqual([apiConfig.redisUrl, apiConfig.queueName, apiConfig.baseImage]);
    expect(new URL(apiConfig.redisUrl).hostname).toBe('redis');
  });

  it('the worker reaches the Docker engine through its socket and has no database', () => {
    const env = worker!.environment!;
    expect(env.DATABASE_URL).toBeUndefined();
    const socket = loadConfig(env).dockerSocket;
    expect(worker!.volumes).toContain(`/var/run/docker.sock:${socket}`);
    expect(api!.volumes ?? []).not.toContainEqual(expect.stringContaining('docker.sock'));
  });

  it('services start after what they need is healthy', () => {
    expect(api!.depends_on).toEqual({ redis: { condition: 'service_healthy' }, postgres: { condition: 'service_healthy' } });
    expect(worker!.depends_on).toEqual({ redis: { condition: 'service_healthy' } });
  });

  it('stops a service only after its shutdown grace period', () => {
    const grace = loadConfig(worker!.environment).shutdownGraceMs;
    const stopAfter = Number(/^(\d+)s$/.exec(String((worker as { stop_grace_period?: string }).stop_grace_period))?.[1]) * 1000;
    expect(stopAfter).toBeGreaterThan(grace);
  });
});
