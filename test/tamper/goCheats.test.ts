import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { cheatsOf } from '../support/cheats.js';

const TTL_CACHE = path.join(repoRoot, 'challenges/ttl-cache-go');

/**
 * Generic cheats that still beat the Go runner, which runs the candidate's code in the test process
 * and believes `go test -json`, which reads that process's stdout (runners/go/README.md, "Known limit").
 * `it.fails` until the runner moves the candidate's code behind a process boundary: the day these pass,
 * vitest reports them, and they become plain tests.
 */
describe('generic cheats against the Go runner (known holes)', () => {
  it.fails.each([['fake-pass-markers'], ['patch-test-framework']])('%s scores no more than the starter on ttl-cache-go', async (name) => {
    const { cheats, run, starter } = await cheatsOf(TTL_CACHE);
    const honest = (await run(starter)).score.earned;
    const cheat = cheats.find((c) => c.name === name)!;
    const graded = await run(cheat.files);
    expect(graded.score.earned, `${graded.score.verdict}: ${graded.score.message ?? ''}`).toBeLessThanOrEqual(honest);
  }, 300_000);
});
