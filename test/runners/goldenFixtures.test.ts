import { randomUUID } from 'node:crypto';
import Docker from 'dockerode';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackageFile } from '../../src/challenges/challengePackage.js';
import { loadConfig } from '../../src/config.js';
import { ensureRunnerImages } from '../../src/images/ensureRunnerImages.js';
import { runnerImageRef } from '../../src/images/imageRefs.js';
import { RUNNERS } from '../../src/images/runners.js';
import { repoRoot } from '../../src/repoRoot.js';
import type { HarnessEvent } from '../../src/sandbox/harnessEvents.js';
import type { RunOptions } from '../../src/sandbox/inputArchive.js';
import { resolveLimits } from '../../src/sandbox/limits.js';
import { runSandbox } from '../../src/sandbox/runSandbox.js';
import { SandboxUnavailableError } from '../../src/sandbox/SandboxUnavailableError.js';
import { testQueueName } from '../support/testEnv.js';

/** Past this the run is killed; expected.json says "timeout" when that must happen. */
const DEADLINE_MS = 15_000;

interface Expected {
  /** `unavailable`: the harness reported its own service's failure, which runSandbox throws to be retried. */
  status: 'pass' | 'fail' | 'error' | 'timeout' | 'unavailable';
  /** Checked when given: `compile` or `load` (docs/runner-contract.md). */
  errorKind?: 'compile' | 'load';
  tests: Record<string, string>;
  /** Text the result document's message must contain. */
  message?: string;
  /** Text each named test's message must contain. */
  messages?: Record<string, string>;
  /** Text each named test's captured output must contain. */
  outputs?: Record<string, string>;
  /** Text the result document's message must contain. */
  resultMessage?: string;
  /** Tests whose captured output must be empty (null). */
  noOutput?: string[];
  /** Text the run's log (the candidate's output) must contain. */
  log?: string[];
}

const docker = new Docker();
const limits = resolveLimits({ timeoutMs: DEADLINE_MS }, { maxTimeoutMs: DEADLINE_MS, maxMemoryMb: 1024, outputLimitBytes: 65_536, maxOutputBytes: 16 * 1024 * 1024 });

/** A file as a submission carries it: text as itself, anything that is not UTF-8 in base64. */
function packageFile(path: string, bytes: Buffer): PackageFile {
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? { path, content: text } : { path, content: bytes.toString('base64'), encoding: 'base64' };
}

async function filesUnder(dir: string): Promise<PackageFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => packageFile(relative(dir, join(e.parentPath, e.name)).split(sep).join('/'), await readFile(join(e.parentPath, e.name)))),
  );
}

describe.each(RUNNERS)('%s runner', (runner) => {
  const fixturesDir = join(repoRoot, 'runners', runner, 'fixtures');
  const fixtures = existsSync(fixturesDir) ? readdirSync(fixturesDir) : [];
  let image: string;

  beforeAll(async () => {
    const { baseImage } = loadConfig();
    await ensureRunnerImages(docker, [runner], baseImage, () => {});
    image = await runnerImageRef(runner, baseImage);
  });

  it('has golden fixtures', () => {
    expect(fixtures, `runners/${runner}/fixtures/`).toEqual(expect.arrayContaining(['pass', 'fail', 'error']));
  });

  // The worker's own sandbox code, with production flags: what passes here is what candidates get.
  it.each(fixtures)('golden fixture %s', async (fixture) => {
    const dir = join(fixturesDir, fixture);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    // What the manifest would tell the run (src/grading/grade.ts), where the fixture needs it.
    const run = existsSync(join(dir, 'run.json')) ? (JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as RunOptions) : undefined;
    const events: HarnessEvent[] = [];
    const running = runSandbox(docker, {
      // Unique per run: containers are named after the run, and other checkouts may run these too.
      runId: `golden-${runner}-${fixture}-${randomUUID().slice(0, 8)}`,
      scope: testQueueName(),
      image,
      files: { solution: await filesUnder(join(dir, 'solution')), tests: await filesUnder(join(dir, 'tests')), run },
      limits,
      onEvent: (e) => events.push(e),
    });
    if (expected.status === 'unavailable') {
      const err = await running.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, JSON.stringify(events)).toBeInstanceOf(SandboxUnavailableError);
      expect((err as SandboxUnavailableError).problem).toBe('service_failed');
      expect((err as Error).message).toContain(expected.message ?? '');
      return;
    }
    const outcome = await running;

    const streamed = Object.fromEntries(outcome.tests.map((t) => [t.name, t.status]));
    const context = `log:\n${outcome.log}\nevents:\n${JSON.stringify(events, null, 2)}`;
    if (expected.status === 'timeout') {
      expect(outcome.timedOut, context).toBe(true);
      expect(outcome.result, context).toBeNull();
      expect(streamed, context).toEqual(expected.tests);
      return;
    }
    expect(outcome.timedOut, context).toBe(false);
    expect(outcome.exitCode, context).toBe(0);
    expect(events.filter((e) => e.type === 'result'), context).toHaveLength(1);
    const result = outcome.result!;
    expect(result.status, context).toBe(expected.status);
    if (result.status === 'error') expect(result.message, context).toEqual(expect.stringMatching(/\S/));
    if (expected.message) expect(result.message, context).toContain(expected.message);
    if (expected.errorKind) expect(result.errorKind, context).toBe(expected.errorKind);
    expect(Object.fromEntries(result.tests.map((test) => [test.name, test.status])), context).toEqual(expected.tests);
    // What was streamed is what the document says.
    expect(streamed, context).toEqual(expected.tests);
    const byName = new Map(outcome.tests.map((t) => [t.name, t]));
    for (const [name, text] of Object.entries(expected.messages ?? {})) expect(byName.get(name)?.message, `${name} message\n${context}`).toContain(text);
    for (const [name, text] of Object.entries(expected.outputs ?? {})) expect(byName.get(name)?.output, `${name} output\n${context}`).toContain(text);
    for (const name of expected.noOutput ?? []) expect(byName.get(name)?.output, `${name} output\n${context}`).toBeNull();
    for (const text of expected.log ?? []) expect(outcome.log, context).toContain(text);
    if (expected.resultMessage) expect(result.message, context).toContain(expected.resultMessage);
    // The markers that cut the output per test (Python, Node) never reach the log.
    expect(outcome.log, context).not.toContain('[assay-test-end');
  });
});
