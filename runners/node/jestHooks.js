// Imported first by every test file of a `jest` run (solutionModules.js adds the import; node:test
// applies hooks registered in a test file, not before the run): expect.assertions(n) and
// expect.hasAssertions() are checked as each test ends, as Jest does.
import { afterEach, beforeEach } from 'node:test';
import { expect } from 'expect';

beforeEach((t) => {
  expect.setState({ assertionCalls: 0, expectedAssertionsNumber: null, isExpectingAssertions: false, suppressedErrors: [], currentTestName: t.fullName });
});

afterEach(() => {
  const [missing] = expect.extractExpectedAssertionsErrors();
  if (missing) throw missing.error;
});
