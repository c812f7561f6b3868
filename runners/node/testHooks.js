// Imported first by every test file (solutionModules.js adds the import). Before each test it tells the
// harness, synchronously, which test is running: a test stuck in a call the solution never answers
// blocks this process's event loop, and the harness then names it. Then it yields, so that the test
// runner's report of the previous test leaves before this one can block.
import { beforeEach } from 'node:test';
import { relative, resolve } from 'node:path';
import { running } from './testerEvents.js';

beforeEach((t) => {
  // filePath is relative to where the test runner ran.
  running(`${relative('/work/tests', resolve('/work', t.filePath))}::${t.fullName}`);
  return new Promise((resolve) => setImmediate(resolve));
});
