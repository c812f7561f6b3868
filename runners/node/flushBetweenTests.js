// Preloaded into every test file's process. The test runner reports a finished test from a later tick;
// yielding to the event loop before each test lets that report out before a test that never yields
// (an infinite loop) blocks the process for good.
import { beforeEach } from 'node:test';

beforeEach(() => new Promise((resolve) => setImmediate(resolve)));
