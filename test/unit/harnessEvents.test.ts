import { describe, expect, it } from 'vitest';
import { parseHarnessEvent } from '../../src/sandbox/harnessEvents.js';

const test = { name: 'test_a.py::test_one', status: 'fail', message: 'assert 1 == 2', output: 'printed', durationMs: 12 };
const result = { version: 1, status: 'fail', message: null, errorKind: null, tests: [test] };
const parse = (value: unknown) => parseHarnessEvent(JSON.stringify(value));

describe('parseHarnessEvent', () => {
  it('parses an on-contract test event', () => {
    expect(parse({ type: 'test', test })).toEqual({ type: 'test', test });
  });

  it('parses an on-contract result event', () => {
    expect(parse({ type: 'result', result })).toEqual({ type: 'result', result });
  });

  it('parses a result with status error, a message and no tests', () => {
    const error = { version: 1, status: 'error', message: 'SyntaxError in limiter.py line 3', errorKind: null, tests: [] };
    expect(parse({ type: 'result', result: error })).toEqual({ type: 'result', result: error });
  });

  it('keeps only the fields of the contract', () => {
    const extra = { ...test, points: 100, secret: 'x' };
    expect(parse({ type: 'test', test: extra, injected: true })).toEqual({ type: 'test', test });
  });

  it('turns non-string message and output into null', () => {
    expect(parse({ type: 'test', test: { ...test, message: 42, output: { a: 1 } } })).toEqual({
      type: 'test',
      test: { ...test, message: null, output: null },
    });
  });

  it('rounds a fractional duration and drops one that is not a finite number', () => {
    expect(parse({ type: 'test', test: { ...test, durationMs: 2.6 } })).toEqual({ type: 'test', test: { ...test, durationMs: 3 } });
    expect(parse({ type: 'test', test: { ...test, durationMs: '12' } })).toEqual({ type: 'test', test: { ...test, durationMs: null } });
    // JSON has no Infinity: 1e999 parses to it.
    expect(parseHarnessEvent(`{"type":"test","test":{"name":"t","status":"pass","durationMs":1e999}}`)).toEqual({
      type: 'test',
      test: { name: 't', status: 'pass', message: null, output: null, durationMs: null },
    });
  });

  it('drops a test whose name or status is off-contract from a result, keeping the others', () => {
    const bad = [{ ...test, status: 'passed' }, { ...test, name: 7 }, { status: 'pass' }, null, 'test_b', [test]];
    expect(parse({ type: 'result', result: { ...result, tests: [...bad, test] } })).toEqual({ type: 'result', result });
  });

  it.each([
    ['malformed JSON', '{"type":"test",'],
    ['an empty line', ''],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"result"'],
    ['an array', '[{"type":"result"}]'],
  ])('drops %s', (_name, json) => {
    expect(parseHarnessEvent(json)).toBeNull();
  });

  it.each<[string, unknown]>([
    ['an unknown type', { type: 'log', test }],
    ['a missing type', { test }],
    ['a test event without its test', { type: 'test' }],
    ['a test event whose test is null', { type: 'test', test: null }],
    ['a test with an unknown status', { type: 'test', test: { ...test, status: 'skipped' } }],
    ['a test with a missing status', { type: 'test', test: { name: 'x' } }],
    ['a test without a name', { type: 'test', test: { status: 'pass' } }],
    ['a test whose name is not a string', { type: 'test', test: { ...test, name: ['x'] } }],
    ['a result event without its result', { type: 'result' }],
    ['a result that is not an object', { type: 'result', result: 'pass' }],
    ['a result with an unknown status', { type: 'result', result: { ...result, status: 'passed' } }],
    ['a result without tests', { type: 'result', result: { version: 1, status: 'pass', message: null } }],
    ['a result whose tests is not an array', { type: 'result', result: { ...result, tests: { 0: test } } }],
    ['a result under the test key', { type: 'test', test: result }],
  ])('drops %s', (_name, value) => {
    expect(parse(value)).toBeNull();
  });
});

describe('parseHarnessEvent errorKind', () => {
  it('keeps compile and load, and drops anything else to null', () => {
    const withKind = (errorKind: unknown) =>
      parseHarnessEvent(JSON.stringify({ type: 'result', result: { version: 1, status: 'error', message: 'm', errorKind, tests: [] } }));
    expect(withKind('compile')).toMatchObject({ result: { errorKind: 'compile' } });
    expect(withKind('load')).toMatchObject({ result: { errorKind: 'load' } });
    expect(withKind('meltdown')).toMatchObject({ result: { errorKind: null } });
  });
});
