import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors/ConfigError.js';
import { repoRoot } from '../../src/repoRoot.js';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('loadConfig did not throw');
}

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      http: { port: 3000, host: '127.0.0.1', cookieSecure: true, publicUrl: 'http://127.0.0.1:3000' },
      redisUrl: 'redis://127.0.0.1:6379',
      database: { kind: 'sqlite', file: './data/assay.db' },
      baseImage: null,
      dockerSocket: '/var/run/docker.sock',
      challengesDir: path.join(repoRoot, 'challenges'),
      webDir: path.join(repoRoot, 'web', 'dist'),
      queueName: 'assay-submissions',
      worker: { concurrency: 2, practiceConcurrency: 1, inProcess: true, lockMs: 30_000, poolSize: 2, poolIdleMs: 60_000 },
      jobs: { attempts: 5, backoffMs: 2000 },
      practice: { runsPerWindow: 20, windowMs: 600_000 },
      sandbox: { maxTimeoutMs: 60_000, maxMemoryMb: 1024, outputLimitBytes: 65_536, maxOutputBytes: 16_777_216, stuckGraceMs: 30_000 },
      webhooks: {
        retryScheduleMs: [0, 5000, 300_000, 1_800_000, 7_200_000, 18_000_000, ...Array(7).fill(36_000_000)],
        retryJitter: 0.1,
        connectTimeoutMs: 5000,
        timeoutMs: 15_000,
        allowPrivateUrls: false,
        dispatchIntervalMs: 1000,
        retentionDays: 30,
      },
      admission: { maxQueued: 10_000, perClient: { max: 120, windowMs: 60_000 }, ssePerClient: 20 },
      timeouts: { connectionMs: 60_000, keepAliveMs: 5000, requestMs: 30_000, headersMs: 10_000, checkIntervalMs: 1000 },
      pressure: { maxEventLoopDelayMs: 1000, maxHeapUsedBytes: 0, retryAfterS: 10 },
      metrics: { token: null, workerPort: 0, workerHost: '127.0.0.1' },
      adminPassword: null,
      similarity: { threshold: 0.45 },
      logLevel: 'info',
      shutdownGraceMs: 30_000,
    });
  });

  it('reads the operations settings, and refuses inconsistent or weak ones', () => {
    expect(loadConfig({ SUBMISSIONS_MAX_QUEUED: '50', PRESSURE_MAX_HEAP_USED_MB: '512', METRICS_TOKEN: 'a-long-enough-metrics-token', ADMIN_PASSWORD: 'a-long-enough-password' })).toMatchObject({
      admission: { maxQueued: 50 },
      pressure: { maxHeapUsedBytes: 512 * 1024 * 1024 },
      metrics: { token: 'a-long-enough-metrics-token' },
      adminPassword: 'a-long-enough-password',
    });
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '40000', HTTP_REQUEST_TIMEOUT_MS: '30000' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ SUBMISSIONS_MAX_QUEUED: '0' })).toThrow(/SUBMISSIONS_MAX_QUEUED/);
    expect(() => loadConfig({ ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('reads the webhook retry schedule as a list of delays, and refuses anything else', () => {
    expect(loadConfig({ WEBHOOK_RETRY_SCHEDULE_MS: '0,10,20', WEBHOOK_ALLOW_PRIVATE_URLS: 'true', PUBLIC_URL: 'https://assay.example.com' })).toMatchObject({
      http: { publicUrl: 'https://assay.example.com' },
      webhooks: { retryScheduleMs: [0, 10, 20], allowPrivateUrls: true },
    });
    expect(() => loadConfig({ WEBHOOK_RETRY_SCHEDULE_MS: '0,5s' })).toThrow(/WEBHOOK_RETRY_SCHEDULE_MS/);
    expect(() => loadConfig({ PUBLIC_URL: 'https://assay.example.com/' })).toThrow(/PUBLIC_URL/);
  });

  it('reads the similarity threshold as a fraction from 0 to 1, and refuses anything else', () => {
    expect(loadConfig({ SIMILARITY_THRESHOLD: '0.8' }).similarity).toEqual({ threshold: 0.8 });
    for (const bad of ['1.5', '-0.1', 'high']) expect(() => loadConfig({ SIMILARITY_THRESHOLD: bad })).toThrow(/SIMILARITY_THRESHOLD/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', RUN_WORKER: '', LOG_LEVEL: '' })).toMatchObject({
      http: { port: 3000 },
      worker: { inProcess: true },
      logLevel: 'info',
    });
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ HOME: '/root', PORT_NUMBER: 'abc' })).toEqual(loadConfig({}));
  });

  it('converts integers and booleans from strings', () => {
    const config = loadConfig({
      PORT: '8080',
      WORKER_CONCURRENCY: '8',
      RUN_WORKER: 'false',
      WORKER_LOCK_MS: '5000',
      WORKER_POOL_SIZE: '0',
      WORKER_POOL_IDLE_MS: '2000',
      JOB_ATTEMPTS: '3',
      JOB_BACKOFF_MS: '250',
      WORKER_PRACTICE_CONCURRENCY: '3',
      PRACTICE_RUNS_PER_WINDOW: '5',
      PRACTICE_WINDOW_MS: '60000',
      SANDBOX_MAX_TIMEOUT_MS: '20000',
      SANDBOX_MAX_MEMORY_MB: '512',
      SANDBOX_OUTPUT_LIMIT_BYTES: '4096',
      SANDBOX_MAX_OUTPUT_BYTES: '1048576',
      SANDBOX_STUCK_GRACE_MS: '5000',
    });
    expect(config.http.port).toBe(8080);
    expect(config.worker).toEqual({ concurrency: 8, practiceConcurrency: 3, inProcess: false, lockMs: 5000, poolSize: 0, poolIdleMs: 2000 });
    expect(config.practice).toEqual({ runsPerWindow: 5, windowMs: 60_000 });
    expect(config.jobs).toEqual({ attempts: 3, backoffMs: 250 });
    expect(config.sandbox).toEqual({ maxTimeoutMs: 20_000, maxMemoryMb: 512, outputLimitBytes: 4096, maxOutputBytes: 1_048_576, stuckGraceMs: 5000 });
  });

  it.each([
    ['true', true],
    ['false', false],
    ['1', true],
    ['0', false],
  ])('reads RUN_WORKER=%s as %s', (value, expected) => {
    expect(loadConfig({ RUN_WORKER: value }).worker.inProcess).toBe(expected);
  });

  it('takes strings as they are', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      REDIS_URL: 'rediss://cache.internal:6380/2',
      DOCKER_SOCKET: '/run/user/1000/docker.sock',
      QUEUE_NAME: 'assay_test-1',
      LOG_LEVEL: 'debug',
    });
    expect(config.http.host).toBe('0.0.0.0');
    expect(config.redisUrl).toBe('rediss://cache.internal:6380/2');
    expect(config.dockerSocket).toBe('/run/user/1000/docker.sock');
    expect(config.queueName).toBe('assay_test-1');
    expect(config.logLevel).toBe('debug');
  });

  it('reads DATABASE_URL as a SQLite file (path, file: or sqlite: URL) or a PostgreSQL URL', () => {
    const sqlite = (file: string) => ({ kind: 'sqlite', file });
    expect(loadConfig({ DATABASE_URL: 'file:./data/test.db' }).database).toEqual(sqlite('./data/test.db'));
    expect(loadConfig({ DATABASE_URL: 'file:/var/lib/assay.db' }).database).toEqual(sqlite('/var/lib/assay.db'));
    expect(loadConfig({ DATABASE_URL: 'sqlite:///var/lib/assay.db' }).database).toEqual(sqlite('/var/lib/assay.db'));
    expect(loadConfig({ DATABASE_URL: 'sqlite:./x.db' }).database).toEqual(sqlite('./x.db'));
    expect(loadConfig({ DATABASE_URL: '/tmp/file:x.db' }).database).toEqual(sqlite('/tmp/file:x.db'));
    for (const url of ['postgres://u:p@db:5432/assay', 'postgresql://db/assay']) {
      expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url });
    }
  });

  it('takes the sandboxes\' base image from ASSAY_BASE_IMAGE, or none (debootstrap)', () => {
    expect(loadConfig({}).baseImage).toBeNull();
    expect(loadConfig({ ASSAY_BASE_IMAGE: 'debian:bookworm-slim' }).baseImage).toBe('debian:bookworm-slim');
  });

  it('resolves WEB_DIR to an absolute path', () => {
    expect(loadConfig({ WEB_DIR: 'build/web' }).webDir).toBe(path.resolve('build/web'));
  });

  it('resolves CHALLENGES_DIR to an absolute path', () => {
    expect(loadConfig({ CHALLENGES_DIR: 'some/dir' }).challengesDir).toBe(path.resolve('some/dir'));
    expect(loadConfig({ CHALLENGES_DIR: '/srv/challenges' }).challengesDir).toBe('/srv/challenges');
  });

  it('lists every invalid variable at once', () => {
    const err = configError({ PORT: 'abc', WORKER_CONCURRENCY: '0' });
    expect(err.name).toBe('ConfigError');
    expect(err.problems).toEqual([
      'PORT: must be a whole number (got "abc")',
      'WORKER_CONCURRENCY: Expected integer to be greater or equal to 1 (got 0)',
    ]);
    expect(err.message).toBe(
      'Invalid configuration:\n  PORT: must be a whole number (got "abc")\n  WORKER_CONCURRENCY: Expected integer to be greater or equal to 1 (got 0)',
    );
  });

  it.each<[string, string, string]>([
    ['PORT', '65536', 'PORT: Expected integer to be less or equal to 65535 (got 65536)'],
    ['RUN_WORKER', 'yes', 'RUN_WORKER: Expected boolean (got "yes")'],
    ['REDIS_URL', 'http://127.0.0.1:6379', `REDIS_URL: Expected string to match '^rediss?://' (got "http://127.0.0.1:6379")`],
    ['QUEUE_NAME', 'a:b', `QUEUE_NAME: Expected string to match '^[A-Za-z0-9_-]+$' (got "a:b")`],
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL: Expected union value (got "verbose")'],
    ['WORKER_LOCK_MS', '999', 'WORKER_LOCK_MS: Expected integer to be greater or equal to 1000 (got 999)'],
    ['SANDBOX_MAX_MEMORY_MB', '32', 'SANDBOX_MAX_MEMORY_MB: Expected integer to be greater or equal to 64 (got 32)'],
    ['SANDBOX_MAX_OUTPUT_BYTES', '1073741825', 'SANDBOX_MAX_OUTPUT_BYTES: Expected integer to be less or equal to 1073741824 (got 1073741825)'],
    ['SANDBOX_OUTPUT_LIMIT_BYTES', '100', 'SANDBOX_OUTPUT_LIMIT_BYTES: Expected integer to be greater or equal to 1024 (got 100)'],
  ])('rejects %s=%s', (name, value, problem) => {
    expect(configError({ [name]: value }).problems).toEqual([problem]);
  });

  // Value.Convert truncates a numeric string to an integer: "80.5" becomes 80 and "1e1" becomes 1.
  it.each([
    ['PORT', '80.5'],
    ['JOB_ATTEMPTS', '1e1'],
  ])('rejects %s=%s rather than truncating it', (name, value) => {
    const problems = configError({ [name]: value }).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe(`${name}: must be a whole number (got "${value}")`);
  });
});
