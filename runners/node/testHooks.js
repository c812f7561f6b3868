// Imported first by every test file (solutionModules.js adds the import). Before each test it tells the
// harness, synchronously, which test is running: a test stuck in a call the solution never answers
// blocks this process's event loop, and the harness then names it. Then it yields, so that the test
// runner's report of the previous test leaves before this one can block. After each test it has the
// solution's process mark the end of the test's output (testOutput.js).
import { afterEach, beforeEach } from 'node:test';
import { relative, resolve } from 'node:path';
import { running } from './testerEvents.js';
import { endOutput } from './testOutput.js';

// filePath is relative to where the test runner ran.
const nameOf = (t) => `${relative('/work/tests', resolve('/work', t.filePath))}::${t.fullName}`;

beforeEach((t) => {
  running(nameOf(t));
  return new Promise((resolve) => setImmediate(resolve));
});

afterEach((t) => endOutput(nameOf(t)));
