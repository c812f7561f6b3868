// The `jest` framework (docs/runner-contract.md, "The Node runner's frameworks"): Jest's API over
// node:test, in the tests' process. Jest's own `expect`, `jest-mock` and `jest-each` do the asserting,
// mocking and `test.each` naming; node:test runs the tests and reports them, so the run is read from
// the same channel as a node:test run. Test files use the globals, or import them from 'vitest' or
// '@jest/globals' (solutionModules.js points both here).
import { after, afterEach as nodeAfterEach, before, beforeEach as nodeBeforeEach, describe as nodeDescribe, it as nodeIt } from 'node:test';
import { expect } from 'expect';
import { bind } from 'jest-each';
import { ModuleMocker } from 'jest-mock';

// Inside describe.skip every test is registered, skipped: each still reports, as Jest does.
let skipping = 0;
// node:test names a test's file after the code that called it: each test file, as it starts, hands in
// a function of its own that makes the call (the prelude solutionModules.js adds), so that is the test file.
let callFromTestFile = (define, ...args) => define(...args);

export function definingIn(caller) {
  callFromTestFile = caller;
}

/** Jest passes `done` to a function that declares a parameter; node:test to one that declares two. */
const callback = (fn) => (fn.length > 0 ? (t, done) => fn(done) : () => fn());
const options = (timeout, extra = {}) => ({ ...extra, ...(Number.isFinite(timeout) ? { timeout } : {}) });

function defineTest(name, fn, timeout) {
  if (typeof fn !== 'function') return todoTest(name);
  return callFromTestFile(nodeIt, String(name), options(timeout, skipping > 0 ? { skip: true } : {}), callback(fn));
}
const skipTest = (name, fn, timeout) => callFromTestFile(nodeIt, String(name), options(timeout, { skip: true }), typeof fn === 'function' ? callback(fn) : undefined);
const todoTest = (name) => callFromTestFile(nodeIt, String(name), { todo: true });

function defineSuite(name, fn) {
  return callFromTestFile(nodeDescribe, String(name), () => fn());
}
const skipSuite = (name, fn) =>
  callFromTestFile(nodeDescribe, String(name), () => {
    skipping += 1;
    try {
      fn();
    } finally {
      skipping -= 1;
    }
  });

function withModifiers(define, skip) {
  const api = (...args) => define(...args);
  // test.concurrent runs in order here: node:test runs a file's tests one after another.
  Object.assign(api, { skip, only: api, concurrent: api, each: bind(api), todo: todoTest });
  api.skip.each = bind(skip);
  api.only.each = api.each;
  return api;
}

export const test = withModifiers(defineTest, skipTest);
export const it = test;
export const describe = withModifiers(defineSuite, skipSuite);
describe.each = bind(describe, false);
describe.skip.each = bind(skipSuite, false);

const hook = (register) => (fn, timeout) => register(callback(fn), options(timeout));
export const beforeEach = hook(nodeBeforeEach);
export const afterEach = hook(nodeAfterEach);
export const beforeAll = hook(before);
export const afterAll = hook(after);

const mocker = new ModuleMocker(globalThis);
const unsupported = (name) => () => {
  throw new TypeError(`${name} is not supported by the sandbox's Jest-compatible runner`);
};
export const jest = {
  fn: (impl) => mocker.fn(impl),
  spyOn: (...args) => mocker.spyOn(...args),
  replaceProperty: (...args) => mocker.replaceProperty(...args),
  mocked: (value) => value,
  isMockFunction: (value) => mocker.isMockFunction(value),
  clearAllMocks: () => mocker.clearAllMocks(),
  resetAllMocks: () => mocker.resetAllMocks(),
  restoreAllMocks: () => mocker.restoreAllMocks(),
  mock: unsupported('module mocking'),
  useFakeTimers: unsupported('fake timers'),
};
export const vi = jest;
export { expect };

export function installJestGlobals() {
  Object.assign(globalThis, { describe, it, test, expect, beforeEach, afterEach, beforeAll, afterAll, jest, vi, xit: test.skip, xtest: test.skip, xdescribe: describe.skip, fit: test, fdescribe: describe });
}
