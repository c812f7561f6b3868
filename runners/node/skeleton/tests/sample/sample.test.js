import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clamp } from '../solution/clamp.js';

test('example', () => {
  assert.equal(clamp(5, 0, 10), 5);
});
