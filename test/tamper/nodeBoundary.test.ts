import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';
import { BOUNDARY_CASES } from './nodeBoundaryCases.js';

const CHALLENGES = path.join(repoRoot, 'test/tamper/challenges');
let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ env: { CHALLENGES_DIR: CHALLENGES } });
});
afterAll(async () => svc.close());

describe("attacks on the Node runner's boundary", () => {
  it.each(BOUNDARY_CASES.map((c) => [c.name, c] as const))('%s', async (_name, attack) => {
    const id = await submit(svc, 'boundary-node', [{ path: 'solve.js', content: attack.code }]);
    const result = await waitForResult(svc, id);
    const context = `${result.verdict}: ${result.message ?? ''} ${JSON.stringify(result.tests)}`;
    expect(result.status, context).toBe('completed');
    expect(result.verdict, context).toBe(attack.verdict);
    expect(result.score.earned, context).toBeLessThanOrEqual(attack.honest);
  });

  it('scores the reference fully: the tests the attacks face are passable', async () => {
    const content = readFileSync(path.join(CHALLENGES, 'boundary-node/solution/solve.js'), 'utf8');
    const right = await waitForResult(svc, await submit(svc, 'boundary-node', [{ path: 'solve.js', content }]));
    expect(right, JSON.stringify(right.tests)).toMatchObject({ verdict: 'passed', score: { earned: 7 } });
  });
});
