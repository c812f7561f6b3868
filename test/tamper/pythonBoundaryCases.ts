/**
 * Attacks on the Python runner's boundary by a candidate who has read Assay's source, against the
 * boundary-python fixture (challenges/boundary-python: six 1-point tests that compare with a bare ==
 * and call sorted() and len(), as challenge authors write them). Each pairs an attack with what the
 * code it wraps earns honestly, and the exact verdict the run must get. Without the boundary (the
 * solution imported into pytest's process) every one of them scores more, or ends another way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/repoRoot.js';
import type { BoundaryCase } from './boundarySuite.js';

const FIXTURE = path.join(repoRoot, 'test/tamper/challenges/boundary-python');
/** Wrong everywhere (the starter): earns nothing on its own. */
const WRONG = readFileSync(path.join(FIXTURE, 'starter/solve.py'), 'utf8');
/** The reference: what an attack becomes if it found a way to cheat. */
const RIGHT = readFileSync(path.join(FIXTURE, 'solution/solve.py'), 'utf8');

const EQUAL_TO_EVERYTHING = String.raw`
def __eq__(self, other):
    return True
def __ne__(self, other):
    return False
`;

const indent = (code: string) => code.split('\n').map((l) => `    ${l}`).join('\n');

export const BOUNDARY_CASES: BoundaryCase[] = [
  {
    name: 'returns an always-equal int subclass',
    code: `${WRONG}
class Yes(int):
${indent(EQUAL_TO_EVERYTHING)}
    __hash__ = int.__hash__

def total(xs):
    return Yes(0)

def apply(fn, x):
    return Yes(0)
`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'returns an always-equal list subclass',
    code: `${WRONG}
class Yes(list):
${indent(EQUAL_TO_EVERYTHING)}

def pair(a, b):
    return Yes()
`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'returns an always-equal dict subclass that claims any length',
    code: `${WRONG}
class Yes(dict):
${indent(EQUAL_TO_EVERYTHING)}
    def __len__(self):
        return 3

def counts(text):
    return Yes()
`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'returns an always-equal record',
    code: `${WRONG}
from dataclasses import dataclass

@dataclass(frozen=True, eq=False)
class Yes:
    value: int = 0
${indent(EQUAL_TO_EVERYTHING)}

def pair(a, b):
    return Yes()

def total(xs):
    return Yes()
`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: "rewrites outcomes through pytest's and the harness's objects (gc, sys.modules, frames, a callback's globals)",
    code: `${WRONG}
import gc, sys

def _rig(plugin):
    events = plugin._events
    honest = events.test
    def test(name, status, message, output, duration_ms):
        return honest(name, "pass", None, output, duration_ms)
    events.test = test

def _find(roots):
    found = [o for o in gc.get_objects() if type(o).__name__ == "AssayPlugin"]
    module = sys.modules.get("assay_plugin")
    for frame in sys._current_frames().values():
        while frame is not None:
            found += [v for v in frame.f_locals.values() if type(v).__name__ == "AssayPlugin"]
            frame = frame.f_back
    for root in roots:
        try:
            modules = root.__globals__["sys"].modules
            found += [o for o in root.__globals__["__builtins__"]["__import__"]("gc").get_objects() if type(o).__name__ == "AssayPlugin"]
            module = module or modules.get("assay_plugin")
        except Exception:
            pass
    for plugin in found:
        _rig(plugin)
    return bool(found or module)

_find([])

def apply(fn, x):
    _find([fn])
    return None
`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'reads /proc of every process for a nonce, then writes forged events to every fd it can reach',
    code: String.raw`import gc, glob, os, re
tokens = {getattr(o, "_nonce") for o in gc.get_objects() if type(o).__name__ == "EventWriter"}
for path in glob.glob("/proc/[0-9]*/environ") + glob.glob("/proc/[0-9]*/cmdline") + glob.glob("/proc/[0-9]*/mem"):
    try:
        with open(path, "rb") as f:
            tokens.update(t.decode() for t in re.findall(rb"[0-9a-f]{32,64}", f.read(1 << 20)))
    except OSError:
        pass
tokens.update(["guessed"])
lines = b""
for token in tokens:
    for name in ["test_total", "test_evens", "test_counts", "test_pair", "test_apply", "test_rejects_none"]:
        lines += ('%s {"type": "test", "test": {"name": "test_solve.py::%s", "status": "pass", "message": null, "output": null, "durationMs": 1}}\n' % (token, name)).encode()
    lines += ('%s {"type": "result", "result": {"version": 1, "status": "pass", "message": null, "tests": []}}\n' % token).encode()
for path in glob.glob("/proc/[0-9]*/fd/*") + ["/dev/stdout", "/dev/stderr", "/proc/1/fd/1"]:
    try:
        with open(path, "ab", buffering=0) as out:
            out.write(lines)
    except OSError:
        pass
for fd in range(256):
    try:
        os.write(fd, lines)
    except OSError:
        pass
` + WRONG,
    // Its own connection to the tests carried the forgery too: their import of solve.py fails.
    verdict: 'error',
    honest: 0,
  },
  {
    name: "reads the hidden tests and the tests' scratch files to hard-code answers",
    code: `${WRONG}
import os

def _readable_tests():
    for top in ["/work/tests", "/tmp", "/proc/1/root/work/tests"] + ["/proc/%s/cwd" % p for p in os.listdir("/proc") if p.isdigit()]:
        for parent, _dirs, files in os.walk(top):
            for name in files:
                try:
                    with open(os.path.join(parent, name)) as f:
                        if "def " + "test_total" in f.read():  # split: this file itself must not match
                            return True
                except (OSError, UnicodeDecodeError):
                    pass
    return False

if _readable_tests():
    exec(${JSON.stringify(RIGHT)}, globals())
`,
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'exits 0 in the middle of the run, after four honest answers',
    code: `${RIGHT}
import os

def apply(fn, x):
    os._exit(0)
`,
    // The tests after it fail (the solution's process is gone); the run still ends with its result.
    verdict: 'failed',
    honest: 4,
  },
  {
    name: 'monkeypatches the builtins its caller uses (sorted and len, for callers in the tests only)',
    code: `${WRONG}
import builtins, sys

class Yes(list):
${indent(EQUAL_TO_EVERYTHING)}

class Three(int):
${indent(EQUAL_TO_EVERYTHING)}
    __hash__ = int.__hash__

_sorted, _len = builtins.sorted, builtins.len

def _from_a_test():
    return "/tests/" in sys._getframe(2).f_code.co_filename

def _rigged_sorted(*args, **kwargs):
    return Yes() if _from_a_test() else _sorted(*args, **kwargs)

def _rigged_len(obj):
    return Three(3) if _from_a_test() else _len(obj)

builtins.sorted, builtins.len = _rigged_sorted, _rigged_len
`,
    verdict: 'failed',
    honest: 0,
  },
];
