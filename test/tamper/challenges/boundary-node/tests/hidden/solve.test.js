// Loose comparisons, a callback and an awaited call, as authors write them: what equal-to-anything
// values, thenables and reaching into the tests' process would attack.
import { test } from 'node:test';
import assert from 'node:assert';
import { apply, counts, evens, later, pair, total } from '../solution/solve.js';

test('total', () => {
  assert.equal(total([1, 2, 3]), 6);
});

test('evens', () => {
  assert.deepEqual(evens([1, 2, 3, 4]), [2, 4]);
});

test('counts', () => {
  assert.deepEqual(counts('aab'), { a: 2, b: 1 });
});

test('pair', () => {
  const p = pair(1, 'b');
  assert.ok(Array.isArray(p) && p.length === 2 && p[0] == 1 && p[1] == 'b');
});

test('apply', () => {
  assert.equal(apply((x) => x + 1, 41), 42);
});

test('rejects null', () => {
  assert.throws(() => total(null), RangeError);
});

test('later', async () => {
  assert.equal(await later(21), 42);
});
