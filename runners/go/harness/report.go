package main

import (
	"encoding/json"
	"strings"
)

// maxTests bounds the tests one run may report: test names are text in the test process's output,
// so a candidate could otherwise make the harness track names without end.
const maxTests = 10000

// testEvent is one event of `go test -json` (cmd/test2json).
type testEvent struct {
	Action  string
	Test    string
	Elapsed *float64
	Output  string
}

// testRun is one test as its events arrive.
type testRun struct {
	name     string
	status   string // "" while running
	elapsed  *float64
	lines    lineClassifier
	log      *capped // t.Log, t.Error…: the failure's message
	output   *capped // the rest of what the test printed
	printed  *capped // both, in the order printed: a passing test's output
	panicked *capped
	children []*testRun
	solution *solutionText // what the solution's process printed while it ran, or nil
	cutTaken bool          // its cut is taken: a later end event of it (one it printed) takes nothing
}

// Report turns test2json's event stream of the tests' process into the contract's tests. A top-level
// test and its subtests are handed to emit together, once the next top-level test starts or the
// process has ended: a result line that a test printed (a value of the solution, printed raw) is
// replaced by the framework's own before anything is emitted, and never outlives a run cut short.
// Everything the tests print arrives as "output" events and is only ever kept as text.
type Report struct {
	emit     func(Test)
	rewrite  func(string) string
	goroot   string
	order    []*testRun
	byName   map[string]*testRun
	pkg      *capped // output not attributed to any test: a panic in init, go's summary line
	finished string  // the package's own action: pass, fail or skip; "" if go never said
	summary  string  // the test process's last line, PASS or FAIL, once it printed one
	reported map[string]int
	tests    []Test
	emitted  int // r.tests[:emitted] are emitted, final
	// expected are the declared top-level tests in the order go runs them (nil: any test is admitted);
	// next is the one to start next; started holds the tests whose start was admitted, and whether
	// each top-level one may be followed by the next (it finished, or paused: t.Parallel).
	expected []string
	next     int
	started  map[string]bool
	// listed are the tests the manifest scores, and every test above one of them (selection.go).
	listed, above map[string]bool
	shownTests    []Test
	solution      SolutionSide
	// afterLast is what the solution printed once no test was left to take it: a race or a crash there is the run's.
	afterLast *solutionText
	// raceExit: the race detector's exit status says it found a race; raceSeen: a test's report showed one.
	raceExit, raceSeen bool
}

// SolutionSide is how the report reads what the solution's process printed (SolutionOutput.Take),
// and names its files as the candidate knows them.
type SolutionSide struct {
	Take    func(topLevel bool) (*solutionText, bool)
	Rewrite func(string) string
}

func NewReport(emit func(Test), rewrite func(string) string, goroot string) *Report {
	return &Report{emit: emit, rewrite: rewrite, goroot: goroot, byName: map[string]*testRun{},
		pkg: newCapped(4 * LimitBytes), reported: map[string]int{}}
}

// Solution has each test take what the solution's process printed while it ran.
func (r *Report) Solution(side SolutionSide) { r.solution = side }

func (r *Report) take(topLevel bool) (*solutionText, bool) {
	if r.solution.Take == nil {
		return nil, false
	}
	return r.solution.Take(topLevel)
}

// Line takes one line of go test's stdout; a line that is not an event is ignored.
func (r *Report) Line(line []byte) {
	var e testEvent
	if json.Unmarshal(line, &e) != nil {
		return
	}
	if e.Test == "" {
		switch e.Action {
		case "output":
			r.pkg.WriteString(e.Output)
			if (e.Output == "PASS\n" || e.Output == "FAIL\n") && r.summary == "" {
				r.summary = strings.ToLower(strings.TrimSpace(e.Output))
			}
		case "pass", "fail", "skip":
			r.finished = e.Action
		}
		return
	}
	if !r.admit(e) {
		return
	}
	if e.Action == "run" && !strings.Contains(e.Test, "/") {
		r.flush()
	}
	t := r.test(e.Test)
	if t == nil {
		return
	}
	switch e.Action {
	case "output":
		t.add(e.Output)
	case "pass", "fail", "skip":
		t.status, t.elapsed = e.Action, e.Elapsed
		// Each top-level test takes one cut, its own, at most: the cuts stay in step with the tests
		// even when a test printed a result line of its own.
		if top := !strings.Contains(t.name, "/"); !(top && t.cutTaken) {
			text, cut := r.take(top)
			t.cutTaken = cut
			t.takeSolution(text)
		}
		r.report(t, "")
	}
}

func (t *testRun) takeSolution(text *solutionText) {
	if t.solution == nil {
		t.solution = text
	} else if text != nil {
		t.solution.Append(text)
	}
}

// Expect tells the report which top-level tests the test files declare, in the order go runs them.
// From then on an event is admitted only for a test whose start was: a top-level test starts only as
// the next declared one, once the one before it has finished or paused. So a result line that a test
// prints (a value of the solution, printed raw) cannot start, or report, a test that is not running.
func (r *Report) Expect(names []string) {
	r.expected, r.started = names, map[string]bool{}
}

func (r *Report) admit(e testEvent) bool {
	if r.expected == nil {
		return true
	}
	slash := strings.LastIndexByte(e.Test, '/')
	switch {
	case e.Action == "run" && slash >= 0:
		_, parent := r.started[e.Test[:slash]]
		if parent {
			r.started[e.Test] = false
		}
		return parent
	case e.Action == "run":
		if r.next >= len(r.expected) || r.expected[r.next] != e.Test || (r.next > 0 && !r.started[r.expected[r.next-1]]) {
			return false
		}
		r.next++
		r.started[e.Test] = false
		return true
	}
	if _, ok := r.started[e.Test]; !ok {
		return false
	}
	switch e.Action {
	case "pass", "fail", "skip", "pause":
		r.started[e.Test] = true
	case "cont":
		r.started[e.Test] = false
	}
	return true
}

func (r *Report) test(name string) *testRun {
	if t, ok := r.byName[name]; ok {
		return t
	}
	if len(r.order) >= maxTests {
		return nil
	}
	t := &testRun{name: name, log: newCapped(LimitBytes), output: newCapped(LimitBytes), printed: newCapped(LimitBytes),
		panicked: newCapped(4 * LimitBytes)}
	r.byName[name] = t
	r.order = append(r.order, t)
	if i := strings.LastIndexByte(name, '/'); i > 0 {
		if parent, ok := r.byName[name[:i]]; ok {
			parent.children = append(parent.children, t)
		}
	}
	return t
}

func (t *testRun) add(text string) {
	for _, line := range strings.SplitAfter(text, "\n") {
		if line == "" {
			continue
		}
		switch t.lines.classify(line) {
		case lineLog:
			t.log.WriteString(line)
			t.printed.WriteString(line)
		case linePanic:
			t.panicked.WriteString(line)
		case lineOutput:
			t.output.WriteString(line)
			t.printed.WriteString(line)
		}
	}
}

// Finish reports the tests that never finished: the test process died while they ran (a panic in a
// goroutine, os.Exit) and `crash` says how, as far as go said.
func (r *Report) Finish() {
	rest, _ := r.take(true)
	for _, t := range r.order {
		if t.status == "" {
			t.status = "crash"
			t.takeSolution(rest)
			rest = nil
			r.report(t, "the test process stopped while this test was running")
		}
	}
	r.afterLast = rest
	r.flush()
}

// flush emits the tests reported since the last flush that the manifest's choice shows: from now on,
// their results are final.
func (r *Report) flush() {
	for _, t := range r.tests[r.emitted:] {
		if r.shown(t.Name) {
			r.shownTests = append(r.shownTests, t)
			r.emit(t)
		}
	}
	r.emitted = len(r.tests)
}

// Tests are the emitted tests, in the order they finished.
func (r *Report) Tests() []Test { return r.shownTests }

// RaceExit says whether the solution's process, built -race, ended with the race detector's status.
func (r *Report) RaceExit(found bool) { r.raceExit = found }

// RunProblem is a data race or a crash of the solution's process that no test was left to take, or "".
func (r *Report) RunProblem() string {
	if r.afterLast != nil {
		if crash := r.afterLast.Crash(r.solution.Rewrite, r.goroot); crash != "" {
			return "the solution's process crashed after the last test: " + crash
		}
		if race := r.afterLast.Race(r.solution.Rewrite, r.goroot); race != "" {
			return "the race detector found a data race in the solution after the last test:\n" + race
		}
	}
	if r.raceExit && !r.raceSeen {
		return "the race detector found a data race in the solution, but its report never reached the run: " +
			"the solution's process closed or redirected its stderr"
	}
	return ""
}

// NotRun are the tests of names that never started.
func (r *Report) NotRun(names []string) []string {
	var out []string
	for _, name := range names {
		if _, ok := r.byName[name]; !ok {
			out = append(out, name)
		}
	}
	return out
}

// Ran tells whether any test started.
func (r *Report) Ran() bool { return len(r.order) > 0 }

// Finished is the package's action (pass, fail, skip), or "" when go never reported one. When go was
// stopped after the test process's summary line, that line stands for it.
func (r *Report) Finished() string {
	if r.finished == "" {
		return r.summary
	}
	return r.finished
}

// PackageOutput is what the test process printed outside any test, without go's summary lines.
func (r *Report) PackageOutput() string { return r.rewrite(withoutSummary(r.pkg.String())) }
