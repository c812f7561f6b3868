import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, type TestService } from '../support/testService.js';
import { waitForResult } from '../support/submissions.js';

let svc: TestService;

beforeAll(async () => {
  svc = await startTestService({ env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/fidelity-challenges') } });
});
afterAll(async () => svc.close());

const BITMAP = Buffer.from([3, 4, 0xff, 0x00, 0x80]);
const MODULE = `from pathlib import Path


def size():
    data = (Path(__file__).parent / "bitmap.bin").read_bytes()
    print("read", len(data), "bytes from", Path(__file__))
    return data[0] * data[1]


def greet(name):
    print(f"greeting {name}")
    return f"hello {name}"
`;

describe('what a run printed and skipped, through the API', () => {
  it('runs an empty __init__.py and a base64 binary file, and shows each test\'s output and a skip with its reason', async () => {
    const files = [
      { path: 'report/__init__.py', content: '' },
      { path: 'report/bitmap.py', content: MODULE },
      { path: 'report/bitmap.bin', content: BITMAP.toString('base64'), encoding: 'base64' },
    ];
    const created = await svc.inject({ method: 'POST', url: '/v1/submissions', payload: { challenge: 'report-python', files } });
    expect(created.statusCode, created.body).toBe(202);
    const { id } = created.json() as { id: string };
    const r = await waitForResult(svc, id);

    expect(r, JSON.stringify(r, null, 2)).toMatchObject({ status: 'completed', verdict: 'failed', score: { earned: 3, max: 6 } });
    const byName: Record<string, { output: string | null }> = Object.fromEntries((r.tests as { name: string; output: string | null }[]).map((t) => [t.name, t]));
    expect(byName['test_report.py::test_reads_the_bitmap']).toMatchObject({ status: 'passed', points: 2 });
    // The solution's path is named relative to the solution, never /work/solution.
    expect(byName['test_report.py::test_reads_the_bitmap']?.output).toContain('read 5 bytes from report/bitmap.py');
    // A skip earns nothing, counts towards the maximum, and says why.
    expect(byName['test_report.py::test_not_ready']).toMatchObject({ status: 'skipped', points: 0, maxPoints: 3, message: 'the feature is not ready' });
    expect(byName['test_report.py::test_greets']).toMatchObject({ status: 'passed', output: 'greeting ada\nthe test checks the greeting\n' });

    // The reviewer's view: the files as sent (the binary one still base64) and the run's whole log.
    const code = (await svc.inject({ method: 'GET', url: `/v1/submissions/${id}/code` })).json();
    expect(code.files).toEqual(files);
    expect(code.log).toContain('greeting ada');
  });
});
