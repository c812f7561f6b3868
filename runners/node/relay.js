// Passes the tests' process's events on with the run's nonce: that process only ever knew a token.
// The first result ends the run; a test the tests' process says is running and that never finishes
// (its event loop blocked in a call the solution never answers) is reported here, by the watchdog.
// Each test goes on with what the solution printed for it (`output`, solutionOutput.js), in order.
import { createInterface } from 'node:readline';
import { Watchdog } from './watchdog.js';

export function relayEvents(events, stream, token, silenceMs, output) {
  const prefix = `${token} `;
  const tests = [];
  let running = null;
  let done = false;
  // Events wait for their test's share of the solution's output, so they are handled one after another.
  let queue = Promise.resolve();
  return new Promise((resolve) => {
    // Resolves to the solution's last output marker, when the tests' process named one.
    const finish = (status, message, errorKind, mark) => {
      if (done) return;
      done = true;
      watchdog.stop();
      lines.close();
      events.result(status, message, tests, { errorKind: errorKind === 'compile' || errorKind === 'load' ? errorKind : undefined });
      resolve(mark);
    };
    const watchdog = new Watchdog(silenceMs, () => {
      if (running !== null && !tests.some((test) => test.name === running)) {
        const message = `did not finish within ${silenceMs} ms; the remaining tests were not run`;
        tests.push(events.test({ name: running, status: 'error', message, output: null, durationMs: silenceMs }));
      }
      finish(tests.length > 0 ? 'fail' : 'error', tests.length > 0 ? null : `no test finished within ${silenceMs} ms`);
    });
    const lines = createInterface({ input: stream });
    const handle = async (event) => {
      if (done) return;
      if (event.type === 'running') running = typeof event.name === 'string' ? event.name : null;
      else if (event.type === 'test') {
        const printed = await output.share(event.mark);
        if (!done) tests.push(events.test({ ...event.test, output: printed }));
      } else finish(event.result.status, event.result.message ?? null, event.result.errorKind, event.mark);
    };
    lines.on('line', (line) => {
      const event = line.startsWith(prefix) ? parse(line.slice(prefix.length)) : null;
      if (event === null) return;
      watchdog.reset();
      queue = queue.then(() => handle(event));
    });
    lines.on('close', () => (queue = queue.then(() => finish('error', 'the test run ended without a result'))));
    // No countdown before the first event: loading the solution may take its time, and a module that
    // never finishes loading is the worker's time limit to judge.
  });
}

function parse(text) {
  try {
    const event = JSON.parse(text);
    if (event?.type === 'running') return event;
    if (event?.type === 'test' && event.test && typeof event.test === 'object') return event;
    if (event?.type === 'result' && event.result && typeof event.result === 'object') return event;
  } catch {
    // not an event
  }
  return null;
}
