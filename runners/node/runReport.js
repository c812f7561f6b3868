// Turns node:test's event stream into the contract's test events and result document.
import { relative, resolve } from 'node:path';
import { failureMessage, isAssertion, loadErrorMessage } from './messages.js';
import { outputMark } from './testOutput.js';

export class RunReport {
  #events;
  #root;
  #tests = [];
  /** Per test file: the tests started, by nesting, each knowing whether it has subtests. */
  #started = new Map();
  #loadErrors = [];
  #crashedFiles = false;

  /** `root`: where the test runner ran (test files are named from `root`/tests). */
  constructor(events, root) {
    this.#events = events;
    this.#root = root;
  }

  handle({ type, data }) {
    if (data?.file) data = { ...data, file: resolve(this.#root, data.file) };
    // A file that failed to load is reported as a test named after it, with no file.
    else if (data?.nesting === 0 && typeof data.name === 'string' && data.name.startsWith('tests/')) data = { ...data, file: resolve(this.#root, data.name) };
    switch (type) {
      case 'test:start':
        this.#start(data);
        break;
      case 'test:pass':
      case 'test:fail':
        this.#complete(type === 'test:pass', data);
        break;
    }
  }

  /** `extra`: fields of the result event beside the document (the solution's last output marker). */
  finish(extra = {}) {
    if (this.#loadErrors.length > 0) {
      this.#events.result('error', this.#loadErrors.join('\n\n'), this.#tests, extra);
    } else if (this.#tests.length === 0) {
      this.#events.result('error', 'no tests were found', this.#tests, extra);
    } else {
      const passed = !this.#crashedFiles && this.#tests.every((test) => test.status === 'pass');
      this.#events.result(passed ? 'pass' : 'fail', null, this.#tests, extra);
    }
  }

  #start(data) {
    const started = this.#stack(data);
    started.splice(data.nesting, Infinity, { name: data.name, hasSubtests: false });
    if (data.nesting > 0 && started[data.nesting - 1]) started[data.nesting - 1].hasSubtests = true;
  }

  #complete(passed, data) {
    if (this.#isFileLevel(data)) {
      if (!passed) this.#fileFailed(data);
      return;
    }
    const started = this.#stack(data);
    // Suites and tests with subtests are not results: their subtests are.
    if (started[data.nesting]?.hasSubtests) return;
    const names = started.slice(0, data.nesting).map((test) => test.name).concat(data.name);
    const name = `${this.#testFile(data.file)}::${names.join(' > ')}`;
    if (passed && (data.skip !== undefined || data.todo !== undefined)) {
      // Reported as skipped with its reason; it earns nothing, whoever asked for it.
      const reason = data.skip ?? data.todo;
      this.#record(name, 'skip', typeof reason === 'string' ? reason : 'skipped', data);
    } else if (passed) {
      this.#record(name, 'pass', null, data);
    } else {
      const error = data.details?.error;
      const status = error?.failureType === 'testCodeFailure' && isAssertion(error.cause) ? 'fail' : 'error';
      this.#record(name, status, failureMessage(error), data);
    }
  }

  /** A test file that failed outside any test: before its tests ran it could not be loaded. */
  #fileFailed(data) {
    const ranTests = this.#tests.some((test) => test.name.startsWith(`${this.#testFile(data.file)}::`));
    if (ranTests) this.#crashedFiles = true;
    else this.#loadErrors.push(loadErrorMessage(relative(this.#root, data.file), data.details?.error));
  }

  #record(name, status, message, data) {
    const durationMs = Math.round(data?.details?.duration_ms ?? 0);
    // The harness adds what the solution printed for the test, found by its mark.
    this.#tests.push(this.#events.test({ name, status, message, output: null, durationMs }, { mark: outputMark(name) ?? null }));
  }

  #isFileLevel(data) {
    return data.nesting === 0 && data.name === relative(this.#root, data.file);
  }

  #testFile(file) {
    return relative(`${this.#root}/tests`, file);
  }

  #stack(data) {
    if (!this.#started.has(data.file)) this.#started.set(data.file, []);
    return this.#started.get(data.file);
  }
}
