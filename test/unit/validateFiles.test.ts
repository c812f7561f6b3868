import { describe, expect, it } from 'vitest';
import { SUBMISSION_LIMITS } from '../../src/submissions/submissionLimits.js';
import { validateFiles } from '../../src/submissions/validateFiles.js';

const file = (path: string, content = 'x') => ({ path, content });
const pathProblems = (path: string) => validateFiles([file(path)]);

const SEGMENT_RULE = 'segments may only use letters, digits, ".", "_" and "-", and must not start with "." or "-"';

describe('validateFiles', () => {
  it.each(['main.py', 'src/app/main.py', 'a/b/c/d/e.ts', '_private.py', 'test_x.spec.ts', 'Makefile', 'v1.2-beta/x', 'README.'])(
    'accepts %s',
    (path) => {
      expect(pathProblems(path)).toEqual([]);
    },
  );

  it('accepts several distinct files', () => {
    expect(validateFiles([file('src/app/main.py'), file('src/app/util.py'), file('tests/test_main.py')])).toEqual([]);
  });

  it.each<[string, string]>([
    ['../etc/passwd', 'must not contain ".." segments'],
    ['src/../../etc/passwd', 'must not contain ".." segments'],
    ['src/..', 'must not contain ".." segments'],
    ['/etc/passwd', 'must be relative, not absolute'],
    ['C:/Windows/win.ini', 'must be relative, not absolute'],
    ['c:evil.py', 'must be relative, not absolute'],
    ['src\\main.py', 'must use / as the separator'],
    ['..\\..\\evil.py', 'must use / as the separator'],
    ['main\0.py', 'must not contain NUL bytes'],
    ['.', 'must not contain empty or "." segments'],
    ['./main.py', 'must not contain empty or "." segments'],
    ['src/./main.py', 'must not contain empty or "." segments'],
    ['src//main.py', 'must not contain empty or "." segments'],
    ['src/', 'must not contain empty or "." segments'],
    ['.env', SEGMENT_RULE],
    ['src/.hidden/main.py', SEGMENT_RULE],
    ['...', SEGMENT_RULE],
    ['-rf', SEGMENT_RULE],
    ['my file.py', SEGMENT_RULE],
    ['naïve.py', SEGMENT_RULE],
    ['src/a:b.py', SEGMENT_RULE],
  ])('rejects %j: %s', (path, message) => {
    expect(pathProblems(path)).toEqual([{ field: '/body/files/0/path', message }]);
  });

  it('names the index of the bad file', () => {
    expect(validateFiles([file('ok.py'), file('ok2.py'), file('../x.py')])).toEqual([
      { field: '/body/files/2/path', message: 'must not contain ".." segments' },
    ]);
  });

  it('rejects a duplicate path, pointing at the first', () => {
    expect(validateFiles([file('main.py'), file('util.py'), file('main.py')])).toEqual([
      { field: '/body/files/2/path', message: 'duplicates /body/files/0/path' },
    ]);
  });

  it('rejects paths that differ only in case', () => {
    expect(validateFiles([file('src/Main.py'), file('SRC/main.PY')])).toEqual([
      { field: '/body/files/1/path', message: 'duplicates /body/files/0/path' },
    ]);
  });

  // A file and a folder of the same name cannot both be extracted into /work/solution.
  it('rejects a path that is also the folder of another path', () => {
    const problems = validateFiles([file('src'), file('src/main.py')]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('/body/files/1/path');
  });

  it('rejects content with a lone surrogate', () => {
    expect(validateFiles([file('a.py', 'ok'), file('b.py', 'x = "\uD800"')])).toEqual([
      { field: '/body/files/1/content', message: 'is not valid UTF-8 text (lone surrogate)' },
    ]);
    expect(validateFiles([file('c.py', '\uDFFFx')])).toEqual([
      { field: '/body/files/0/content', message: 'is not valid UTF-8 text (lone surrogate)' },
    ]);
  });

  it('accepts a well-formed surrogate pair', () => {
    expect(validateFiles([file('emoji.py', 'print("😀")')])).toEqual([]);
  });

  it('accepts a total of exactly the limit and rejects one byte more', () => {
    const max = SUBMISSION_LIMITS.maxTotalBytes;
    const quarter = max / 4;
    const files = [0, 1, 2, 3].map((i) => file(`f${i}.py`, 'x'.repeat(quarter)));
    expect(validateFiles(files)).toEqual([]);
    expect(validateFiles([...files, file('one-more.py', 'x')])).toEqual([
      { field: '/body/files', message: `total size ${max + 1} bytes exceeds ${max}` },
    ]);
  });

  it('counts a file and the total in UTF-8 bytes, not characters', () => {
    const { maxFileBytes, maxTotalBytes } = SUBMISSION_LIMITS;
    // 'é' is 2 bytes: half a limit in characters is the whole limit in bytes.
    expect(validateFiles([file('a.py', 'é'.repeat(maxFileBytes / 2))])).toEqual([]);
    expect(validateFiles([file('a.py', `${'é'.repeat(maxFileBytes / 2)}x`)])).toEqual([
      { field: '/body/files/0/content', message: `size ${maxFileBytes + 1} bytes exceeds ${maxFileBytes}` },
    ]);
    const quarters = Array.from({ length: maxTotalBytes / maxFileBytes }, (_, i) => file(`f${i}.py`, 'é'.repeat(maxFileBytes / 2)));
    expect(validateFiles([...quarters, file('b.py', 'x')])).toEqual([
      { field: '/body/files', message: `total size ${maxTotalBytes + 1} bytes exceeds ${maxTotalBytes}` },
    ]);
  });

  it('accepts an empty file beside others, and refuses a submission with no content at all', () => {
    expect(validateFiles([file('pkg/__init__.py', ''), file('pkg/a.py')])).toEqual([]);
    expect(validateFiles([file('pkg/__init__.py', ''), file('b.py', '')])).toEqual([
      { field: '/body/files', message: 'every file is empty: there is nothing to run' },
    ]);
    // A draft may be nothing yet, and is otherwise held to the same rules.
    expect(validateFiles([file('b.py', '')], { allowEmpty: true })).toEqual([]);
    expect(validateFiles([file('../b.py', '')], { allowEmpty: true })).toEqual([{ field: '/body/files/0/path', message: 'must not contain ".." segments' }]);
  });

  it('accepts base64 content, counting its decoded bytes', () => {
    const bytes = (n: number) => ({ path: 'data.bin', content: Buffer.alloc(n, 0xff).toString('base64'), encoding: 'base64' as const });
    expect(validateFiles([bytes(SUBMISSION_LIMITS.maxFileBytes)])).toEqual([]);
    expect(validateFiles([bytes(SUBMISSION_LIMITS.maxFileBytes + 1)])).toEqual([
      { field: '/body/files/0/content', message: `size ${SUBMISSION_LIMITS.maxFileBytes + 1} bytes exceeds ${SUBMISSION_LIMITS.maxFileBytes}` },
    ]);
    const quarter = SUBMISSION_LIMITS.maxTotalBytes / 4;
    const four = [0, 1, 2, 3].map((i) => ({ ...bytes(quarter), path: `f${i}.bin` }));
    expect(validateFiles([...four, file('one-more.py', 'x')])).toEqual([
      { field: '/body/files', message: `total size ${SUBMISSION_LIMITS.maxTotalBytes + 1} bytes exceeds ${SUBMISSION_LIMITS.maxTotalBytes}` },
    ]);
  });

  it.each(['AAA', 'A===', 'AA=A', 'AA AA', 'AAAA\n', '****'])('rejects base64 content %j that does not decode exactly', (content) => {
    expect(validateFiles([{ path: 'x.bin', content, encoding: 'base64' }])).toEqual([{ field: '/body/files/0/content', message: 'is not valid base64' }]);
  });

  it('reports every problem at once', () => {
    expect(validateFiles([file('../a.py', '\uD800'), file('../A.py')])).toEqual([
      { field: '/body/files/0/path', message: 'must not contain ".." segments' },
      { field: '/body/files/0/content', message: 'is not valid UTF-8 text (lone surrogate)' },
      { field: '/body/files/1/path', message: 'must not contain ".." segments' },
      { field: '/body/files/1/path', message: 'duplicates /body/files/0/path' },
    ]);
  });
});
