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

const FILES = [
  { path: 'report/__init__.py', content: '' },
  { path: 'report/bitmap.py', content: MODULE },
  { path: 'report/bitmap.bin', content: BITMAP.toString('base64'), encoding: 'base64' },
];

/** A started candidate session on report-python, whose assessment shows results as `visibility` says. */
async function candidateSession(visibility: 'tests' | 'full') {
  const a = await svc.inject({ method: 'POST', url: '/v1/assessments', payload: { name: visibility, instructions: '', timeLimitMinutes: 30, maxSubmissions: 1, resultVisibility: visibility, challenges: [{ slug: 'report-python', weight: 1 }] } });
  expect(a.statusCode, a.body).toBe(201);
  const inv = await svc.inject({ method: 'POST', url: `/v1/assessments/${a.json().id}/invitations`, payload: { candidate: { name: 'Ada', email: `ada-${visibility}@example.com` } } });
  expect(inv.statusCode, inv.body).toBe(201);
  const headers = { authorization: `Bearer ${inv.json().token}` };
  expect((await svc.app.inject({ method: 'POST', url: '/v1/candidate/start', headers })).statusCode).toBe(200);
  return (method: 'GET' | 'POST', url: string, payload?: object) => svc.app.inject({ method, url, payload, headers });
}

async function candidateResult(visibility: 'tests' | 'full') {
  const candidate = await candidateSession(visibility);
  const submitted = await candidate('POST', '/v1/candidate/submissions', { challenge: 'report-python', files: FILES });
  expect(submitted.statusCode, submitted.body).toBe(202);
  for (const until = Date.now() + 90_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const s = (await candidate('GET', `/v1/candidate/submissions/${submitted.json().id}`)).json();
    if (s.status === 'completed' || s.status === 'failed') return s as { tests: Record<string, unknown>[] };
  }
  throw new Error('the candidate\'s submission was never scored');
}

describe('a binary file in a challenge', () => {
  it('reaches the candidate as base64, byte for byte, as staff see it too', async () => {
    const candidate = await candidateSession('tests');
    const view = (await candidate('GET', '/v1/candidate')).json();
    const starter = view.challenges.find((c: { slug: string }) => c.slug === 'report-python').starterFiles;
    expect(starter).toContainEqual({ path: 'report/bitmap.bin', content: BITMAP.toString('base64'), encoding: 'base64' });
    expect(starter).toContainEqual({ path: 'report/__init__.py', content: '' });
    expect((await svc.inject({ method: 'GET', url: '/v1/challenges/report-python' })).json().starterFiles).toEqual(starter);
  });
});

describe('what a run printed and skipped, through the API', () => {
  it('shows a candidate each test\'s output and a skip\'s reason only when the assessment shows full results', async () => {
    const [full, tests] = await Promise.all([candidateResult('full'), candidateResult('tests')]);
    expect(full.tests).toContainEqual(expect.objectContaining({ name: 'test_report.py::test_greets', status: 'passed', output: 'greeting ada\nthe test checks the greeting\n' }));
    expect(full.tests).toContainEqual(expect.objectContaining({ name: 'test_report.py::test_not_ready', status: 'skipped', message: 'the feature is not ready' }));
    expect(tests.tests).toContainEqual({ name: 'test_report.py::test_not_ready', status: 'skipped', points: 0, maxPoints: 3 });
    for (const t of tests.tests) expect(Object.keys(t)).toEqual(['name', 'status', 'points', 'maxPoints']);
  });

  it('runs an empty __init__.py and a base64 binary file, and shows each test\'s output and a skip with its reason', async () => {
    const created = await svc.inject({ method: 'POST', url: '/v1/submissions', payload: { challenge: 'report-python', files: FILES } });
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
    expect(code.files).toEqual(FILES);
    expect(code.log).toContain('greeting ada');
  });

  it("runs Jest-style tests of a TypeScript solution with each test's share of its output, the output at load first, and a type error as a compile error", async () => {
    const report = "import { format } from './format';\n\nconsole.log('report module loaded');\n\nexport function greet(name: string): string {\n  console.log(`greeting ${name}`);\n  return format(`hello ${name}`);\n}\n\nexport function words(text: string): number {\n  return text.split(' ').length;\n}\n";
    const files = [
      { path: 'report.ts', content: report },
      { path: 'format.ts', content: 'export const format = (text: string): string => text.trim();\n' },
    ];
    const created = await svc.inject({ method: 'POST', url: '/v1/submissions', payload: { challenge: 'report-node', files } });
    expect(created.statusCode, created.body).toBe(202);
    const { id } = created.json() as { id: string };
    const r = await waitForResult(svc, id);
    expect(r, JSON.stringify(r, null, 2)).toMatchObject({ status: 'completed', verdict: 'failed', score: { earned: 4, max: 7 } });
    const byName = Object.fromEntries((r.tests as { name: string }[]).map((t) => [t.name, t]));
    // What the solution printed while it loaded goes with the first test that ends, as in Python.
    expect(byName['report.spec.ts::report > greets']).toMatchObject({ status: 'passed', points: 2, output: 'report module loaded\ngreeting ada\n' });
    expect(byName['report.spec.ts::report > counts 2 words in "a b"']).toMatchObject({ status: 'passed', output: null });
    expect(byName['report.spec.ts::report > exports as CSV']).toMatchObject({ status: 'skipped', points: 0, maxPoints: 3 });
    const code = (await svc.inject({ method: 'GET', url: `/v1/submissions/${id}/code` })).json();
    expect(code.log).toContain('report module loaded\ngreeting ada\n');

    const typeError = await svc.inject({ method: 'POST', url: '/v1/submissions', payload: { challenge: 'report-node', files: [files[1], { path: 'report.ts', content: report.replace('return text.split', 'return text.length > 0 && text.split') }] } });
    const wrong = await waitForResult(svc, (typeError.json() as { id: string }).id);
    expect(wrong, JSON.stringify(wrong, null, 2)).toMatchObject({ status: 'completed', verdict: 'compile_error', score: { earned: 0 } });
    expect(wrong.message).toContain("report.ts(11,3): error TS2322: Type 'number | false' is not assignable to type 'number'.");
  });
});
