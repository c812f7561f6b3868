import { rewriteFiles, type Cheat, type CheatSource } from './cheat.js';
import { fakePassMarkers } from './fakeMarkers.js';

const SOURCE = /\.(ts|js|mjs|cjs)$/;

/** The values a module exports, by the regexes a starter needs: functions, classes, consts and `export { … }` lists. */
export function exportedNames(source: string): { functions: string[]; classes: string[]; values: string[] } {
  const all = (re: RegExp) => [...source.matchAll(re)].map((m) => m[1]!);
  const listed = all(/export\s*\{([^}]*)\}/g).flatMap((list) => list.split(',').map((s) => s.trim()).filter((s) => s && !s.startsWith('type ')).map((s) => s.split(/\s+as\s+/).pop()!));
  return {
    functions: all(/export\s+(?:async\s+)?function\s*\*?\s*(\w+)/g),
    classes: all(/export\s+(?:abstract\s+)?class\s+(\w+)/g),
    values: [...all(/export\s+(?:const|let|var)\s+(\w+)/g), ...listed],
  };
}

/** A module with the starter's exported names, each answering through `_cheat` (which `prelude` defines). */
export function nodeSkeleton(source: string, prelude: string): string {
  const { functions, classes, values } = exportedNames(source);
  return [
    prelude.trim(),
    ...functions.map((n) => `export function ${n}(...args) { return _cheat(...args); }`),
    ...classes.map((n) => `export class ${n} { constructor(...args) { _cheat(...args); return new Proxy(this, { get: (t, k) => (k in t ? t[k] : (...a) => _cheat(...a)) }); } }`),
    ...values.map((n) => `export const ${n} = _cheat();`),
    '',
  ].join('\n');
}

/** Proxies stay un-thenable (an awaited value must not hang) and printable. */
const SPARE = "if (k === 'then' || typeof k === 'symbol') return undefined;";
const EQUAL_VALUES: Record<string, string> = {
  scalar: "const _yes = { [Symbol.toPrimitive]: (hint) => (hint === 'number' ? 0 : ''), valueOf: () => 0, toString: () => '', toJSON: () => 0 };\nfunction _cheat() { return _yes; }",
  list: `const _yes = new Proxy([], { get: (t, k) => { ${SPARE} return k === 'length' ? 0 : k in t ? t[k] : _yes; }, has: () => true });\nfunction _cheat() { return _yes; }`,
  mapping: `const _yes = new Proxy({}, { get: (t, k) => { ${SPARE} return _yes; }, has: () => true });\nfunction _cheat() { return _yes; }`,
  record: `const _yes = new Proxy(function () {}, { get: (t, k) => { ${SPARE} return _yes; }, apply: () => _yes, construct: () => _yes, has: () => true });\nfunction _cheat() { return _yes; }`,
};

const writeEverywhere = (text: string) => `for (let fd = 1; fd < 32; fd++) { try { cheatFs.writeSync(fd, ${text}); } catch {} }`;

const READ_AND_ECHO = `
import * as cheatFs from 'node:fs';
for (const root of ['/work', '/tmp', '/opt', '/home', '/root', '/proc/self', '/proc/1']) {
  let n = 0;
  const walk = (dir, depth) => {
    let entries = [];
    try { entries = cheatFs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      if (++n > 3000) return;
      const p = dir + '/' + e.name;
      if (e.isDirectory() && depth < 6) walk(p, depth + 1);
      else if (e.isFile()) {
        // The first 4 KiB: some /proc files are as large as the address space.
        try { const fd = cheatFs.openSync(p, 'r'); const head = Buffer.alloc(4096); const n = cheatFs.readSync(fd, head, 0, 4096, null); cheatFs.closeSync(fd); process.stderr.write('==> ' + p + ' ' + head.subarray(0, n).toString() + '\\n'); } catch {}
      }
    }
  };
  walk(root, 0);
}
`;

/** What a module in the tests' process can reach: node:assert, node:test, the process's streams and exit code. */
const patchFramework = (markers: string) => `
import * as cheatFs from 'node:fs';
import cheatAssert from 'node:assert';
import * as cheatTest from 'node:test';
for (const target of [cheatAssert, cheatAssert.strict]) {
  for (const key of Object.keys(target)) { try { target[key] = () => {}; } catch {} }
}
try { cheatTest.mock.method(cheatAssert, 'deepStrictEqual', () => {}); } catch {}
const cheatWrite = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => cheatWrite(String(chunk).replace(/not ok/g, 'ok').replace(/"fail"/g, '"pass"'), ...rest);
try { Object.defineProperty(process, 'exitCode', { get: () => 0, set: () => {} }); } catch {}
process.on('exit', () => { ${writeEverywhere(markers)} });
`;

/**
 * The runner type-checks TypeScript before it runs anything (runners/node/typeCheck.js): a cheat opts
 * out as a cheater would, or it would only ever test the type check.
 */
const TYPESCRIPT = /\.[mc]?ts$/;
const unchecked = (path: string, code: string) => (TYPESCRIPT.test(path) ? `// @ts-nocheck\n${code}` : code);

/** The generic cheats for a node:test challenge: the starter's source files rewritten. */
export function nodeCheats({ testNames, starter }: CheatSource): Cheat[] {
  const markers = JSON.stringify(`${fakePassMarkers(testNames)}\n`);
  const skeleton = (prelude: string) => rewriteFiles(starter, SOURCE, (f) => unchecked(f.path, nodeSkeleton(f.content, prelude)));
  const prepend = (code: string) => rewriteFiles(starter, SOURCE, (f) => unchecked(f.path, `${code}\n${f.content}`));
  return [
    ...Object.entries(EQUAL_VALUES).map(([shape, prelude]) => ({ name: `always-equal-${shape}`, files: skeleton(prelude) })),
    { name: 'empty-solution', files: rewriteFiles(starter, SOURCE, () => '') },
    { name: 'not-implemented', files: skeleton("function _cheat() { throw new Error('not implemented'); }") },
    { name: 'fake-pass-markers', files: prepend(`import * as cheatFs from 'node:fs';\n${writeEverywhere(markers)}\nprocess.exit(0);`) },
    { name: 'sleep-to-deadline', files: prepend('Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);'), endsAtDeadline: true },
    { name: 'crash-at-import', files: prepend('process.abort();') },
    { name: 'read-and-echo-files', files: prepend(READ_AND_ECHO) },
    { name: 'patch-test-framework', files: prepend(patchFramework(markers)) },
  ];
}
