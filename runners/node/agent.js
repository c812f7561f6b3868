// The solution's process, as the candidate user: lends the solution's modules to the tests' process.
// It decides nothing and holds nothing of the harness: whatever it answers is data to the tester, which
// rebuilds every value itself. Started before the submission arrives; a line on stdin says it is there,
// with the marker that ends each test's share of this process's output (solutionOutput.js).
import { createServer } from 'node:http';
import { once } from 'node:events';
import { readFileSync, writeSync } from 'node:fs';
import { Endpoint } from './endpoint.js';
import { resolveExtensionless, resolvedFile } from './extensionless.js';

const SOLUTION = 'file:///work/solution/';
const CONNECTION_FD = 3;

const commands = {
  /** A module of the solution, imported here, as its exports. */
  import(ep, { k }) {
    if (typeof k !== 'string' || !k.startsWith(SOLUTION)) throw new TypeError('only modules of the solution are served');
    return import(resolvedFile(k)).then((namespace) => ({ ...namespace }));
  },
  /** An HTTP listener of the solution (an Express app…) served here on a loopback port, for the tests' HTTP client. */
  async serve(ep, { h }) {
    const server = createServer(ep.exported(h));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return server.address().port;
  },
  /** A test ended: what this process printed so far is its share (and, for the first test, the modules' loading). */
  mark() {
    for (const fd of [1, 2]) writeSync(fd, marker);
  },
};

const { marker } = JSON.parse(readFileSync(0, 'utf8'));
resolveExtensionless(SOLUTION);
process.chdir('/work');
// The tests are over when the tester's end closes: no timer of the solution may keep this process alive.
new Endpoint(CONNECTION_FD, { commands, guarded: false, keepAlive: true, peer: 'the tests', onClosed: () => process.exit(0) });
