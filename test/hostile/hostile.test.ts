import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, stored, type TestService } from '../support/testService.js';
import { containersOf, submit, waitForResult } from '../support/submissions.js';
import { HONEST_SOLUTION, HOSTILE_CASES } from './cases.js';

let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges'), WORKER_CONCURRENCY: '1' } });
});
afterAll(async () => svc.close());

/** Host processes of the sandbox user, by pid, with the container (cgroup) each lives in. */
function sandboxProcesses(): Map<string, string> {
  const pids = execFileSync('ps', ['-e', '-o', 'uid=,pid='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([uid]) => uid === '10001')
    .map(([, pid]) => pid!);
  return new Map(pids.map((pid) => {
    let cgroup = '';
    try {
      cgroup = readFileSync(`/proc/${pid}/cgroup`, 'utf8');
    } catch {
      // exited meanwhile
    }
    return [pid, /[0-9a-f]{64}/.exec(cgroup)?.[0] ?? ''];
  }));
}

/** Processes that appeared during a run and live on outside any container still on the engine. */
async function strayProcesses(before: Map<string, string>): Promise<string[]> {
  const live = new Set((await svc.rt.docker.listContainers({ all: true })).map((c) => c.Id));
  return [...sandboxProcesses()].filter(([pid, container]) => !before.has(pid) && !live.has(container)).map(([pid]) => pid);
}

const run = async (code: string) => {
  const id = await submit(svc, 'sum-python', [{ path: 'calc.py', content: code }]);
  return { id, result: await waitForResult(svc, id, 60_000) };
};

describe('hostile submissions', () => {
  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', async (_name, hostile) => {
    const before = sandboxProcesses();
    const { id, result } = await run(hostile.code);
    expect(result.status, result.message).toBe('completed');
    expect({ verdict: result.verdict, earned: result.score.earned }, result.message ?? JSON.stringify(result.tests)).toEqual({
      verdict: hostile.verdict,
      earned: hostile.earned,
    });
    expect(await containersOf(svc, id)).toBe(0);
    expect(await strayProcesses(before)).toEqual([]);

    // The worker is unharmed: an honest submission right after scores fully, in normal time.
    const started = Date.now();
    const after = await run(HONEST_SOLUTION);
    expect(after.result).toMatchObject({ status: 'completed', verdict: 'passed', score: { earned: 6 } });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('keeps the candidate output it stores valid UTF-8, capped', async () => {
    const flood = HOSTILE_CASES.find((c) => c.name === '100 MB of output in one line')!;
    const bad = HOSTILE_CASES.find((c) => c.name === 'non-UTF-8 and NUL bytes in output')!;
    const logOf = async (id: string) => (await stored(svc, id)).log!;
    const floodLog = await logOf((await run(flood.code)).id);
    expect(Buffer.byteLength(floodLog)).toBeLessThanOrEqual(svc.config.sandbox.outputLimitBytes);
    const badLog = await logOf((await run(bad.code)).id);
    expect(badLog).toContain('\uFFFDbad\uFFFDbytes');
    expect(badLog).not.toContain('\0');
  });
});
