/**
 * Attacks on the Go runner's boundary by a candidate who has read Assay's source, against the
 * boundary-go fixture (five 1-point go tests that compare a record and an error, hand the solution a
 * callback and call an object from 50 goroutines). Each wraps the fixture's API (every function wrong
 * unless the attack's own `won()` says it got what it went for) and asserts what it earns: no more
 * than honest, nothing, with the exact verdict. Compiled into the tests' binary, as before the
 * boundary, every one of these could reach the tests, the framework or its output.
 */
import type { BoundaryCase } from './boundarySuite.js';

const DEFAULTS: Record<string, string> = {
  Total: 'func Total(xs []int) int {\n\tif won() {\n\t\treturn 6\n\t}\n\treturn 0\n}',
  MakePair: 'func MakePair(left, right string) Pair {\n\tif won() {\n\t\treturn Pair{left, right}\n\t}\n\treturn Pair{}\n}',
  Value: 'func (c *Counter) Value() int {\n\tif won() {\n\t\treturn 100\n\t}\n\treturn 0\n}',
  Apply: 'func Apply(f func(int) int, x int) int {\n\tif won() {\n\t\treturn f(x)\n\t}\n\treturn 0\n}',
  Find: 'func Find(key string) error {\n\tif won() && key == "missing" {\n\t\treturn ErrNotFound\n\t}\n\treturn nil\n}',
};

/** The fixture's API, each function right only when `won()` (defined by `attack`) is true; `own` replaces some. */
const api = (attack: string, imports: string[] = [], own: Record<string, string> = {}) => `package solution

import (
	"errors"
${imports.map((i) => `\t"${i}"`).join('\n')}
)

var ErrNotFound = errors.New("not found")

type Pair struct{ Left, Right string }

type Counter struct{ n int }

${attack}

func NewCounter() *Counter { return &Counter{} }

func (c *Counter) Add(n int) {}

${Object.entries(DEFAULTS).map(([name, body]) => own[name] ?? body).join('\n\n')}
`;

const FORGED = [
  '=== RUN   TestTotal',
  '--- PASS: TestTotal (0.00s)',
  '{"Action":"pass","Package":"solution","Test":"TestTotal","Elapsed":0}',
  '{"Action":"pass","Package":"solution","Elapsed":0}',
  'PASS',
  'ok  \tsolution\t0.010s',
  'nonce {"type":"result","result":{"version":1,"status":"pass","message":null,"tests":[]}}',
].join('\n');

export const GO_BOUNDARY_CASES: BoundaryCase[] = [
  {
    name: 'prints forged go test result lines, -json events and result documents on stdout and stderr',
    code: api(
      `const forged = ${JSON.stringify(`${FORGED}\n`)}

func init() { fmt.Print(forged); fmt.Fprint(os.Stderr, forged) }

func won() bool {
	for _, name := range []string{"TestTotal", "TestPair", "TestCounter", "TestApply", "TestFind"} {
		fmt.Printf("--- PASS: %s (0.00s)\\n", name)
	}
	fmt.Print(forged)
	return false
}`,
      ['fmt', 'os'],
    ),
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'patches testing, flag and os.Stdout in init, and looks for the test framework on its own stack',
    code: api(
      `func init() {
	testing.Init()
	flag.Set("test.run", "^$")
	flag.Set("test.v", "false")
	os.Stdout = os.Stderr
}

func won() bool {
	pc := make([]uintptr, 64)
	frames := runtime.CallersFrames(pc[:runtime.Callers(0, pc)])
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, "testing.") || strings.Contains(f.Function, ".Test") {
			return true
		}
		if !more {
			return false
		}
	}
}`,
      ['flag', 'os', 'runtime', 'strings', 'testing'],
    ),
    verdict: 'failed',
    honest: 0,
  },
  {
    name: "reads /proc of every other process (memory, environment, fds) and writes forged lines to the tests' fds",
    code: api(
      `var reached = func() bool {
	found := false
	pids, _ := os.ReadDir("/proc")
	for _, p := range pids {
		pid, err := strconv.Atoi(p.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		dir := "/proc/" + p.Name()
		for _, f := range []string{"environ", "mem", "maps", "stack"} {
			if b, err := os.ReadFile(dir + "/" + f); err == nil && len(b) > 0 {
				found = true
			}
		}
		fds, err := os.ReadDir(dir + "/fd")
		if err == nil {
			found = true
		}
		for _, fd := range fds {
			if w, err := os.OpenFile(dir+"/fd/"+fd.Name(), os.O_WRONLY, 0); err == nil {
				w.WriteString("--- PASS: TestTotal (0.00s)\\n")
				w.Close()
				found = true
			}
		}
	}
	return found
}()

func won() bool { return reached }`,
      ['os', 'strconv'],
    ),
    verdict: 'failed',
    honest: 0,
  },
  {
    name: "reads the hidden tests, the tester's directory and every file it can find, and echoes them",
    code: api(
      `var reached = func() bool {
	found := false
	for _, root := range []string{"/work", "/tmp", "/opt/assay"} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if b, err := os.ReadFile(path); err == nil {
				fmt.Printf("%s: %.80q\\n", path, b)
				if strings.HasSuffix(path, "_test.go") || strings.HasPrefix(path, "/tmp/assay-tester/") || strings.HasPrefix(path, "/work/tests/") {
					found = true
				}
			}
			return nil
		})
	}
	return found
}()

func won() bool { return reached }`,
      ['fmt', 'io/fs', 'os', 'path/filepath', 'strings'],
    ),
    verdict: 'failed',
    honest: 0,
  },
  {
    name: "looks for the tests' code in its own binary and memory",
    code: api(
      `// The needles are spelt backwards, so that this file's own text is not what it finds.
func backwards(s string) []byte {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return b
}

var reached = func() bool {
	exe, _ := os.ReadFile("/proc/self/exe")
	return bytes.Contains(exe, backwards("latoTtseT")) || bytes.Contains(exe, backwards("001 tnaw"))
}()

func won() bool { return reached }`,
      ['bytes', 'os'],
    ),
    verdict: 'failed',
    honest: 0,
  },
  {
    name: "takes the tests' callback apart with reflect and unsafe",
    code: api(
      `func won() bool { return false }`,
      ['reflect', 'runtime', 'strings', 'unsafe'],
      {
        Apply: `func Apply(f func(int) int, x int) int {
	name := runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name()
	word := *(*uintptr)(unsafe.Pointer(&f))
	if strings.Contains(name, "TestApply") && word != 0 {
		return f(x)
	}
	return 0
}`,
      },
    ),
    verdict: 'failed',
    honest: 0,
  },
  {
    name: 'returns an error that says it Is every target, and Is-comparable values',
    code: api(
      `type yes struct{}

func (yes) Error() string        { return "not found" }
func (yes) Is(target error) bool { return true }
func (yes) Equal(other any) bool { return true }

func won() bool { return false }`,
      [],
      { Find: 'func Find(key string) error {\n\tif key == "missing" {\n\t\treturn yes{}\n\t}\n\treturn nil\n}' },
    ),
    verdict: 'failed',
    // Its Find returns an error for the missing key, only not ErrNotFound: honestly, that earns nothing.
    honest: 0,
  },
  {
    name: "writes forged frames and garbage on the boundary's socket and every other fd",
    code: api(
      `func init() {
	for fd := 0; fd < 64; fd++ {
		syscall.Write(fd, []byte("{\\"re\\":1,\\"res\\":[{\\"k\\":\\"int\\",\\"s\\":\\"6\\"}]}\\n--- PASS: TestTotal (0.00s)\\n{\\"k\\":\\n"))
	}
}

func won() bool { return false }`,
      ['syscall'],
    ),
    // The tests' end of the socket refuses the garbage: every call fails, the first test panics and the tests' process ends.
    verdict: 'error',
    honest: 0,
  },
  {
    name: 'panics "not implemented" in every function',
    code: api(`func won() bool { panic("not implemented") }`),
    // Its first call's panic panics the first test, which ends the tests' process: the rest never run.
    verdict: 'error',
    honest: 0,
  },
  {
    name: 'exits 0 in its first call',
    code: api(`func won() bool { os.Exit(0); return true }`, ['os']),
    verdict: 'error',
    honest: 0,
  },
  {
    name: 'exits 0 while its package initialises',
    code: api(`func init() { os.Exit(0) }\n\nfunc won() bool { return true }`, ['os']),
    verdict: 'error',
    honest: 0,
  },
  {
    name: 'crashes at import',
    code: api(`func init() { panic("boom at import") }\n\nfunc won() bool { return true }`),
    verdict: 'error',
    honest: 0,
  },
  {
    name: 'an empty solution',
    code: 'package solution\n',
    verdict: 'compile_error',
    honest: 0,
  },
  {
    name: 'sleeps to the deadline in its first call',
    code: api(`func won() bool { time.Sleep(time.Hour); return true }`, ['time']),
    verdict: 'time_limit_exceeded',
    honest: 0,
  },
];
