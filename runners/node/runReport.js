// Turns node:test's event stream into the contract's test events and result document.
import { relative, resolve } from 'node:path';
import { failureMessage, isAssertion, loadErrorMessage } from './messages.js';

// Beyond what the 4 KiB message and output can show, candidate output is only memory to hold.
const KEPT_OUTPUT_CHARS = 16 * 1024;

export class RunReport {
  #events;
  #root;
  #tests = [];
  /** Per test file: the tests started, by nesting, each knowing whether it has subtests. */
  #started = new Map();
  /** Per test file: the names of the tests dequeued, by nesting: the one running is the last. */
  #running = new Map();
  /** Files run one at a time: this is the one running. */
  #currentFile = null;
  #stopped = false;
  #output = new Map();
  #stderr = new Map();
  #loadErrors = [];
  #crashedFiles = false;

  /** `root`: where the test runner ran (test files are named from `root`/tests). */
  constructor(events, root) {
    this.#events = events;
    this.#root = root;
  }

  handle({ type, data }) {
    // Output events name their file relative to the root, test events absolutely.
    if (data?.file) data = { ...data, file: resolve(this.#root, data.file) };
    switch (type) {
      case 'test:dequeue':
        this.#stack(this.#running, data).splice(data.nesting, Infinity, data.name);
        this.#currentFile = data.file;
        break;
      case 'test:start':
        this.#start(data);
        break;
      case 'test:pass':
      case 'test:fail':
        this.#complete(type === 'test:pass', data);
        break;
      case 'test:stdout':
      case 'test:stderr':
        this.#print(type, data);
        break;
    }
  }

  /** The test running now will never finish: it is reported as an error, the run is to be stopped. */
  hung(afterMs) {
    this.#stopped = true;
    const names = this.#running.get(this.#currentFile) ?? [];
    if (names.length === 0 || this.#isFileLevel({ file: this.#currentFile, name: names[0], nesting: 0 })) return;
    const name = this.#testName(this.#currentFile, names);
    if (this.#tests.some((test) => test.name === name)) return;
    const message = `did not finish within ${afterMs} ms; the remaining tests were not run`;
    this.#record(name, 'error', message, this.#output.get(name) ?? null);
  }

  finish() {
    if (this.#loadErrors.length > 0) {
      this.#events.result('error', this.#loadErrors.join('\n\n'), this.#tests);
    } else if (this.#tests.length === 0) {
      this.#events.result('error', 'no tests were found', this.#tests);
    } else {
      const passed = !this.#crashedFiles && this.#tests.every((test) => test.status === 'pass');
      this.#events.result(passed ? 'pass' : 'fail', null, this.#tests);
    }
  }

  #start(data) {
    const started = this.#stack(this.#started, data);
    started.splice(data.nesting, Infinity, { name: data.name, hasSubtests: false });
    if (data.nesting > 0 && started[data.nesting - 1]) started[data.nesting - 1].hasSubtests = true;
  }

  #complete(passed, data) {
    if (this.#isFileLevel(data)) {
      if (!passed) this.#fileFailed(data);
      return;
    }
    const started = this.#stack(this.#started, data);
    // Suites and tests with subtests are not results: their subtests are.
    if (started[data.nesting]?.hasSubtests) return;
    const names = started.slice(0, data.nesting).map((test) => test.name).concat(data.name);
    const name = this.#testName(data.file, names);
    const output = this.#output.get(name) ?? null;
    if (passed && (data.skip !== undefined || data.todo !== undefined)) {
      // Skipping earns nothing, whoever asked for it.
      this.#record(name, 'fail', `not run: ${data.skip ?? data.todo ?? 'skipped'}`, output, data);
    } else if (passed) {
      this.#record(name, 'pass', null, output, data);
    } else {
      const error = data.details?.error;
      const status = error?.failureType === 'testCodeFailure' && isAssertion(error.cause) ? 'fail' : 'error';
      this.#record(name, status, failureMessage(error), output, data);
    }
  }

  /** The test runner reports a file's process that failed outside any test as a failed test named after the file. */
  #fileFailed(data) {
    const ranTests = this.#tests.some((test) => test.name.startsWith(`${this.#testFile(data.file)}::`));
    if (ranTests || this.#stopped) {
      this.#crashedFiles = true;
    } else {
      this.#loadErrors.push(loadErrorMessage(relative(this.#root, data.file), this.#stderr.get(data.file) ?? ''));
    }
  }

  #print(type, data) {
    const names = this.#running.get(data.file) ?? [];
    const key = names.length > 0 ? this.#testName(data.file, names) : null;
    if (key) append(this.#output, key, data.message);
    if (type === 'test:stderr') append(this.#stderr, data.file, data.message);
  }

  #record(name, status, message, output, data) {
    const durationMs = Math.round(data?.details?.duration_ms ?? 0);
    this.#tests.push(this.#events.test({ name, status, message, output, durationMs }));
  }

  #isFileLevel(data) {
    return data.nesting === 0 && data.name === relative(this.#root, data.file);
  }

  #testFile(file) {
    return relative(`${this.#root}/tests`, file);
  }

  #testName(file, names) {
    return `${this.#testFile(file)}::${names.join(' > ')}`;
  }

  #stack(stacks, data) {
    if (!stacks.has(data.file)) stacks.set(data.file, []);
    return stacks.get(data.file);
  }
}

function append(map, key, text) {
  const kept = map.get(key) ?? '';
  if (kept.length < KEPT_OUTPUT_CHARS) map.set(key, kept + text);
}
