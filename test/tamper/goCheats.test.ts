import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { cheatsOf } from '../support/cheats.js';

const TTL_CACHE = path.join(repoRoot, 'challenges/ttl-cache-go');

/**
 * The generic cheats that beat the Go runner while it ran the candidate's code in the test process and
 * believed `go test -json`: behind the boundary (docs/sandbox.md, "The Go boundary") they earn no more
 * than the starter.
 */
describe('generic cheats against the Go runner', () => {
  it.each([['fake-pass-markers'], ['patch-test-framework']])('%s scores no more than the starter on ttl-cache-go', async (name) => {
    const { cheats, run, starter } = await cheatsOf(TTL_CACHE);
    const honest = (await run(starter)).score.earned;
    const cheat = cheats.find((c) => c.name === name)!;
    const graded = await run(cheat.files);
    expect(graded.score.earned, `${graded.score.verdict}: ${graded.score.message ?? ''}`).toBeLessThanOrEqual(honest);
  }, 300_000);
});
