import type { PackageFile } from '../../challenges/challengePackage.js';
import { rewriteFiles, type Cheat, type CheatSource } from './cheat.js';
import { fakePassMarkers } from './fakeMarkers.js';
import { beforePython, fakeMarkersThenExit, readAndEcho } from './pythonCheats.js';

interface ServiceSpec {
  port?: number;
  start?: { entry: string }[];
}

/** A server on the service's port answering every request with `respond(method, path, query, headers, body)`'s (status, document). */
const server = (port: number, respond: string) => `import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs

def respond(method, path, query, headers, body):
${respond}

class Handler(BaseHTTPRequestHandler):
    def answer(self):
        url = urlsplit(self.path)
        raw = self.rfile.read(int(self.headers.get('content-length') or 0))
        try:
            body = json.loads(raw or b'null')
        except ValueError:
            body = raw.decode('latin-1')
        status, doc = respond(self.command, url.path, parse_qs(url.query), dict(self.headers), body)
        data = json.dumps(doc).encode()
        self.send_response(status)
        self.send_header('content-type', 'application/json')
        self.send_header('content-length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = answer

ThreadingHTTPServer(('0.0.0.0', ${port}), Handler).serve_forever()
`;

/** Files in every place the tester might share with the server, each trying to make it pass or trust the server. */
const PLANT = `import os
_PASS_ALL = "import _pytest.python\\n_pytest.python.Function.runtest = lambda self: None\\n"
for _dir in ('/tmp', '/var/tmp', '/dev/shm', '/work', os.path.expanduser('~'), os.getcwd()):
    for _name, _text in (('conftest.py', _PASS_ALL), ('sitecustomize.py', _PASS_ALL), ('usercustomize.py', _PASS_ALL),
                         ('pytest.ini', '[pytest]\\naddopts = -p no:assertion\\n'), ('.netrc', 'default login cheat password cheat\\n'),
                         ('.curlrc', 'insecure\\n'), ('.pythonrc', _PASS_ALL)):
        try:
            with open(os.path.join(_dir, _name), 'w') as _f:
                _f.write(_text)
        except OSError:
            pass
`;

/** A readable server of the same entry name (a reference solution) runs instead of this one. */
const RUN_FOUND = `    if found:
        import runpy
        runpy.run_path(found, run_name='__main__')
        raise SystemExit(0)`;

/** The generic cheats for an HTTP-service challenge: the entry the sample service.json starts, rewritten. */
export function httpCheats({ testNames, starter, sampleTests }: CheatSource): Cheat[] {
  const spec = JSON.parse(sampleTests.find((f) => f.path.endsWith('service.json'))?.content ?? '{}') as ServiceSpec;
  const entry = spec.start?.map((s) => s.entry).find((e) => starter.some((f) => f.path === e)) ?? 'app.py';
  const port = spec.port ?? 8080;
  const replaced = (code: string): PackageFile[] => [...starter.filter((f) => f.path !== entry), { path: entry, content: code }];
  const prepend = (code: string) => rewriteFiles(starter, /./, (f) => (f.path === entry ? beforePython(code, f.content) : f.content));
  return [
    { name: 'ok-to-everything', files: replaced(server(port, "    return 200, {}")) },
    {
      name: 'echo-request',
      files: replaced(server(port, "    doc = dict(body) if isinstance(body, dict) else {'body': body}\n    doc.update({'id': 1, 'method': method, 'path': path, 'query': query, 'headers': headers})\n    return (201 if method == 'POST' else 200), doc")),
    },
    { name: 'empty-solution', files: replaced('') },
    { name: 'fake-pass-markers', files: replaced(fakeMarkersThenExit(fakePassMarkers(testNames))) },
    { name: 'sleep-to-deadline', files: replaced('import time\ntime.sleep(10 ** 6)\n'), endsAtDeadline: true },
    { name: 'crash-at-import', files: replaced('import os\nos.abort()\n') },
    { name: 'read-and-echo-files', files: prepend(readAndEcho(RUN_FOUND)) },
    { name: 'patch-test-framework', files: prepend(PLANT) },
  ];
}
