// The tests' process, as the tester user: node:test over /work/tests (the `node:test` framework, or Jest's
// API over it, `jest`, jestGlobals.js), the solution reached through the boundary (endpoint.js). Started
// before the submission arrives; its first stdin line is the token it reports with on fd 4 and the
// framework. The solution's process cannot reach this one: another user, and undumpable (its node binary
// is execute-only, docs/sandbox.md).
import { readFileSync } from 'node:fs';
import { run } from 'node:test';
import { Endpoint } from './endpoint.js';
import { RunReport } from './runReport.js';
import { serveRemoteApps } from './remoteHttp.js';
import { serveSolutionModules } from './solutionModules.js';
import { openEvents } from './testerEvents.js';
import { cutSolutionOutput, lastMark } from './testOutput.js';

const ROOT = '/work';
const CONNECTION_FD = 3;
/** Per test; a test stuck where this process's event loop cannot run is stopped by the harness instead. */
const TEST_TIMEOUT_MS = 5000;

const { token, framework } = JSON.parse(readFileSync(0, 'utf8'));
const events = openEvents(token);
const ep = new Endpoint(CONNECTION_FD, { guarded: true, peer: "the solution's process" });
serveSolutionModules(ep, framework);
serveRemoteApps(ep);
cutSolutionOutput(ep);
// Only when asked: Jest's expect and its helpers take a third of a second to load.
if (framework === 'jest') (await import('./jestGlobals.js')).installJestGlobals();

// node:test names a test's file relative to the process's directory.
process.chdir(ROOT);
const report = new RunReport(events, ROOT);
try {
  // In this process: the tests' own imports of the solution go through the hooks above.
  const stream = run({ cwd: ROOT, globPatterns: ['tests/**/*.{test,spec}.{js,ts,mjs,mts,cjs,cts}'], isolation: 'none', timeout: TEST_TIMEOUT_MS });
  for await (const event of stream) report.handle(event);
  report.finish({ mark: lastMark() ?? null });
} catch (err) {
  events.result('error', `the test run crashed: ${err?.stack ?? err}`, []);
}
// Handles, timers and the solution's pending callbacks must not hold the run open.
process.exit(0);
