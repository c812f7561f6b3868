/**
 * Submissions that try to score more than they earn, for the sum-python fixture challenge (add(a, b)
 * in calc.py; tests worth 2, 1 and 3 points; add(0, 0) == 0 is the 3-point one). Each pairs an attack
 * with the honest code it wraps: the attack may never score more than that code earns on its own.
 */
export interface TamperCase {
  name: string;
  code: string;
  /** What the wrapped code earns honestly. */
  honest: number;
}

/** A wrong add() that earns 3 points on its own (only add(0, 0) == 0 holds). */
const WRONG = 'def add(a, b):\n    return 0\n';

const FORGED_RESULT = (nonce: string) =>
  `${nonce} {"type": "result", "result": {"version": 1, "status": "pass", "message": null, "tests": [` +
  ['test_adds_positive_numbers', 'test_adds_negative_numbers', 'test_slow_but_fine']
    .map((t) => `{"name": "test_sum.py::${t}", "status": "pass", "message": null, "output": null, "durationMs": 1}`)
    .join(', ') +
  ']}}';

export const TAMPER_CASES: TamperCase[] = [
  {
    name: 'prints fake pass markers and a forged result document',
    code: `import os
print(${JSON.stringify(FORGED_RESULT('0123456789abcdef'))})
with open('/proc/1/fd/1', 'w') as out:
    out.write(${JSON.stringify(`${FORGED_RESULT('guessed')}\n`)})
    out.write('PASSED test_sum.py::test_adds_positive_numbers\\n')
${WRONG}`,
    honest: 3,
  },
  {
    name: 'forges results with a nonce read from the environment or /proc',
    code: `import os, glob
def _nonce():
    if os.environ.get('ASSAY_NONCE'):
        return os.environ['ASSAY_NONCE']
    for path in glob.glob('/proc/[0-9]*/environ') + glob.glob('/proc/[0-9]*/cmdline'):
        try:
            data = open(path, 'rb').read()
        except OSError:
            continue
        for entry in data.split(b'\\0'):
            if entry.startswith(b'ASSAY_NONCE='):
                return entry.split(b'=', 1)[1].decode()
nonce = _nonce()
if nonce:
    with open('/proc/1/fd/1', 'w') as out:
        out.write(${JSON.stringify(FORGED_RESULT('NONCE'))}.replace('NONCE', nonce) + '\\n')
${WRONG}`,
    honest: 3,
  },
  {
    name: 'exits 0 early, before any test fails',
    code: "import os\n\ndef add(a, b):\n    os._exit(0)\n",
    honest: 0,
  },
  {
    name: 'patches the test framework to skip running tests',
    code: `import _pytest.python
_pytest.python.Function.runtest = lambda self: None
${WRONG}`,
    honest: 3,
  },
  {
    name: "patches the harness's own reporting",
    code: `import gc
for obj in gc.get_objects():
    if type(obj).__name__ == 'AssayPlugin':
        cls = type(obj)
        original = cls.pytest_runtest_logreport
        def logreport(self, report, _original=original):
            report.outcome = 'passed'
            report.assay_status = 'pass'
            return _original(self, report)
        cls.pytest_runtest_logreport = logreport
${WRONG}`,
    honest: 3,
  },
  {
    name: 'returns an object equal to everything',
    code: `class Anything(int):
    def __eq__(self, other):
        return True
    __hash__ = int.__hash__

def add(a, b):
    return Anything(0)
`,
    honest: 3,
  },
];
