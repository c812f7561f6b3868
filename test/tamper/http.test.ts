import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackage } from '../../src/challenges/readPackage.js';
import { repoRoot } from '../../src/repoRoot.js';
import { scoreFiles } from '../support/scoreFiles.js';

/**
 * An http-runner server that tries to configure the tests' HTTP client: it plants /tmp/.netrc, since
 * the tests' HOME used to be /tmp and requests sends ~/.netrc credentials with every request that has
 * none of its own. The hidden tests check that nothing of the server's reached them (credentials, HOME,
 * TMPDIR, their process's memory): against this server they must all pass, as against an honest one.
 */
const SERVER = `import http.server, json, os

with open('/tmp/.netrc', 'w') as f:
    f.write('machine 127.0.0.1 login planted password planted\\n')
os.chmod('/tmp/.netrc', 0o600)

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({'authorization': self.headers.get('Authorization')}).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

http.server.HTTPServer(('127.0.0.1', int(os.environ['PORT'])), Handler).serve_forever()
`;

const TESTS = `import ctypes, os, stat
import requests

BASE = os.environ['ASSAY_BASE_URL']

def test_sends_its_own_authorization_header():
    got = requests.get(BASE + '/echo', headers={'Authorization': 'Bearer mine'}, timeout=5).json()
    assert got['authorization'] == 'Bearer mine'

def test_sends_no_planted_credentials():
    assert requests.get(BASE + '/echo', timeout=5).json()['authorization'] is None
    assert requests.Session().trust_env is False

def test_home_and_tmpdir_are_its_own():
    for var in ('HOME', 'TMPDIR'):
        st = os.stat(os.environ[var])
        assert not os.environ[var].startswith('/tmp'), var
        assert (st.st_uid, stat.S_IMODE(st.st_mode)) == (os.getuid(), 0o700), var

def test_is_not_dumpable():
    assert ctypes.CDLL(None).prctl(3, 0, 0, 0, 0) == 0  # PR_GET_DUMPABLE
`;

const SERVICE = JSON.stringify({ port: 8080, readyPath: '/healthz', start: [{ entry: 'app.py', command: ['python3', 'app.py'] }] });
const NAMES = ['test_sends_its_own_authorization_header', 'test_sends_no_planted_credentials', 'test_home_and_tmpdir_are_its_own', 'test_is_not_dumpable'];

describe('an http server that plants client configuration for the tests', () => {
  it('reaches none of it: the tests keep their own HOME, TMPDIR and requests settings', async () => {
    const files = {
      solution: [{ path: 'app.py', content: SERVER }],
      tests: [{ path: 'service.json', content: SERVICE }, { path: 'test_isolation.py', content: TESTS }],
    };
    const { log, score } = await scoreFiles('http', 'tamper-http-client-config', files, NAMES.map((n) => `test_isolation.py::${n}`));
    expect({ verdict: score.verdict, earned: score.earned }, JSON.stringify(score.tests, null, 1) + log).toEqual({ verdict: 'passed', earned: 4 });
  });
});

/**
 * observability-http's tests read the file the server names LOG_FILE and quote its lines when they fail.
 * This server (the reference, otherwise) makes that name a link to one of the hidden tests, which the
 * tests' user could read, and logs elsewhere: the tests must refuse the link, so no line of theirs
 * reaches a message the candidate sees, and the tests that read the log fail.
 */
const LINK_LOG_TO_THE_TESTS = `import os
os.symlink('/work/tests/test_secrets.py', os.environ['LOG_FILE'])
os.environ['LOG_FILE'] = '/tmp/elsewhere.log'
`;

describe('an http server whose log is a link to the hidden tests', () => {
  it('gets no line of them quoted: the tests refuse to read the log through a link', async () => {
    const pkg = await readPackage(path.join(repoRoot, 'challenges', 'observability-http'));
    const solution = pkg.solution.map((f) => (f.path === 'app.py' ? { ...f, content: LINK_LOG_TO_THE_TESTS + f.content } : f));
    const names = pkg.manifest.tests.map((t) => t.name);
    const { log, score } = await scoreFiles('http', 'tamper-http-log-link', { solution, tests: pkg.hiddenTests }, names);
    const said = JSON.stringify(score.tests) + log;
    expect(said).not.toContain('ever reaches the log'); // test_secrets.py's docstring
    expect(said).toContain('cannot be read');
    const passed = (name: string) => score.tests.find((t) => t.name === name)?.status === 'passed';
    expect(passed('test_secrets.py::test_passwords_are_never_logged'), said).toBe(false);
    expect(passed('test_request_ids.py::test_echoes_a_well_formed_id'), said).toBe(true);
  }, 120_000);
});
