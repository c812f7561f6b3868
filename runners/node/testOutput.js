// Which share of the solution's output is each test's: as a test ends, the tests' process has the
// solution's process write the run's marker (agent.js `mark`), and numbers it; the test's event names
// that number, and the harness cuts the solution's output there (solutionOutput.js).
let endpoint = null;
let marks = 0;
const markOf = new Map();

export function cutSolutionOutput(ep) {
  endpoint = ep;
}

/** Called, synchronously, as the test `name` ends. */
export function endOutput(name) {
  if (endpoint === null) return;
  try {
    endpoint.request('mark');
  } catch {
    // The solution's process is gone: it prints nothing more, and the test keeps its own result.
    return;
  }
  marks += 1;
  if (!markOf.has(name)) markOf.set(name, []);
  markOf.get(name).push(marks);
}

/** The marker number of the test's share, or undefined (a skipped test never ran, so printed nothing). */
export function outputMark(name) {
  return markOf.get(name)?.shift();
}
