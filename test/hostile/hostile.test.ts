import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { stored } from '../support/testService.js';
import { HONEST_SOLUTION, HOSTILE_CASES } from './cases.js';
import { hostileSuite } from './hostileSuite.js';

const target = { challengesDir: path.join(repoRoot, 'test/fixtures/challenges'), slug: 'sum-python', file: 'calc.py', honest: HONEST_SOLUTION };
const { run, service } = hostileSuite('hostile submissions', target, HOSTILE_CASES);

describe('hostile output', () => {
  it('keeps the candidate output it stores valid UTF-8, capped', async () => {
    const flood = HOSTILE_CASES.find((c) => c.name === '100 MB of output in one line')!;
    const bad = HOSTILE_CASES.find((c) => c.name === 'non-UTF-8 and NUL bytes in output')!;
    const logOf = async (id: string) => (await stored(service(), id)).log!;
    const floodLog = await logOf((await run(flood.code)).id);
    expect(Buffer.byteLength(floodLog)).toBeLessThanOrEqual(service().config.sandbox.outputLimitBytes);
    const badLog = await logOf((await run(bad.code)).id);
    expect(badLog).toContain('\uFFFDbad\uFFFDbytes');
    expect(badLog).not.toContain('\0');
  });
});
