import Docker from 'dockerode';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config.js';
import { ensureRunnerImages } from '../../src/images/ensureRunnerImages.js';
import { RUNNERS } from '../../src/images/runners.js';
import { leftoverContainers, leftoverDatabases, removeDeadRunContainers, TEST_QUEUE_PREFIX, TEST_REDIS_URL } from './testEnv.js';

const docker = new Docker();

/** Builds missing images once for the whole suite; afterwards, fails the run if anything leaked. */
export async function setup(): Promise<void> {
  const dead = await removeDeadRunContainers(docker);
  if (dead > 0) process.stdout.write(`removed ${dead} expired sandbox container(s) of earlier test runs\n`);
  await ensureRunnerImages(docker, [...RUNNERS], loadConfig().baseImage, (line) => process.stdout.write(line.endsWith('\n') ? line : `${line}\n`));
}

export async function teardown(): Promise<void> {
  const containers = await leftoverContainers(docker);
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`bull:${TEST_QUEUE_PREFIX}*`);
  await redis.quit();
  const databases = await leftoverDatabases();
  const leaks = [
    containers.length > 0 && `${containers.length} sandbox container(s) left: ${containers.map((c) => c.Id.slice(0, 12)).join(', ')}`,
    keys.length > 0 && `${keys.length} Redis key(s) left, e.g. ${keys.slice(0, 3).join(', ')}`,
    databases.length > 0 && `${databases.length} PostgreSQL database(s) left: ${databases.slice(0, 3).join(', ')}`,
  ].filter(Boolean);
  if (leaks.length > 0) {
    // vitest reports an error thrown here but still exits 0 when every test passed: a leak must fail the run.
    process.exitCode = 1;
    throw new Error(`The suite left things behind:\n  ${leaks.join('\n  ')}`);
  }
}
