import type { SubmittedFile } from '../../src/submissions/submission.js';

/** How a plagiarist disguises a copy; each keeps the program's behaviour. */
export type Transformation = 'rename' | 'reorder' | 'comments-whitespace' | 'dead-code' | 'all';
export const TRANSFORMATIONS: Transformation[] = ['rename', 'reorder', 'comments-whitespace', 'dead-code', 'all'];

const KEYWORDS = new Set((
  'and as assert break class continue def del elif else except False finally for from global if import in is lambda None nonlocal not or pass raise return True try while with yield self '
  + 'package func go defer chan select case switch default var const type struct interface map range make new nil len delete close error string bool int any comparable uint64 true false '
  + 'public private protected static final void long boolean double float char byte short this super extends implements throw throws catch synchronized instanceof null record '
  + 'function let of typeof async await export object float isinstance ValueError math time threading sync context errors fmt java util concurrent Objects String Map HashMap Thread '
  + 'php foreach elseif echo array mixed fn sort count intdiv InvalidArgumentException LogicException'
).split(' '));

// SQL's keywords are case-insensitive: compared in lower case.
const SQL_KEYWORDS = new Set('select from join left inner outer on where and or not group by having order desc asc sum count as with in is null distinct limit'.split(' '));

const comment = (path: string) => (path.endsWith('.py') ? '#' : path.endsWith('.sql') ? '--' : '//');

/** Blocks of a file separated by blank lines. */
const blocks = (text: string) => text.split(/\n\s*\n/);

/** The blocks up to the last one with an import (docstring, package, imports), and the rest. */
function header(text: string): [string[], string[]] {
  const parts = blocks(text);
  const last = parts.findLastIndex((b) => /^(import |from |package |<\?php)/m.test(b));
  return [parts.slice(0, last + 1), parts.slice(last + 1)];
}

/** Renames every identifier the starter does not define (the API must stay), consistently across files. */
function rename(files: SubmittedFile[], starter: SubmittedFile[]): SubmittedFile[] {
  const api = new Set(starter.flatMap((f) => f.content.match(/[A-Za-z_]\w*/g) ?? []));
  const names = new Map<string, string>();
  const renamed = (word: string) => {
    if (KEYWORDS.has(word) || SQL_KEYWORDS.has(word.toLowerCase()) || api.has(word) || word.length < 2) return word;
    if (!names.has(word)) names.set(word, `${word.startsWith('_') ? '_' : ''}v${names.size}x${word.length}`);
    return names.get(word)!;
  };
  // Strings are left alone: they are data, not names.
  return files.map((f) => ({ ...f, content: f.content.replace(/("[^"\n]*"|'[^'\n]*')|[A-Za-z_]\w*/g, (m, str: string | undefined) => (str ? m : renamed(m))) }));
}

/**
 * Reverses the order of a file's blocks after its header (functions, types, methods). It works on
 * text, so a block may move across a class's edge: the copy may not compile, but it is what dolos sees.
 */
function reorder(files: SubmittedFile[]): SubmittedFile[] {
  return files.map((f) => {
    const [head, rest] = header(f.content);
    return { ...f, content: [...head, ...rest.reverse()].join('\n\n') };
  });
}

/** Drops comments, then adds others, blank lines and trailing spaces; indentation halved (still valid Python). */
function commentsAndWhitespace(files: SubmittedFile[]): SubmittedFile[] {
  return files.map((f) => {
    const marker = comment(f.path);
    const lines = f.content.split('\n')
      .filter((l) => !l.trim().startsWith(marker) && !/^\s*(\/\*\*|\*)/.test(l))
      .map((l) => l.replace(/^( {4})+/, (m) => ' '.repeat(m.length / 2)).replace(/^(\t+)/, (m) => '  '.repeat(m.length)));
    const out = lines.flatMap((l, i) => (i % 5 === 4 ? [`${l}   `, ''] : [l]));
    return { ...f, content: `${marker} my own work\n${out.join('\n')}\n${marker} end\n` };
  });
}

const DEAD: Record<string, string> = {
  py: 'def _unused_helper(values):\n    total = 0\n    for v in values:\n        if v % 2 == 0:\n            total += v\n    return total\n',
  go: 'func unusedHelper(values []int) int {\n\ttotal := 0\n\tfor _, v := range values {\n\t\tif v%2 == 0 {\n\t\t\ttotal += v\n\t\t}\n\t}\n\treturn total\n}\n',
  java: '    private static int unusedHelper(int[] values) {\n        int total = 0;\n        for (int v : values) {\n            if (v % 2 == 0) {\n                total += v;\n            }\n        }\n        return total;\n    }\n',
};

/** Inserts functions that are never called between the blocks. */
function deadCode(files: SubmittedFile[]): SubmittedFile[] {
  return files.map((f) => {
    const dead = DEAD[f.path.split('.').at(-1)!];
    if (!dead) return f;
    const parts = blocks(f.content);
    // Java methods belong inside the class: insert after its first member, not at the top.
    const at = f.path.endsWith('.java') ? Math.min(2, parts.length - 1) : parts.length;
    parts.splice(at, 0, dead.trimEnd());
    return { ...f, content: parts.join('\n\n') };
  });
}

export function plagiarise(files: SubmittedFile[], starter: SubmittedFile[], how: Transformation): SubmittedFile[] {
  switch (how) {
    case 'rename': return rename(files, starter);
    case 'reorder': return reorder(files);
    case 'comments-whitespace': return commentsAndWhitespace(files);
    case 'dead-code': return deadCode(files);
    case 'all': return deadCode(commentsAndWhitespace(reorder(rename(files, starter))));
  }
}
