/**
 * Attacks on the Node runner's boundary by a candidate who has read Assay's source, against the
 * boundary-node fixture (seven 1-point node:test tests that compare loosely, hand the solution a
 * callback and await it). Each pairs an attack with what the code it wraps earns honestly (nothing: the
 * functions are wrong or missing) and the exact verdict the run must get. With the solution imported
 * into the tests' process, as before the boundary, every one of these could reach the tests' objects.
 */
import type { BoundaryCase } from './boundarySuite.js';

/** Every export, each returning what `body` makes of its arguments. */
const all = (body: string) =>
  ['total', 'evens', 'counts', 'pair', 'apply', 'later'].map((name) => `export function ${name}(...args) { ${body} }`).join('\n');

const ALWAYS_EQUAL_PROXY = `const yes = new Proxy(function () {}, {
  get: (t, k) => (k === Symbol.toPrimitive ? () => 6 : k === 'length' ? 2 : yes),
  has: () => true, apply: () => yes, construct: () => yes,
  getPrototypeOf: () => Array.prototype, ownKeys: () => ['a', 'b', 'length', 'prototype'],
  getOwnPropertyDescriptor: (t, k) => Reflect.getOwnPropertyDescriptor(t, k) ?? { value: yes, enumerable: true, configurable: true },
});`;

export const BOUNDARY_CASES: BoundaryCase[] = [
  {
    name: 'returns an always-equal Proxy of every shape',
    code: `${ALWAYS_EQUAL_PROXY}\n${all('return yes;')}`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'returns objects whose toPrimitive and getters would answer what the comparisons ask',
    code: `class Yes { [Symbol.toPrimitive](hint) { return hint === 'number' ? 42 : 6; } get length() { return 2; } get 0() { return 1; } get 1() { return 'b'; } }
${all('return new Yes();')}`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'returns a thenable that never settles and one that resolves to a Proxy',
    code: `${ALWAYS_EQUAL_PROXY}
${all("return args.length === 1 && typeof args[0] === 'number' ? { then() {} } : { then: (resolve) => resolve(yes) };")}`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'patches node:assert, Object.prototype, Promise and node:test in its own process',
    code: `import assert from 'node:assert';
import * as nodeTest from 'node:test';
for (const name of Object.keys(assert)) try { assert[name] = () => {}; } catch {}
Object.prototype.then = undefined;
Object.defineProperty(Object.prototype, 'length', { get() { return 2; }, configurable: true });
Promise.prototype.then = function (ok) { return ok(42); };
nodeTest.test('total', () => {});
${all("throw new Error('not implemented');")}`,
    // Its own import breaks on its own Promise: nothing of the tests' changed, the file cannot load.
    verdict: 'error',
    honest: 0,
  },
  {
    name: 'looks for the harness and the test runner in globalThis, require.cache and process.binding',
    code: `import { createRequire } from 'node:module';
const found = [];
for (const key of Reflect.ownKeys(globalThis)) found.push(String(key));
try { found.push(...Object.keys(createRequire(import.meta.url).cache)); } catch {}
try { found.push(typeof process.binding('fs')); } catch {}
const reached = found.some((k) => /assay|RunReport|EventWriter|solutionExports/i.test(k));
${all("if (reached) return 6; throw new Error('nothing of the harness here: ' + found.length);")}`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: "reaches for the tests' Function through the callback it is handed",
    code: `${all(`const [fn] = args;
  if (typeof fn !== 'function') throw new Error('not implemented');
  let leak;
  try { leak = fn.constructor('return process')(); } catch {}
  try { leak ??= fn.call.constructor('return globalThis.process')(); } catch {}
  try { leak ??= Object.getPrototypeOf(fn).constructor('return process')(); } catch {}
  if (leak && leak.getuid?.() === 10002) return 42;
  throw new Error('no Function of the tests');`)}`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: "reads /proc of every other process: memory, environment and fds, and writes forged events to the tests' fds",
    code: `import { readdirSync, readFileSync, openSync, writeSync } from 'node:fs';
const found = [];
for (const pid of readdirSync('/proc').filter((p) => /^\\d+$/.test(p) && Number(p) !== process.pid)) {
  for (const f of ['environ', 'cmdline', 'mem', 'maps']) try { found.push(readFileSync('/proc/' + pid + '/' + f, 'latin1').slice(0, 200)); } catch {}
  try {
    for (const fd of readdirSync('/proc/' + pid + '/fd')) {
      try { const w = openSync('/proc/' + pid + '/fd/' + fd, 'w'); writeSync(w, 'x {"type":"result","result":{"version":1,"status":"pass","message":null,"tests":[]}}\\n'); found.push('wrote ' + pid + '/' + fd); } catch {}
    }
  } catch {}
}
const token = found.join(' ').match(/[0-9a-f]{48}/)?.[0];
if (token) for (let fd = 0; fd < 64; fd++) try { writeSync(fd, token + ' {"type":"result","result":{"version":1,"status":"pass","message":null,"tests":[]}}\\n'); } catch {}
${all("throw new Error('not implemented');")}`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'prints forged test and result events on stdout, stderr and every fd, then exits 0 mid-run',
    code: `import { writeSync } from 'node:fs';
const names = ['total', 'evens', 'counts', 'pair', 'apply', 'rejects null', 'later'];
const lines = names.map((n) => JSON.stringify({ type: 'test', test: { name: 'solve.test.js::' + n, status: 'pass', message: null, output: null, durationMs: 1 } }))
  .concat(JSON.stringify({ type: 'result', result: { version: 1, status: 'pass', message: null, tests: [] } }));
for (let fd = 0; fd < 64; fd++) for (const l of lines) try { writeSync(fd, 'nonce ' + l + '\\n' + l + '\\n'); } catch {}
${all('process.exit(0);')}`,
    verdict: 'error',
    honest: 0,
  },
  {
    name: 'reads the hidden tests and echoes every file it can find',
    code: `import { readdirSync, readFileSync, statSync } from 'node:fs';
const seen = [];
const walk = (dir, depth) => { if (depth > 6) return; let names; try { names = readdirSync(dir); } catch { return; }
  for (const n of names) { const p = dir + '/' + n; if (/^\\/(proc|sys|dev|usr|node_modules)/.test(p)) continue;
    try { if (statSync(p).isDirectory()) walk(p, depth + 1); else seen.push(p + ': ' + readFileSync(p, 'utf8').slice(0, 100)); } catch {} } };
walk('/work', 0); walk('/tmp', 0);
console.log(seen.join('\\n'));
const hidden = seen.find((s) => s.startsWith('/work/tests/'));
${all("if (hidden) return 6; throw new Error('not implemented');")}`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'returns an object with a __proto__ key, to pollute the prototype of what the tests rebuild',
    code: `${all(`const o = JSON.parse('{"__proto__": {"a": 2, "b": 1, "length": 2, "0": 1, "1": "b"}}'); return o;`)}`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'crashes at import',
    code: `throw new Error('boom at import');\n${all('return 6;')}`,
    verdict: 'error',
    honest: 0,
  },
  {
    name: 'sleeps to the deadline in its first call',
    code: `${all('for (;;) {}')}`,
    verdict: 'runtime_error',
    honest: 0,
  },
];
