// A sample: the hidden tests call every function of solve.js the same way.
import { test } from 'node:test';
import assert from 'node:assert';
import { total } from '../solution/solve.js';

test('total', () => {
  assert.equal(total([1, 2, 3]), 6);
});
