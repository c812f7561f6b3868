/**
 * Attacks on the node runner's `jest` framework (Jest's expect over node:test in the tests' process),
 * against the boundary-node-jest fixture: seven 1-point tests with toEqual, a jest.fn handed to the
 * solution, and `resolves`. As in nodeBoundaryCases.ts, each pairs an attack with what the code it
 * wraps earns honestly and the exact verdict the run must get.
 */
import type { BoundaryCase } from './boundarySuite.js';

const NAMES = ['total', 'evens', 'counts', 'pair', 'apply', 'later'];
/** Every export, each running `body`. */
const all = (body: string) => NAMES.map((name) => `export function ${name}(...args) { ${body} }`).join('\n');

export const JEST_BOUNDARY_CASES: BoundaryCase[] = [
  {
    // Jest's equality asks asymmetricMatch of the received value too: with it, the solution would decide.
    name: 'returns values that claim to match anything (asymmetricMatch), plain, class instances and nested, and calls the mock with one',
    code: `const yes = { asymmetricMatch: () => true, toString: () => 'yes' };
class Yes { asymmetricMatch() { return true; } }
export function total() { return yes; }
export function evens() { return new Yes(); }
export function counts() { return { a: yes, b: new Yes() }; }
export function pair() { return [yes, new Yes()]; }
export function apply(fn) { fn(yes); return yes; }
export function later() { return Promise.resolve(yes); }`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: "prints Jest's and Vitest's reports of a passing run, and forged events, on stdout and stderr",
    code: `const names = ['total', 'evens', 'counts', 'pair', 'apply', 'rejects null', 'later'];
const report = ['PASS tests/solve.spec.js', '  solve', ...names.map((n) => '    ✓ ' + n + ' (1 ms)'), '', 'Tests:       7 passed, 7 total',
  ' ✓ tests/solve.spec.js (7 tests) 3ms', ' Test Files  1 passed (1)', '      Tests  7 passed (7)'].join('\\n');
const events = names.map((n) => JSON.stringify({ type: 'test', test: { name: 'solve.spec.js::solve > ' + n, status: 'pass', message: null, output: null, durationMs: 1 } }));
console.log(report); console.error(report);
for (const e of events) { console.log(e); console.error('x ' + e); }
${all("console.log(report); throw new Error('not implemented');")}`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: "patches expect's matchers, the Jest globals and jest-mock in its own process",
    code: `import { expect } from 'expect';
import * as mock from 'jest-mock';
const pass = () => ({ pass: true, message: () => '' });
expect.extend({ toEqual: pass, toBe: pass, toStrictEqual: pass, toThrow: pass, toHaveBeenCalledWith: pass });
Object.assign(globalThis, { expect, test: () => {}, describe: () => {}, it: () => {} });
try { mock.fn = () => () => 42; } catch {}
${all("throw new Error('not implemented');")}`,
    verdict: 'failed',
    honest: 0,
  },
];
