import path from 'node:path';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { readPackage } from '../../src/challenges/readPackage.js';
import { loadConfig } from '../../src/config.js';
import { grade, type Grader } from '../../src/grading/grade.js';
import { imageResolver } from '../../src/images/imageResolver.js';
import { repoRoot } from '../../src/repoRoot.js';
import { resolveLimits } from '../../src/sandbox/limits.js';
import { percent } from '../../src/scoring/percent.js';
import { readMutants } from '../../src/tools/readMutants.js';
import { createSqliteDatabase, isolatedEnv } from '../support/testEnv.js';

const config = loadConfig(isolatedEnv(createSqliteDatabase()));
const grader: Grader = { docker: new Docker(), scope: config.queueName, imageFor: imageResolver(config.baseImage) };

/**
 * The security challenges' holes, graded one at a time in the real image: each critical mutant keeps
 * most of its points, yet counts for no more than the ceiling of the critical tests it fails.
 * (test/pipeline/sampleChallenges.test.ts checks the same through the whole service, many at once.)
 */
describe.each(['tenant-authorization-http', 'sql-injection-fix-http', 'payment-webhook-receiver-http', 'conditional-requests-http', 'stored-xss-csrf-http', 'product-cache-python', 'schema-migration-mariadb', 'openapi-contract-http', 'rest-from-scratch-http', 'job-worker-python', 'encrypted-pii-python', 'observability-http'])('critical mutants of %s', (slug) => {
  it('are capped at a critical ceiling, far below their raw points', async () => {
    const dir = path.join(repoRoot, 'challenges', slug);
    const pkg = await readPackage(dir);
    const limits = resolveLimits(pkg.manifest.limits, config.sandbox);
    const critical = (await readMutants(dir, pkg.solution)).filter((m) => m.critical);
    expect(critical.length).toBeGreaterThanOrEqual(6);
    for (const m of critical) {
      const { score } = await grade(grader, { runId: `critical-${slug}-${m.name}`, pkg, files: m.files, limits });
      expect(score.earned, m.name).toBe(m.expectedEarned);
      expect(score.cap, m.name).not.toBeNull();
      expect(percent(score.earned, score.max, score.cap!.ceiling), m.name).toBeLessThanOrEqual(40);
      expect(percent(score.earned, score.max), m.name).toBeGreaterThanOrEqual(60);
    }
  }, 900_000);
});
