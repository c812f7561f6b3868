import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileBytes } from '../../src/challenges/fileBytes.js';
import { InvalidPackageError } from '../../src/challenges/InvalidPackageError.js';
import { readPackage } from '../../src/challenges/readPackage.js';

const SLUG = 'sum-numbers';

const manifest = {
  slug: SLUG,
  title: 'Sum numbers',
  summary: 'Add two numbers.',
  runner: 'python',
  language: 'python',
  skills: ['testing'],
  tests: [{ name: 'test_sum.py::test_add', points: 2 }, { name: 'test_sum.py::test_negative' }],
};

const validFiles: Record<string, string> = {
  'challenge.json': JSON.stringify(manifest),
  'statement.md': '# Sum numbers\n',
  'starter/calc.py': 'def add(a, b):\n    raise NotImplementedError\n',
  'solution/calc.py': 'def add(a, b):\n    return a + b\n',
  'tests/sample/test_sample.py': 'def test_sample(): pass\n',
  'tests/hidden/test_sum.py': 'def test_add(): pass\ndef test_negative(): pass\n',
  'mutants/off-by-one/calc.py': 'def add(a, b):\n    return a + b + 1\n',
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'assay-readpackage-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes a package folder named `folder` holding `files` (path → content). */
async function writePackage(files: Record<string, string | Buffer>, folder = SLUG): Promise<string> {
  const dir = path.join(root, folder);
  await mkdir(dir, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return dir;
}

const withManifest = (changes: Record<string, unknown>) => ({
  ...validFiles,
  'challenge.json': JSON.stringify({ ...manifest, ...changes }),
});

const without = (...paths: string[]) => Object.fromEntries(Object.entries(validFiles).filter(([p]) => !paths.includes(p)));

async function problemsOf(files: Record<string, string | Buffer>, folder = SLUG): Promise<string[]> {
  const dir = await writePackage(files, folder);
  const err = await readPackage(dir).then(
    () => {
      throw new Error('readPackage accepted the package');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InvalidPackageError);
  expect((err as InvalidPackageError).dir).toBe(dir);
  return (err as InvalidPackageError).problems;
}

describe('readPackage', () => {
  it('reads a valid package, splitting its folders and leaving mutants out', async () => {
    const dir = await writePackage(validFiles);
    const pkg = await readPackage(dir);
    expect(pkg.manifest).toEqual(manifest);
    expect(pkg.version).toMatch(/^[0-9a-f]{64}$/);
    expect(pkg.statement).toBe('# Sum numbers\n');
    expect(pkg.starter).toEqual([{ path: 'calc.py', content: validFiles['starter/calc.py'] }]);
    expect(pkg.solution).toEqual([{ path: 'calc.py', content: validFiles['solution/calc.py'] }]);
    expect(pkg.sampleTests).toEqual([{ path: 'test_sample.py', content: validFiles['tests/sample/test_sample.py'] }]);
    expect(pkg.hiddenTests).toEqual([{ path: 'test_sum.py', content: validFiles['tests/hidden/test_sum.py'] }]);
  });

  it('keeps nested paths inside a folder', async () => {
    const pkg = await readPackage(await writePackage({ ...validFiles, 'tests/hidden/helpers/data.json': '{}' }));
    expect(pkg.hiddenTests.map((f) => f.path)).toEqual(['helpers/data.json', 'test_sum.py']);
  });

  it('keeps a binary file byte for byte, as base64, and text as text', async () => {
    const bytes = Buffer.from([0x03, 0x04, 0xff, 0x00, 0xc3]);
    const pkg = await readPackage(await writePackage({ ...validFiles, 'solution/data.bin': bytes }));
    const data = pkg.solution.find((f) => f.path === 'data.bin')!;
    expect(data).toEqual({ path: 'data.bin', content: bytes.toString('base64'), encoding: 'base64' });
    expect(fileBytes(data).equals(bytes)).toBe(true);
    expect(pkg.solution.find((f) => f.path === 'calc.py')).toEqual({ path: 'calc.py', content: validFiles['solution/calc.py'] });
  });

  it('rejects a challenge.json or statement that is not UTF-8 text', async () => {
    expect(await problemsOf({ ...validFiles, 'statement.md': Buffer.from([0x23, 0x20, 0xff]) })).toEqual(['statement.md is not UTF-8 text']);
  });

  it('rejects a package without challenge.json', async () => {
    expect(await problemsOf(without('challenge.json'))).toEqual(['challenge.json is missing']);
  });

  it('rejects a challenge.json that is not JSON', async () => {
    const problems = await problemsOf({ ...validFiles, 'challenge.json': '{"slug": "sum-numbers",' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^challenge\.json is not JSON: /);
  });

  it('rejects a slug that is not kebab-case', async () => {
    expect(await problemsOf(withManifest({ slug: 'Sum_Numbers' }))).toEqual([
      `challenge.json/slug: Expected string to match '^[a-z0-9]+(-[a-z0-9]+)*$'`,
    ]);
  });

  it('rejects an unknown skill', async () => {
    expect(await problemsOf(withManifest({ skills: ['testing', 'juggling'] }))).toEqual(['challenge.json/skills/1: Expected union value']);
  });

  it('rejects an unknown runner', async () => {
    expect(await problemsOf(withManifest({ runner: 'cobol' }))).toEqual(['challenge.json/runner: Expected union value']);
  });

  it('rejects a test framework for a runner other than node, and one the node runner does not have', async () => {
    expect(await problemsOf(withManifest({ options: { framework: 'jest' } }))).toEqual(["options.framework chooses the node runner's test framework; the python runner has no choice"]);
    expect(await problemsOf(withManifest({ runner: 'node', options: { framework: 'mocha' } }))).toEqual(['challenge.json/options/framework: Expected union value']);
    const pkg = await readPackage(await writePackage(withManifest({ runner: 'node', options: { framework: 'jest' } })));
    expect(pkg.manifest.options?.framework).toBe('jest');
  });

  it('rejects a field the format does not define', async () => {
    expect(await problemsOf(withManifest({ effort: 'hard' }))).toEqual(['challenge.json/effort: Unexpected property']);
  });

  it('rejects a critical group naming tests the manifest does not list, a group named twice, and a ceiling of 100', async () => {
    const group = { name: 'leak', tests: ['nope.py::test_x'], ceiling: 25, reason: 'shows other users\' data' };
    expect(await problemsOf(withManifest({ critical: [group, { ...group, tests: [] }] }))).toEqual(['challenge.json/critical/1/tests: Expected array length to be greater or equal to 1']);
    expect(await problemsOf(withManifest({ critical: [{ ...group, ceiling: 100 }] }))).toEqual(['challenge.json/critical/0/ceiling: Expected integer to be less or equal to 99']);
    expect(await problemsOf(withManifest({ critical: [group, group] }))).toEqual([
      'critical groups named twice in challenge.json: leak',
      'critical group "leak" names tests challenge.json does not list: nope.py::test_x',
      'critical group "leak" names tests challenge.json does not list: nope.py::test_x',
    ]);
  });

  it('rejects a limit below its minimum and an unknown limit', async () => {
    expect(await problemsOf(withManifest({ limits: { timeoutMs: 10, cpus: 4 } }))).toEqual([
      'challenge.json/limits/cpus: Unexpected property',
      'challenge.json/limits/timeoutMs: Expected integer to be greater or equal to 1000',
    ]);
  });

  it('takes options.race for a go challenge only, and no option it does not define', async () => {
    expect(await problemsOf(withManifest({ options: { race: true } }))).toEqual(['options.race is for the go runner only, not python']);
    expect(await problemsOf(withManifest({ options: { vet: true } }))).toEqual(['challenge.json/options/vet: Unexpected property']);
    const dir = await writePackage(withManifest({ runner: 'go', language: 'go', options: { race: true } }));
    expect((await readPackage(dir)).manifest.options).toEqual({ race: true });
  });

  it('takes services for the python and http runners only, each once, from the list it knows', async () => {
    const dir = await writePackage(withManifest({ services: ['postgres', 'mariadb', 'redis'] }));
    expect((await readPackage(dir)).manifest.services).toEqual(['postgres', 'mariadb', 'redis']);
    const http = await writePackage(withManifest({ runner: 'http', services: ['mariadb'] }));
    expect((await readPackage(http)).manifest.services).toEqual(['mariadb']);
    expect(await problemsOf(withManifest({ runner: 'go', language: 'go', services: ['redis'] }))).toEqual([
      'services start inside the sandbox of the python and http runners only; the go runner starts none: drop services, or use one of those runners',
    ]);
    expect(await problemsOf(withManifest({ services: ['mongodb'] }))).toEqual(['challenge.json/services/0: Expected union value']);
    expect(await problemsOf(withManifest({ services: ['redis', 'redis'] }))).toEqual(['challenge.json/services: Expected array elements to be unique']);
    // A database server's settings, for the postgres or mariadb service as for the sql runner's engine.
    const tuned = await writePackage(withManifest({ services: ['postgres'], options: { engineSettings: { work_mem: '8MB' } } }));
    expect((await readPackage(tuned)).manifest.options).toEqual({ engineSettings: { work_mem: '8MB' } });
    const tunedMaria = await writePackage(withManifest({ services: ['mariadb', 'redis'], options: { engineSettings: { sort_buffer_size: '1M' } } }));
    expect((await readPackage(tunedMaria)).manifest.options).toEqual({ engineSettings: { sort_buffer_size: '1M' } });
    expect(await problemsOf(withManifest({ services: ['redis'], options: { engineSettings: { work_mem: '8MB' } } }))).toEqual([
      'options.engineSettings are settings of a database server: set options.engine to "postgres" or "mariadb" (sql runner) or list "postgres" or "mariadb" in services (python and http runners)',
    ]);
    expect(await problemsOf(withManifest({ services: ['postgres', 'mariadb'], options: { engineSettings: { work_mem: '8MB' } } }))).toEqual([
      "options.engineSettings are one database server's settings, and services lists both postgres and mariadb: drop the settings, or one of the two",
    ]);
  });

  it('lists every schema violation at once', async () => {
    const problems = await problemsOf(withManifest({ runner: 'cobol', extra: true, tests: [] }));
    expect(problems).toEqual([
      'challenge.json/extra: Unexpected property',
      'challenge.json/runner: Expected union value',
      'challenge.json/tests: Expected array length to be greater or equal to 1',
    ]);
  });

  it('rejects a folder named differently from the slug', async () => {
    expect(await problemsOf(validFiles, 'sum-numbers-v2')).toEqual(['the folder is named sum-numbers-v2 but the slug is sum-numbers']);
  });

  it('rejects a package without hidden tests', async () => {
    expect(await problemsOf(without('tests/hidden/test_sum.py'))).toEqual(['tests/hidden/ has no tests']);
  });

  it('rejects an empty solution folder', async () => {
    const dir = await writePackage(without('solution/calc.py'));
    await mkdir(path.join(dir, 'solution'));
    await expect(readPackage(dir)).rejects.toMatchObject({ problems: ['solution/ is empty'] });
  });

  it('rejects a missing statement', async () => {
    expect(await problemsOf(without('statement.md'))).toEqual(['statement.md is missing']);
  });

  it('rejects a test listed twice in challenge.json', async () => {
    const tests = [{ name: 'test_sum.py::test_add' }, { name: 'test_sum.py::test_negative' }, { name: 'test_sum.py::test_add', points: 5 }];
    expect(await problemsOf(withManifest({ tests }))).toEqual(['tests listed twice in challenge.json: test_sum.py::test_add']);
  });

  it('lists every package problem at once', async () => {
    const tests = [{ name: 'a' }, { name: 'a' }];
    const files = { ...without('tests/hidden/test_sum.py', 'solution/calc.py'), 'challenge.json': JSON.stringify({ ...manifest, tests }) };
    expect(await problemsOf(files, 'other')).toEqual([
      'tests/hidden/ has no tests',
      'solution/ is empty',
      'the folder is named other but the slug is sum-numbers',
      'tests listed twice in challenge.json: a',
    ]);
  });

  describe('version', () => {
    const versionOf = async (files: Record<string, string | Buffer>, folder: string) => (await readPackage(await writePackage(files, folder))).version;
    // Each package gets its own parent folder so that its folder name can equal the slug.
    const at = (n: number) => path.join(`v${n}`, SLUG);

    it('is the same for the same content', async () => {
      expect(await versionOf(validFiles, at(1))).toBe(await versionOf(validFiles, at(2)));
    });

    it('changes when a hidden test changes', async () => {
      const changed = { ...validFiles, 'tests/hidden/test_sum.py': `${validFiles['tests/hidden/test_sum.py']}def test_zero(): pass\n` };
      expect(await versionOf(changed, at(2))).not.toBe(await versionOf(validFiles, at(1)));
    });

    it('changes when a byte of a binary file changes', async () => {
      // Read as text, both would be the same U+FFFD.
      const one = await versionOf({ ...validFiles, 'solution/data.bin': Buffer.from([0xff]) }, at(4));
      expect(await versionOf({ ...validFiles, 'solution/data.bin': Buffer.from([0xfe]) }, at(5))).not.toBe(one);
    });

    it('changes when a file is renamed with the same content', async () => {
      const renamed = { ...without('tests/hidden/test_sum.py'), 'tests/hidden/test_add.py': validFiles['tests/hidden/test_sum.py']! };
      expect(await versionOf(renamed, at(2))).not.toBe(await versionOf(validFiles, at(1)));
    });

    it('does not change when a mutant changes or is added', async () => {
      const mutated = {
        ...validFiles,
        'mutants/off-by-one/calc.py': 'def add(a, b):\n    return a - b\n',
        'mutants/new-mutant/expected.json': '{"verdict":"failed"}',
      };
      expect(await versionOf(mutated, at(2))).toBe(await versionOf(validFiles, at(1)));
      expect(await versionOf(without('mutants/off-by-one/calc.py'), at(3))).toBe(await versionOf(validFiles, at(1)));
    });
  });
});
