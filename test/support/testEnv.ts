import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_QUEUE_PREFIX = 'assay-test-';

/** A fresh database file and queue name per test file, so files never see each other's state. */
export function isolatedEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assay-test-'));
  return {
    REDIS_URL: TEST_REDIS_URL,
    DATABASE_URL: path.join(dir, 'assay.db'),
    QUEUE_NAME: `${TEST_QUEUE_PREFIX}${randomBytes(6).toString('hex')}`,
    LOG_LEVEL: 'silent',
    WORKER_CONCURRENCY: '2',
    ...overrides,
  };
}
