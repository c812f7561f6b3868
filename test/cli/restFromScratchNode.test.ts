import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { readPackage } from '../../src/challenges/readPackage.js';
import { loadConfig } from '../../src/config.js';
import { grade, type Grader } from '../../src/grading/grade.js';
import { imageResolver } from '../../src/images/imageResolver.js';
import { repoRoot } from '../../src/repoRoot.js';
import { resolveLimits } from '../../src/sandbox/limits.js';
import { createSqliteDatabase, isolatedEnv } from '../support/testEnv.js';

const config = loadConfig(isolatedEnv(createSqliteDatabase()));
const grader: Grader = { docker: new Docker(), scope: config.queueName, imageFor: imageResolver(config.baseImage) };

/**
 * rest-from-scratch-http lets the candidate pick the framework: its reference is Flask, and this second
 * one, in Node's own http module (test/fixtures/rest-from-scratch-node/server.js), must score 100% too, so
 * the choice the statement offers is real (the start command found by `server.js`, the same hidden tests).
 */
describe('rest-from-scratch-http in Node', () => {
  it('scores every point with node server.js', async () => {
    const pkg = await readPackage(path.join(repoRoot, 'challenges', 'rest-from-scratch-http'));
    const content = await readFile(path.join(repoRoot, 'test', 'fixtures', 'rest-from-scratch-node', 'server.js'), 'utf8');
    const limits = resolveLimits(pkg.manifest.limits, config.sandbox);
    const { score, log } = await grade(grader, { runId: 'rest-from-scratch-node', pkg, files: [{ path: 'server.js', content }], limits });
    expect(score.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name} ${t.status}: ${t.message}`), log).toEqual([]);
    expect(score.earned).toBe(score.max);
  }, 300_000);
});
