import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { readPackage } from '../../src/challenges/readPackage.js';
import { validatePackage } from '../../src/tools/validatePackage.js';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/platform/openStore.js';
import { verifyPassword } from '../../src/members/passwords.js';
import { resolveLimits } from '../../src/sandbox/limits.js';
import { BUILTIN_OWNER, DEFAULT_OWNER } from '../../src/tenancy/actor.js';
import type { Grader } from '../../src/grading/grade.js';
import { regrade } from '../../src/tools/regrade.js';
import { imageResolver } from '../../src/images/imageResolver.js';
import { repoRoot } from '../../src/repoRoot.js';
import { grade } from '../../src/grading/grade.js';
import { createSqliteDatabase, isolatedEnv } from '../support/testEnv.js';

const run = promisify(execFile);
const FIXTURE = path.join(repoRoot, 'test/fixtures/challenges/sum-python');
const config = loadConfig(isolatedEnv(createSqliteDatabase()));
const grader: Grader = { docker: new Docker(), scope: config.queueName, imageFor: imageResolver(config.baseImage) };
const temps: string[] = [];

afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

/** A copy of the sum-python fixture package, changed by `edit`, in a folder named after its slug. */
async function variant(edit: (dir: string) => Promise<void> = async () => undefined): Promise<string> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'assay-pkg-'));
  temps.push(parent);
  const dir = path.join(parent, 'sum-python');
  await cp(FIXTURE, dir, { recursive: true });
  await edit(dir);
  return dir;
}

const manifestOf = async (dir: string) => JSON.parse(await readFile(path.join(dir, 'challenge.json'), 'utf8'));
const writeManifest = (dir: string, m: unknown) => writeFile(path.join(dir, 'challenge.json'), JSON.stringify(m, null, 2));
const mutant = async (dir: string, name: string, code: string, earned?: number) => {
  await mkdir(path.join(dir, 'mutants', name), { recursive: true });
  await writeFile(path.join(dir, 'mutants', name, 'calc.py'), code);
  if (earned !== undefined) await writeFile(path.join(dir, 'mutants', name, 'expected.json'), JSON.stringify({ earned }));
};

describe('assay challenge validate', () => {
  it('accepts a sound package, saying what it checked', async () => {
    const dir = await variant(async (d) => {
      await mutant(d, 'negatives', 'def add(a, b):\n    return a + b if a >= 0 else 0\n', 5);
      await mutant(d, 'zero', 'def add(a, b):\n    return a + b + (1 if a == 0 else 0)\n', 3);
      await mutant(d, 'positives', 'def add(a, b):\n    return a + b + (1 if a > 0 else 0)\n', 4);
    });
    const report = await validatePackage(grader, config.sandbox, dir);
    expect(report.problems).toEqual([]);
    expect(report.checks.slice(0, 6)).toEqual([
      'challenge.json matches the manifest schema',
      'each skill gets at least 20% of the points from tests naming it (debugging 100%)',
      'the reference solution scores 6/6',
      '3 runs of the reference gave identical results',
      'the starter scores 0/6',
      'each hidden test fails against at least one of 3 mutants',
    ]);
    expect(report.checks.slice(6, -1)).toEqual(expect.arrayContaining([expect.stringMatching(/^cheat always-equal-scalar scores 0\/6 \(\w+\), no more than the starter$/)]));
    expect(report.checks.at(-1)).toMatch(/^12 cheats graded in [\d.]+s$/);
  });

  it.each<[string, (dir: string) => Promise<void>, RegExp]>([
    ['an invalid manifest', async (d) => writeManifest(d, { ...(await manifestOf(d)), skills: ['juggling'] }), /challenge\.json\/skills\/0/],
    ['limits above the server maximum', async (d) => writeManifest(d, { ...(await manifestOf(d)), limits: { timeoutMs: 600_000 } }), /limits\.timeoutMs 600000 exceeds the server maximum/],
    ['a reference that fails a test', (d) => writeFile(path.join(d, 'solution/calc.py'), 'def add(a, b):\n    return abs(a) + abs(b)\n'), /reference solution scores 5\/6 \(failed\); failing: test_sum\.py::test_adds_negative_numbers/],
    ['a hidden test the manifest does not list', (d) => writeFile(path.join(d, 'tests/hidden/test_extra.py'), 'def test_more():\n    pass\n'), /does not list.*test_extra\.py::test_more/],
    ['a starter that already passes', (d) => cp(path.join(d, 'solution/calc.py'), path.join(d, 'starter/calc.py')), /starter files already score 100%/],
    ['a flaky test', (d) => writeFile(path.join(d, 'tests/hidden/test_sum.py'), 'import random\n\n# Each fails four times in five: three runs alike are all but impossible.\ndef test_adds_positive_numbers():\n    assert random.random() < 0.2\n\ndef test_adds_negative_numbers():\n    assert random.random() < 0.2\n\ndef test_slow_but_fine():\n    assert random.random() < 0.2\n'), /differ between 3 runs|reference solution scores/],
    ['a mutant no test catches', (d) => mutant(d, 'same', 'def add(a, b):\n    return b + a\n'), /mutant same scores 100%/],
    ['a mutant whose expected score is wrong', (d) => mutant(d, 'negatives', 'def add(a, b):\n    return a + b if a >= 0 else 0\n', 4), /mutant negatives earns 5, but its expected\.json says 4/],
    ['hidden tests no mutant shows can fail', (d) => mutant(d, 'negatives', 'def add(a, b):\n    return a + b if a >= 0 else 0\n'), /pass against every mutant.*test_adds_positive_numbers.*test_slow_but_fine/],
  ])('rejects %s with an actionable message', async (_name, edit, message) => {
    const report = await validatePackage(grader, config.sandbox, await variant(edit));
    expect(report.problems.join('\n')).toMatch(message);
  });

  it('exits non-zero from the command line on a broken package, zero on a sound one', async () => {
    const broken = await variant((d) => cp(path.join(d, 'solution/calc.py'), path.join(d, 'starter/calc.py')));
    const cli = (dir: string) =>
      run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'challenge', 'validate', dir], { cwd: repoRoot }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const bad = await cli(broken);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/FAIL the starter files already score 100%/);
    expect((await cli(FIXTURE)).code).toBe(0);
  });
});

describe('assay challenge import / export and regrade', () => {
  it('exports a binary file byte for byte', async () => {
    const env = isolatedEnv(createSqliteDatabase());
    const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
    const fixture = path.join(repoRoot, 'test/fixtures/fidelity-challenges/report-python');
    await cli('challenge', 'import', fixture);
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'assay-export-')), 'report-python');
    temps.push(path.dirname(out));
    await cli('challenge', 'export', 'report-python', out);
    for (const file of ['starter/report/bitmap.bin', 'solution/report/bitmap.bin']) {
      expect((await readFile(path.join(out, file))).equals(await readFile(path.join(fixture, file)))).toBe(true);
    }
    expect((await readPackage(out)).version).toBe((await readPackage(fixture)).version);
  });

  it('round-trips a package through the database as the same version, and re-grades without touching history', async () => {
    const env = isolatedEnv(createSqliteDatabase());
    const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
    const v1 = await readPackage(FIXTURE);
    await cli('challenge', 'import', FIXTURE);
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'assay-export-')), 'sum-python');
    temps.push(path.dirname(out));
    await cli('challenge', 'export', 'sum-python', out);
    expect((await readPackage(out)).version).toBe(v1.version);

    // A submission scored on v1, then a v2 whose hidden tests expect something else.
    const store = await openStore(loadConfig(env).database);
    const { submissions } = store;
    const id = '11111111-1111-4111-8111-111111111111';
    const files = [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }];
    await submissions.insert(DEFAULT_OWNER, { id, challengeSlug: 'sum-python', challengeVersion: v1.version, files, idempotencyKey: null, requestHash: 'x' }, new Date());
    await submissions.markRunning(DEFAULT_OWNER, id, new Date());
    const first = await grade(grader, { runId: 'regrade-test', pkg: v1, files, limits: resolveLimits(v1.manifest.limits, config.sandbox) });
    await submissions.complete(DEFAULT_OWNER, id, first, new Date());
    const v2dir = await variant((d) => writeFile(path.join(d, 'tests/hidden/test_sum.py'), (v1.hiddenTests[0]!.content).replace('same(add(-2, -3), -5)', 'same(add(-2, -3), 5)')));
    await cli('challenge', 'import', v2dir);
    const v2 = (await store.challenges.current(BUILTIN_OWNER, 'sum-python'))!;
    expect(v2.version).not.toBe(v1.version);

    const rows = await regrade({ grader, serverLimits: config.sandbox, submissions, gradings: store.gradings }, DEFAULT_OWNER, v2, { limit: 10 });
    const negatives = 'test_sum.py::test_adds_negative_numbers';
    expect(rows).toEqual([
      {
        submissionId: '11111111-1111-4111-8111-111111111111',
        fromVersion: v1.version,
        before: { verdict: 'passed', earned: 6, max: 6 },
        after: { verdict: 'failed', earned: 5, max: 6 },
        changed: true,
        tests: [{ test: negatives, reason: 'result', before: { status: 'passed', points: 1, maxPoints: 1, message: null }, after: { status: 'failed', points: 0, maxPoints: 1, message: expect.stringContaining('assert') } }],
        gradingId: null,
      },
    ]);
    expect(await store.gradings.listBySubmission(DEFAULT_OWNER, id)).toEqual([]);

    // Asked to, the command keeps the new result as a separate grading; the submission's score stays as scored.
    const { stdout } = await cli('regrade', 'sum-python', '--store');
    expect(stdout).toMatch(/CHANGED 11111111-1111-4111-8111-111111111111 .* passed 6\/6 -> .* failed 5\/6/);
    expect(stdout).toMatch(/result {3}test_sum\.py::test_adds_negative_numbers: passed 1\/1 -> failed 0\/1 \(.*assert/);
    const gradingId = /stored as grading (\S+)/.exec(stdout)?.[1];
    expect(stdout).toMatch(/1 submission\(s\) re-graded, 1 changed; 1 stored as new gradings, original scores untouched/);
    expect(await store.gradings.listBySubmission(DEFAULT_OWNER, id)).toEqual([
      expect.objectContaining({ id: gradingId, submissionId: id, challengeVersion: v2.version, reason: 'regrade', verdict: 'failed', score: { earned: 5, max: 6, percent: 83.33, cap: null } }),
    ]);
    expect(await submissions.get(DEFAULT_OWNER, id)).toMatchObject({
      challenge: { version: v1.version },
      verdict: 'passed',
      score: { earned: 6, max: 6 },
      tests: first.score.tests,
    });
    await store.close();
  });
});

describe('assay org create', () => {
  it('makes an organisation whose owner can sign in with the password it prints once, and refuses a taken slug', async () => {
    const env = isolatedEnv(createSqliteDatabase());
    const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
    const { stdout } = await cli('org', 'create', '--name', 'Acme Hiring', '--slug', 'acme', '--owner-email', 'Lead@Acme.test');
    const password = /password: (\S+)/.exec(stdout)?.[1];
    expect(stdout).toMatch(/created organisation acme/);
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const store = await openStore(loadConfig(env).database);
    try {
      const found = await store.members.findForSignIn('lead@acme.test');
      expect(found?.member.role).toBe('owner');
      expect(await verifyPassword(found!.passwordHash, password!)).toBe(true);
      expect(found!.passwordHash).not.toContain(password!);
    } finally {
      await store.close();
    }
    const again = await cli('org', 'create', '--name', 'Other', '--slug', 'acme', '--owner-email', 'x@y.test').catch((err: { code: number; stderr: string }) => err);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('An organisation "acme" exists') });
  });
});
