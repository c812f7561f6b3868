import path from 'node:path';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Grader } from '../../src/grading/grade.js';
import { imageResolver } from '../../src/images/imageResolver.js';
import { repoRoot } from '../../src/repoRoot.js';
import { repeatCheck } from '../../src/tools/repeatCheck.js';
import { createSqliteDatabase, isolatedEnv } from '../support/testEnv.js';

const config = loadConfig(isolatedEnv(createSqliteDatabase()));
const grader: Grader = { docker: new Docker(), scope: config.queueName, imageFor: imageResolver(config.baseImage) };

// The CI-sized part of `challenge validate --repeat 20` over the pack (docs/integrity.md has what was run):
// every variant twice, under load.
describe.each(['token-bucket-rate-limiter', 'debug-order-totals-python', 'tenant-authorization-http'])('the shipped challenge %s', (slug) => {
  it('gives every variant the same results run after run at the worker\'s concurrency beside a CPU hog', async () => {
    const report = await repeatCheck(grader, config.sandbox, path.join(repoRoot, 'challenges', slug), { repeat: 2, concurrency: config.worker.concurrency });
    expect(report.variants.length).toBeGreaterThan(2);
    expect(report.unstable).toEqual([]);
  }, 900_000);
});
