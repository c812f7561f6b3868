import Docker from 'dockerode';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { ensureRunnerImages } from '../../src/images/ensureRunnerImages.js';
import { runnerImageRef } from '../../src/images/imageRefs.js';
import { RUNNERS } from '../../src/images/runners.js';
import { runFixture } from './runFixture.js';

/** Past this the run is killed; expected.json says "timeout" when that must happen. */
const DEADLINE_MS = 15_000;

interface Expected {
  status: 'pass' | 'fail' | 'error' | 'timeout';
  /** Checked when given: `compile` or `load` (docs/runner-contract.md). */
  errorKind?: 'compile' | 'load';
  tests: Record<string, string>;
}

const docker = new Docker();

describe.each(RUNNERS)('%s runner', (runner) => {
  const fixturesDir = join(repoRoot, 'runners', runner, 'fixtures');
  const fixtures = existsSync(fixturesDir) ? readdirSync(fixturesDir) : [];
  let image: string;

  beforeAll(async () => {
    await ensureRunnerImages(docker, [runner], () => {});
    image = await runnerImageRef(runner);
  });

  it('has golden fixtures', () => {
    expect(fixtures, `runners/${runner}/fixtures/`).toEqual(expect.arrayContaining(['pass', 'fail', 'error']));
  });

  it.each(fixtures)('golden fixture %s', async (fixture) => {
    const dir = join(fixturesDir, fixture);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

    const run = await runFixture(docker, image, dir, DEADLINE_MS);

    const streamed = Object.fromEntries(
      run.events.flatMap((event) => (event.type === 'test' && event.test ? [[event.test.name, event.test.status]] : [])),
    );
    const results = run.events.filter((event) => event.type === 'result');
    const context = `log:\n${run.log}\nevents:\n${JSON.stringify(run.events, null, 2)}`;
    if (expected.status === 'timeout') {
      expect(run.timedOut, context).toBe(true);
      expect(results, context).toEqual([]);
      expect(streamed, context).toEqual(expected.tests);
      return;
    }
    expect(run.timedOut, context).toBe(false);
    expect(run.exitCode, context).toBe(0);
    expect(results, context).toHaveLength(1);
    const result = results[0]!.result!;
    expect(result.status, context).toBe(expected.status);
    if (result.status === 'error') expect(result.message, context).toEqual(expect.stringMatching(/\S/));
    if (expected.errorKind) expect(result.errorKind, context).toBe(expected.errorKind);
    expect(Object.fromEntries(result.tests.map((test) => [test.name, test.status])), context).toEqual(expected.tests);
    // What was streamed is what the document says.
    expect(streamed, context).toEqual(expected.tests);
  });
});
