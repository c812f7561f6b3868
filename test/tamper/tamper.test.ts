import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';
import { TAMPER_CASES } from './cases.js';

let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges') } });
});
afterAll(async () => svc.close());

describe('submissions that try to forge their score', () => {
  it.each(TAMPER_CASES.map((c) => [c.name, c] as const))('%s: scores no more than its honest score', async (_name, tamper) => {
    const id = await submit(svc, 'sum-python', [{ path: 'calc.py', content: tamper.code }]);
    const result = await waitForResult(svc, id);
    expect(result.status).toBe('completed');
    expect(result.score.earned, `${result.verdict}: ${result.message ?? ''} ${JSON.stringify(result.tests)}`).toBeLessThanOrEqual(tamper.honest);
  });
});
