import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { repoRoot } from './repoRoot.js';
import { ConfigError } from './errors/ConfigError.js';

/**
 * Every setting Assay reads from the environment. Nothing else in the code reads `process.env`:
 * it is parsed here once at start-up and the typed result is passed down.
 */
const EnvSchema = Type.Object({
  /** HTTP port. @defaultValue 3000 */
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  /** Interface the API binds to. @defaultValue 127.0.0.1 */
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  /** Mark the session cookie Secure; turn off only to sign in over plain HTTP from another host in development. @defaultValue true */
  COOKIE_SECURE: Type.Boolean({ default: true }),
  /** The address others reach this API at, for links in webhook payloads and integrations. @defaultValue http://HOST:PORT */
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/]+(/.*[^/])?$' })),
  /** Redis holding the queue and the event channel. @defaultValue redis://127.0.0.1:6379 */
  REDIS_URL: Type.String({ pattern: '^rediss?://', default: 'redis://127.0.0.1:6379' }),
  /** `postgres://…` for PostgreSQL; otherwise a SQLite file (a path, or a `sqlite:`/`file:` URL). @defaultValue ./data/assay.db */
  DATABASE_URL: Type.String({ minLength: 1, default: './data/assay.db' }),
  /** Image the sandboxes' base is built on (e.g. debian:bookworm-slim where a registry is reachable); unset: a debootstrap root. */
  ASSAY_BASE_IMAGE: Type.Optional(Type.String({ minLength: 1 })),
  /** Docker engine socket. @defaultValue /var/run/docker.sock */
  DOCKER_SOCKET: Type.String({ minLength: 1, default: '/var/run/docker.sock' }),
  /** The built web app (`npm run build:web`), served beside the API. @defaultValue <repo>/web/dist */
  WEB_DIR: Type.String({ minLength: 1, default: path.join(repoRoot, 'web', 'dist') }),
  /** Folder of challenge packages loaded at start-up. @defaultValue <repo>/challenges */
  CHALLENGES_DIR: Type.String({ minLength: 1, default: path.join(repoRoot, 'challenges') }),
  /** BullMQ queue name; also prefixes event channels, so deployments sharing a Redis stay apart. */
  QUEUE_NAME: Type.String({ pattern: '^[A-Za-z0-9_-]+$', default: 'assay-submissions' }),
  /** Sandbox runs one worker process executes at once. @defaultValue 2 */
  WORKER_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 64, default: 2 }),
  /** Practice runs (sample tests, unscored) one worker process executes at once, besides scored runs. @defaultValue 1 */
  WORKER_PRACTICE_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 64, default: 1 }),
  /** Practice runs one candidate may start per window. @defaultValue 20 */
  PRACTICE_RUNS_PER_WINDOW: Type.Integer({ minimum: 1, maximum: 10_000, default: 20 }),
  /** The practice-run window. @defaultValue 600000 (10 minutes) */
  PRACTICE_WINDOW_MS: Type.Integer({ minimum: 1000, maximum: 86_400_000, default: 600_000 }),
  /** Started containers a worker keeps ready per runner image and limits (0: none). @defaultValue 2 */
  WORKER_POOL_SIZE: Type.Integer({ minimum: 0, maximum: 32, default: 2 }),
  /** How long a warm container may wait before it is replaced. @defaultValue 60000 */
  WORKER_POOL_IDLE_MS: Type.Integer({ minimum: 1000, maximum: 3_600_000, default: 60_000 }),
  /** Whether `npm start` also runs a worker in the API process. @defaultValue true */
  RUN_WORKER: Type.Boolean({ default: true }),
  /** How long a worker's claim on a job lasts without renewal: a dead worker's job is retaken after it. */
  WORKER_LOCK_MS: Type.Integer({ minimum: 1000, maximum: 600_000, default: 30_000 }),
  /** Tries of a run that fails for reasons of ours (engine down, image missing). @defaultValue 5 */
  JOB_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 20, default: 5 }),
  /** First retry delay, doubled each retry. @defaultValue 2000 */
  JOB_BACKOFF_MS: Type.Integer({ minimum: 10, maximum: 600_000, default: 2000 }),
  /** Server-side ceiling on a challenge's wall-clock limit. @defaultValue 60000 */
  SANDBOX_MAX_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 600_000, default: 60_000 }),
  /** Server-side ceiling on a challenge's memory limit. @defaultValue 1024 */
  SANDBOX_MAX_MEMORY_MB: Type.Integer({ minimum: 64, maximum: 16_384, default: 1024 }),
  /** Bytes of candidate output kept per run. @defaultValue 65536 */
  SANDBOX_OUTPUT_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 16_777_216, default: 65_536 }),
  /** Candidate output at which a run is stopped (output_limit_exceeded). @defaultValue 16777216 */
  SANDBOX_MAX_OUTPUT_BYTES: Type.Integer({ minimum: 1024, maximum: 1_073_741_824, default: 16_777_216 }),
  /** How long past its time limit a run may go on before it is given up as ours (retried): the engine lost it. @defaultValue 30000 */
  SANDBOX_STUCK_GRACE_MS: Type.Integer({ minimum: 1000, maximum: 600_000, default: 30_000 }),
  /**
   * Delays in ms before each webhook delivery attempt (the Standard Webhooks schedule, about three
   * days in all); tests compress it. @defaultValue 0,5s,5m,30m,2h,5h,10h ×7
   */
  WEBHOOK_RETRY_SCHEDULE_MS: Type.String({ pattern: '^\\d+(,\\d+)*$', default: '0,5000,300000,1800000,7200000,18000000,36000000,36000000,36000000,36000000,36000000,36000000,36000000' }),
  /** Random extra delay, as a fraction of each scheduled delay, so retries of many events spread out. @defaultValue 0.1 */
  WEBHOOK_RETRY_JITTER: Type.Number({ minimum: 0, maximum: 1, default: 0.1 }),
  /** Longest wait for a receiver's connection. @defaultValue 5000 */
  WEBHOOK_CONNECT_TIMEOUT_MS: Type.Integer({ minimum: 10, maximum: 60_000, default: 5000 }),
  /** Longest wait for a receiver's whole response; only a 2xx within it is a success. @defaultValue 15000 */
  WEBHOOK_TIMEOUT_MS: Type.Integer({ minimum: 10, maximum: 120_000, default: 15_000 }),
  /** Allow webhook URLs that resolve to loopback, private, link-local or metadata addresses: development and tests only. @defaultValue false */
  WEBHOOK_ALLOW_PRIVATE_URLS: Type.Boolean({ default: false }),
  /** How often the dispatcher looks for new outbox events. @defaultValue 1000 */
  WEBHOOK_DISPATCH_INTERVAL_MS: Type.Integer({ minimum: 10, maximum: 60_000, default: 1000 }),
  /** Days the delivery log and dispatched events are kept (pending deliveries are kept until they end). @defaultValue 30 */
  WEBHOOK_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 30 }),
  /** Submissions waiting, delayed or running in the queue at which new ones are refused with 503 (all API processes together). @defaultValue 10000 */
  SUBMISSIONS_MAX_QUEUED: Type.Integer({ minimum: 1, maximum: 10_000_000, default: 10_000 }),
  /** Submissions one client (API key, member, candidate; else remote address) may make per window; more get 429. @defaultValue 120 */
  SUBMISSIONS_PER_CLIENT_PER_WINDOW: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 120 }),
  /** The per-client submission window. @defaultValue 60000 */
  SUBMISSIONS_CLIENT_WINDOW_MS: Type.Integer({ minimum: 1000, maximum: 86_400_000, default: 60_000 }),
  /** Server-Sent Events streams one client may hold open on one API process; more get 429. @defaultValue 20 */
  SSE_MAX_PER_CLIENT: Type.Integer({ minimum: 1, maximum: 10_000, default: 20 }),
  /** A connection silent this long is closed (Node's socket timeout; SSE streams are exempt, their heartbeat keeps them honest). @defaultValue 60000 */
  HTTP_CONNECTION_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 60_000 }),
  /** How long an idle keep-alive connection is kept between requests. @defaultValue 5000 */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 5000 }),
  /** Longest time to receive a whole request (headers and body). @defaultValue 30000 */
  HTTP_REQUEST_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 30_000 }),
  /** Longest time to receive a request's headers; at most HTTP_REQUEST_TIMEOUT_MS. @defaultValue 10000 */
  HTTP_HEADERS_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 10_000 }),
  /** How often Node checks the request and headers timeouts. @defaultValue 1000 */
  HTTP_TIMEOUT_CHECK_INTERVAL_MS: Type.Integer({ minimum: 10, maximum: 60_000, default: 1000 }),
  /** Event-loop delay above which requests are answered 503 (0: not checked). @defaultValue 1000 */
  PRESSURE_MAX_EVENT_LOOP_DELAY_MS: Type.Integer({ minimum: 0, maximum: 600_000, default: 1000 }),
  /** Used heap above which requests are answered 503 (0: not checked). @defaultValue 0 */
  PRESSURE_MAX_HEAP_USED_MB: Type.Integer({ minimum: 0, maximum: 1_048_576, default: 0 }),
  /** The Retry-After of a 503 for an overloaded process or a full queue. @defaultValue 10 */
  PRESSURE_RETRY_AFTER_S: Type.Integer({ minimum: 1, maximum: 3600, default: 10 }),
  /** Bearer token /metrics requires; unset: /metrics answers loopback callers only. */
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
  /** Port a worker process (`npm run worker`) serves its own /metrics on (0: none). @defaultValue 0 */
  WORKER_METRICS_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 0 }),
  /** Interface the worker's /metrics binds to. @defaultValue 127.0.0.1 */
  WORKER_METRICS_HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  /** Password (HTTP Basic, any user name) for Bull Board at /admin/queues; unset: Bull Board is off. */
  ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 16 })),
  /**
   * Similarity (0 to 1, dolos's measure) from which a pair of final submissions flags both invitations
   * for an interviewer's look; chosen from the corpus in docs/integrity.md. @defaultValue 0.45
   */
  SIMILARITY_THRESHOLD: Type.Number({ minimum: 0, maximum: 1, default: 0.45 }),
  /** On SIGTERM, how long running sandboxes may finish before their jobs go back to the queue. @defaultValue 30000 */
  SHUTDOWN_GRACE_MS: Type.Integer({ minimum: 0, maximum: 600_000, default: 30_000 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
});

type Env = Static<typeof EnvSchema>;

/** The names of every variable the configuration reads (a deployment's files are checked against them). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(EnvSchema.properties);

/** Which database the API uses; workers use none. */
export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  http: { port: number; host: string; cookieSecure: boolean; publicUrl: string };
  redisUrl: string;
  database: DatabaseTarget;
  /** The base image's root; null: made here with debootstrap. */
  baseImage: string | null;
  dockerSocket: string;
  challengesDir: string;
  /** Where the built web app is; served only when it holds an index.html. */
  webDir: string;
  queueName: string;
  worker: { concurrency: number; practiceConcurrency: number; inProcess: boolean; lockMs: number; poolSize: number; poolIdleMs: number };
  jobs: { attempts: number; backoffMs: number };
  /** How many practice runs one candidate may start per window. */
  practice: { runsPerWindow: number; windowMs: number };
  sandbox: { maxTimeoutMs: number; maxMemoryMb: number; outputLimitBytes: number; maxOutputBytes: number; stuckGraceMs: number };
  webhooks: WebhookSettings;
  admission: AdmissionSettings;
  /** Node's HTTP server timeouts, in ms. */
  timeouts: { connectionMs: number; keepAliveMs: number; requestMs: number; headersMs: number; checkIntervalMs: number };
  /** When the API sheds load (0: that check is off). */
  pressure: { maxEventLoopDelayMs: number; maxHeapUsedBytes: number; retryAfterS: number };
  /** null: /metrics for loopback callers only. */
  metrics: { token: string | null; workerPort: number; workerHost: string };
  /** null: Bull Board is not mounted. */
  adminPassword: string | null;
  /** Similarity from which a pair is flagged. */
  similarity: { threshold: number };
  logLevel: string;
  /** How long a SIGTERM waits for running sandboxes before handing their jobs back. */
  shutdownGraceMs: number;
}

export interface AdmissionSettings {
  maxQueued: number;
  perClient: { max: number; windowMs: number };
  ssePerClient: number;
}

export interface WebhookSettings {
  /** Delay before each attempt, the first usually 0; its length is the number of attempts. */
  retryScheduleMs: number[];
  retryJitter: number;
  connectTimeoutMs: number;
  timeoutMs: number;
  allowPrivateUrls: boolean;
  dispatchIntervalMs: number;
  retentionDays: number;
}

function databaseTarget(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  return { kind: 'sqlite', file: url.replace(/^(sqlite|file):(\/\/(?=\/))?/, '') };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(EnvSchema.properties)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  // Value.Convert would truncate "80.5" or "1e3" to an integer; such values are mistakes, not numbers.
  const notIntegers = Object.entries(known)
    .filter(([key, value]) => EnvSchema.properties[key as keyof Env].type === 'integer' && !/^-?\d+$/.test(String(value).trim()))
    .map(([key, value]) => `${key}: must be a whole number (got ${JSON.stringify(value)})`);
  const candidate = Value.Convert(EnvSchema, Value.Default(EnvSchema, known));
  const problems = [
    ...notIntegers,
    ...[...Value.Errors(EnvSchema, candidate)]
      .filter((e) => !notIntegers.some((p) => p.startsWith(`${e.path.slice(1)}:`)))
      .map((e) => `${e.path.slice(1)}: ${e.message} (got ${JSON.stringify(known[e.path.slice(1)] ?? e.value)})`),
  ];
  const e = candidate as Env;
  if (problems.length === 0 && e.HTTP_HEADERS_TIMEOUT_MS > e.HTTP_REQUEST_TIMEOUT_MS) {
    problems.push(`HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS (got ${e.HTTP_HEADERS_TIMEOUT_MS} > ${e.HTTP_REQUEST_TIMEOUT_MS})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    http: { port: e.PORT, host: e.HOST, cookieSecure: e.COOKIE_SECURE, publicUrl: e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}` },
    redisUrl: e.REDIS_URL,
    database: databaseTarget(e.DATABASE_URL),
    baseImage: e.ASSAY_BASE_IMAGE?.trim() || null,
    dockerSocket: e.DOCKER_SOCKET,
    challengesDir: path.resolve(e.CHALLENGES_DIR),
    webDir: path.resolve(e.WEB_DIR),
    queueName: e.QUEUE_NAME,
    worker: {
      concurrency: e.WORKER_CONCURRENCY,
      practiceConcurrency: e.WORKER_PRACTICE_CONCURRENCY,
      inProcess: e.RUN_WORKER,
      lockMs: e.WORKER_LOCK_MS,
      poolSize: e.WORKER_POOL_SIZE,
      poolIdleMs: e.WORKER_POOL_IDLE_MS,
    },
    jobs: { attempts: e.JOB_ATTEMPTS, backoffMs: e.JOB_BACKOFF_MS },
    practice: { runsPerWindow: e.PRACTICE_RUNS_PER_WINDOW, windowMs: e.PRACTICE_WINDOW_MS },
    sandbox: {
      maxTimeoutMs: e.SANDBOX_MAX_TIMEOUT_MS,
      maxMemoryMb: e.SANDBOX_MAX_MEMORY_MB,
      outputLimitBytes: e.SANDBOX_OUTPUT_LIMIT_BYTES,
      maxOutputBytes: e.SANDBOX_MAX_OUTPUT_BYTES,
      stuckGraceMs: e.SANDBOX_STUCK_GRACE_MS,
    },
    webhooks: {
      retryScheduleMs: e.WEBHOOK_RETRY_SCHEDULE_MS.split(',').map(Number),
      retryJitter: e.WEBHOOK_RETRY_JITTER,
      connectTimeoutMs: e.WEBHOOK_CONNECT_TIMEOUT_MS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      allowPrivateUrls: e.WEBHOOK_ALLOW_PRIVATE_URLS,
      dispatchIntervalMs: e.WEBHOOK_DISPATCH_INTERVAL_MS,
      retentionDays: e.WEBHOOK_RETENTION_DAYS,
    },
    admission: {
      maxQueued: e.SUBMISSIONS_MAX_QUEUED,
      perClient: { max: e.SUBMISSIONS_PER_CLIENT_PER_WINDOW, windowMs: e.SUBMISSIONS_CLIENT_WINDOW_MS },
      ssePerClient: e.SSE_MAX_PER_CLIENT,
    },
    timeouts: {
      connectionMs: e.HTTP_CONNECTION_TIMEOUT_MS,
      keepAliveMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      requestMs: e.HTTP_REQUEST_TIMEOUT_MS,
      headersMs: e.HTTP_HEADERS_TIMEOUT_MS,
      checkIntervalMs: e.HTTP_TIMEOUT_CHECK_INTERVAL_MS,
    },
    pressure: {
      maxEventLoopDelayMs: e.PRESSURE_MAX_EVENT_LOOP_DELAY_MS,
      maxHeapUsedBytes: e.PRESSURE_MAX_HEAP_USED_MB * 1024 * 1024,
      retryAfterS: e.PRESSURE_RETRY_AFTER_S,
    },
    metrics: { token: e.METRICS_TOKEN ?? null, workerPort: e.WORKER_METRICS_PORT, workerHost: e.WORKER_METRICS_HOST },
    adminPassword: e.ADMIN_PASSWORD ?? null,
    similarity: { threshold: e.SIMILARITY_THRESHOLD },
    logLevel: e.LOG_LEVEL,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
  };
}
