// Preloaded into every test file's process, before the solution: node:assert cannot be patched to
// pass every check (assigning to a frozen object is a TypeError in modules, a no-op elsewhere).
import assert from 'node:assert';

Object.freeze(assert);
Object.freeze(assert.strict);
