// Which share of the solution's output is each test's: as a test ends, the tests' process has the
// solution's process write the run's marker (agent.js `mark`), and numbers it; the test's event names
// that number, and the harness cuts the solution's output there (solutionOutput.js).
let endpoint = null;
let marks = 0;
const markOf = new Map();

export function cutSolutionOutput(ep) {
  endpoint = ep;
}

/** Has the solution's process write the marker; its number, or undefined when that process is gone. */
function mark() {
  if (endpoint === null) return undefined;
  try {
    endpoint.request('mark');
  } catch {
    // The solution's process is gone: it prints nothing more.
    return undefined;
  }
  return ++marks;
}

/** Called, synchronously, as the test `name` ends. */
export function endOutput(name) {
  const n = mark();
  if (n === undefined) return;
  if (!markOf.has(name)) markOf.set(name, []);
  markOf.get(name).push(n);
}

/**
 * As the run ends: the harness waits for this marker before it exits, so that all the solution printed
 * reaches the log. (Neither process ends by itself first: each one's reader thread blocks in a read of
 * the connection, which Node's exit waits for.)
 */
export function lastMark() {
  return mark();
}

/** The marker number of the test's share, or undefined (a skipped test never ran, so printed nothing). */
export function outputMark(name) {
  return markOf.get(name)?.shift();
}
