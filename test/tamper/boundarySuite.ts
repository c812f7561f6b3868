import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';

export interface BoundaryCase {
  name: string;
  code: string;
  verdict: string;
  /** What the wrapped code earns honestly: the attack may never earn more. */
  honest: number;
  /** Text of the hidden tests that no message of the result may show. */
  hides?: string[];
}

const CHALLENGES = path.join(repoRoot, 'test/tamper/challenges');

/** Each attack submitted as `file` of the fixture `slug`, then the reference, which must earn `points`. */
export function boundarySuite(title: string, slug: string, file: string, points: number, cases: BoundaryCase[]): void {
  let svc: TestService;

  beforeAll(async () => {
    svc = await startTestService({ env: { CHALLENGES_DIR: CHALLENGES } });
  });
  afterAll(async () => svc.close());

  describe(title, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, attack) => {
      const id = await submit(svc, slug, [{ path: file, content: attack.code }]);
      const result = await waitForResult(svc, id);
      const context = `${result.verdict}: ${result.message ?? ''} ${JSON.stringify(result.tests)}`;
      expect(result.status, context).toBe('completed');
      expect(result.verdict, context).toBe(attack.verdict);
      expect(result.score.earned, context).toBeLessThanOrEqual(attack.honest);
      for (const hidden of attack.hides ?? []) expect(context, 'a message shows the hidden tests').not.toContain(hidden);
    });

    it('scores the reference fully: the tests the attacks face are passable', async () => {
      const content = readFileSync(path.join(CHALLENGES, slug, 'solution', file), 'utf8');
      const right = await waitForResult(svc, await submit(svc, slug, [{ path: file, content }]));
      expect(right, JSON.stringify(right.tests)).toMatchObject({ verdict: 'passed', score: { earned: points } });
    });
  });
}
