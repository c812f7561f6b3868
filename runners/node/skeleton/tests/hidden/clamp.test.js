import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clamp } from '../solution/clamp.js';

test('inside the range', () => {
  assert.equal(clamp(5, 0, 10), 5);
});

test('outside the range', () => {
  assert.deepEqual([clamp(-3, 0, 10), clamp(42, 0, 10)], [0, 10]);
});

test('rejects an empty range', () => {
  assert.throws(() => clamp(1, 10, 0), RangeError);
});
