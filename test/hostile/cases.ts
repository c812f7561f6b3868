/**
 * Hostile submissions for the sum-python fixture challenge (calc.py must define add(a, b)): each is
 * something a candidate may do by accident or on purpose, with the exact outcome it must get.
 * Grow this list whenever something gets through.
 */
export interface HostileCase {
  name: string;
  code: string;
  verdict: string;
  /** Points it must earn (max is 6). */
  earned: number;
}

const honest = 'def add(a, b):\n    return a + b\n';

/** Runs `body` once, the first time add() is called, then behaves honestly. */
const onFirstCall = (body: string) => `import os, sys, time, socket, subprocess, threading
_done = []

def add(a, b):
    if not _done:
        _done.append(1)
${body.split('\n').map((l) => `        ${l}`).join('\n')}
    return a + b
`;

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'fork bomb',
    // Children become tiny sleepers, so the process cap, not memory, is what the bomb runs into.
    code: onFirstCall("while True:\n    try:\n        if os.fork() == 0:\n            os.execvp('sleep', ['sleep', '1000'])\n    except OSError:\n        pass"),
    verdict: 'time_limit_exceeded',
    earned: 0,
  },
  {
    name: 'memory bomb',
    code: onFirstCall('hog = []\nwhile True:\n    hog.append(bytearray(16 * 1024 * 1024))'),
    verdict: 'memory_limit_exceeded',
    earned: 0,
  },
  {
    name: 'CPU spin on every core',
    code: onFirstCall('def spin():\n    while True:\n        pass\nfor _ in range(os.cpu_count() * 2):\n    threading.Thread(target=spin, daemon=True).start()\nspin()'),
    verdict: 'time_limit_exceeded',
    earned: 0,
  },
  { name: 'infinite sleep', code: onFirstCall('time.sleep(10 ** 6)'), verdict: 'time_limit_exceeded', earned: 0 },
  {
    name: 'a background child that tries to outlive the run',
    code: onFirstCall("subprocess.Popen(['sleep', '1000'], start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)"),
    verdict: 'passed',
    earned: 6,
  },
  {
    name: 'disk fill of /tmp',
    code: onFirstCall("with open('/tmp/fill', 'wb') as f:\n    while True:\n        f.write(b'x' * (1 << 20))"),
    verdict: 'failed',
    earned: 4,
  },
  {
    name: 'disk fill of the work area',
    code: onFirstCall("with open('/work/fill', 'wb') as f:\n    while True:\n        f.write(b'x' * (1 << 20))"),
    verdict: 'failed',
    earned: 4,
  },
  {
    name: 'writes outside the scratch areas',
    code: onFirstCall("for p in ['/etc/passwd', '/usr/bin/python3', '/opt/assay/entry', '/x']:\n    try:\n        open(p, 'a').write('pwned')\n        raise SystemExit('wrote ' + p)\n    except OSError:\n        pass"),
    verdict: 'passed',
    earned: 6,
  },
  {
    name: '100 MB of output in one line',
    code: onFirstCall("out = open(1, 'wb', buffering=0, closefd=False)\nfor _ in range(100):\n    out.write(b'x' * (1 << 20))"),
    verdict: 'output_limit_exceeded',
    earned: 0,
  },
  {
    name: 'a million lines of output',
    code: onFirstCall("out = open(1, 'wb', buffering=1 << 16, closefd=False)\nfor i in range(1_000_000):\n    out.write(b'line %d of a flood of output to stdout\\n' % i)\nout.flush()"),
    verdict: 'output_limit_exceeded',
    earned: 0,
  },
  {
    name: 'non-UTF-8 and NUL bytes in output',
    code: onFirstCall("out = open(1, 'wb', buffering=0, closefd=False)\nout.write(b'\\xff\\xfe\\x00bad\\x80bytes\\n')\nprint('\\x00\\udcff', file=sys.stderr)"),
    verdict: 'passed',
    earned: 6,
  },
  {
    name: 'network attempts',
    code: onFirstCall(
      [
        "assert sorted(os.listdir('/sys/class/net')) == ['lo'], os.listdir('/sys/class/net')",
        'for host, port in [("127.0.0.1", 6379), ("localhost", 3000)]:',
        '    try:',
        '        socket.create_connection((host, port), timeout=1)',
        '        raise SystemExit("connected to %s:%d" % (host, port))',
        '    except OSError:',
        '        pass',
        'try:',
        '    socket.getaddrinfo("deb.debian.org", 80)',
        '    raise SystemExit("DNS resolved")',
        'except socket.gaierror:',
        '    pass',
      ].join('\n'),
    ),
    verdict: 'passed',
    earned: 6,
  },
  {
    name: "reading the host's environment, Docker socket and other submissions",
    code: onFirstCall(
      [
        "leaked = set(os.environ) - {'PATH', 'HOME', 'LANG', 'HOSTNAME', 'PWD', 'SHLVL', 'PYTHONPATH', 'PYTHONDONTWRITEBYTECODE', 'PYTEST_CURRENT_TEST', 'PYTEST_VERSION', 'PYTEST_DISABLE_PLUGIN_AUTOLOAD', 'OLDPWD', '_'}",
        "assert not leaked, leaked",
        "assert not os.path.exists('/var/run/docker.sock')",
        "assert not os.path.exists('/run/docker.sock')",
        "assert sorted(os.listdir('/work')) == ['run.json', 'solution', 'tests'], os.listdir('/work')",
        // What the manifest tells the runner (the hidden tests' names) is the root harness's alone.
        "try:\n    open('/work/run.json').read()\n    raise SystemExit('read /work/run.json')\nexcept PermissionError:\n    pass",
        "assert os.getuid() != 0",
      ].join('\n'),
    ),
    verdict: 'passed',
    earned: 6,
  },
  // Every other process in the sandbox (init, the harness, the tests) is another user's: kill(-1) is
  // refused for each of them, so it succeeds having signalled nothing, and the run goes on.
  { name: 'kill -9 -1', code: onFirstCall('os.kill(-1, 9)'), verdict: 'passed', earned: 6 },
  {
    name: 'thousands of tiny files',
    code: onFirstCall("os.makedirs('/tmp/many', exist_ok=True)\nfor i in range(5000):\n    open('/tmp/many/%d' % i, 'w').write('x')"),
    verdict: 'passed',
    earned: 6,
  },
  {
    name: 'symlinks to host paths',
    code: onFirstCall("os.symlink('/etc/shadow', '/tmp/shadow')\ntry:\n    open('/tmp/shadow').read()\n    raise SystemExit('read /etc/shadow')\nexcept OSError:\n    pass"),
    verdict: 'passed',
    earned: 6,
  },
];

export const HONEST_SOLUTION = honest;
