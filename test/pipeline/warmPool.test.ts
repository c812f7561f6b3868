import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';
import { eventually, idleWarmContainers } from '../support/warmContainers.js';

let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges'), WORKER_POOL_SIZE: '2', WORKER_POOL_IDLE_MS: '6000' } });
});
afterAll(async () => svc.close());

const warm = () => idleWarmContainers(svc);

const honest = [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }];

describe('the warm pool', () => {
  it('keeps started sandboxes ready at the lowest CPU weight, and runs take them', async () => {
    expect(await warm()).toHaveLength(0);
    const first = await waitForResult(svc, await submit(svc, 'sum-python', honest));
    expect(first.verdict).toBe('passed');
    const ready = await eventually(warm, (w) => w.length === 2);
    expect(ready.map((c) => [c.State.Running, c.HostConfig.CpuShares])).toEqual([[true, 2], [true, 2]]);

    const second = await waitForResult(svc, await submit(svc, 'sum-python', honest));
    expect(second.verdict).toBe('passed');
    // The run used one of those two; the pool made another to stay full.
    const after = await eventually(warm, (w) => w.length === 2 && w.filter((c) => ready.some((r) => r.Id === c.Id)).length === 1);
    expect(after.filter((c) => ready.some((r) => r.Id === c.Id))).toHaveLength(1);
  });

  it('replaces containers that waited longer than the idle limit', async () => {
    const before = await eventually(warm, (w) => w.length === 2);
    const replaced = await eventually(warm, (w) => w.length > 0 && w.every((c) => !before.some((b) => b.Id === c.Id)), 20_000);
    expect(replaced.length).toBeGreaterThan(0);
    expect(replaced.every((c) => !before.some((b) => b.Id === c.Id))).toBe(true);
  });

  it('removes every warm container when the worker closes', async () => {
    await svc.worker!.close();
    svc.worker = undefined;
    expect(await warm()).toHaveLength(0);
  });
});
