import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../support/testService.js';
import { containersOf, submit, waitForResult } from '../support/submissions.js';
import type { HostileCase } from './cases.js';

export interface HostileTarget {
  /** The CHALLENGES_DIR holding `slug`, a challenge whose honest solution earns 6. */
  challengesDir: string;
  slug: string;
  /** The one file each submission is. */
  file: string;
  honest: string;
}

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
async function strayProcesses(svc: TestService, before: Map<string, string>): Promise<string[]> {
  const live = new Set((await svc.rt.docker.listContainers({ all: true })).map((c) => c.Id));
  return [...sandboxProcesses()].filter(([pid, container]) => !before.has(pid) && !live.has(container)).map(([pid]) => pid);
}

/**
 * Each hostile submission as `file` of `slug`, with the exact outcome it must get, no container or
 * process of it left behind, and the worker unharmed after it. Returns what a suite's own tests need.
 */
export function hostileSuite(title: string, target: HostileTarget, cases: HostileCase[]) {
  let svc: TestService;

  beforeAll(async () => {
    svc = await startTestService({ env: { CHALLENGES_DIR: target.challengesDir, WORKER_CONCURRENCY: '1' } });
  });
  afterAll(async () => svc.close());

  const run = async (code: string) => {
    const id = await submit(svc, target.slug, [{ path: target.file, content: code }]);
    return { id, result: await waitForResult(svc, id, 60_000) };
  };

  describe(title, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, hostile) => {
      const before = sandboxProcesses();
      const { id, result } = await run(hostile.code);
      expect(result.status, result.message).toBe('completed');
      expect({ verdict: result.verdict, earned: result.score.earned }, result.message ?? JSON.stringify(result.tests)).toEqual({
        verdict: hostile.verdict,
        earned: hostile.earned,
      });
      expect(await containersOf(svc, id)).toBe(0);
      expect(await strayProcesses(svc, before)).toEqual([]);

      // The worker is unharmed: an honest submission right after scores fully, in normal time.
      const started = Date.now();
      const after = await run(target.honest);
      expect(after.result).toMatchObject({ status: 'completed', verdict: 'passed', score: { earned: 6 } });
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
  return { run, service: () => svc };
}
