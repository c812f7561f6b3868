package main

import (
	"math"
	"strings"
)

// report records a test as the contract has it. A name reported twice (a test can print what looks
// like a result line) is recorded again, the later report replacing the earlier, until it is emitted.
func (r *Report) report(t *testRun, crash string) {
	if i, ok := r.reported[t.name]; ok && i < r.emitted {
		return
	}
	test := Test{Name: t.name}
	output := r.rewrite(t.output.String())
	message := ""
	switch {
	case t.panicked.String() != "":
		test.Status = "error"
		message = strings.TrimRight(r.rewrite(t.log.String())+TrimStack(r.rewrite(t.panicked.String()), r.goroot), "\n")
	case t.status == "crash":
		test.Status = "error"
		message = crash + pkgReason(r.pkg.String())
	case t.status == "pass":
		test.Status = "pass"
		// A passing test's log lines (t.Log) are part of what it printed.
		output = r.rewrite(t.printed.String())
	case t.status == "skip":
		// Reported as skipped, its reason being what it logged; as in every runner, it earns nothing.
		test.Status = "skip"
		message = r.rewrite(t.log.String())
		if strings.TrimSpace(message) == "" {
			message = "skipped"
		}
	default:
		test.Status = "fail"
		message = r.rewrite(t.log.String())
	}
	if r.shown(t.name) {
		test.Status, message, output = r.fold(t, test.Status, message, output)
	}
	test.Status, message, output = r.solutionVerdict(t, test.Status, message, output)
	if test.Status == "fail" && strings.TrimSpace(message) == "" {
		message = "the test failed without a message"
	}
	test.Message = optional(strings.TrimRight(message, "\n"))
	test.Output = optional(output)
	if t.elapsed != nil {
		ms := int64(math.Round(*t.elapsed * 1000))
		test.DurationMs = &ms
	}
	if i, ok := r.reported[t.name]; ok {
		r.tests[i] = test
	} else {
		r.reported[t.name] = len(r.tests)
		r.tests = append(r.tests, test)
	}
}

// fold makes a test that is reported whole (its subtests are not: selection.go) take the worst of its
// subtests, their messages and their output.
func (r *Report) fold(t *testRun, status, message, output string) (string, string, string) {
	for _, c := range t.children {
		i, ok := r.reported[c.name]
		if !ok || r.shown(c.name) {
			continue
		}
		child := r.tests[i]
		if child.Status == "error" || child.Status == "fail" {
			if status != "error" {
				status = child.Status
			}
			message += "--- " + child.Name + " (" + child.Status + ")"
			if child.Message != nil {
				message += ":\n" + *child.Message
			}
			message += "\n"
		}
		if child.Output != nil {
			output += *child.Output
		}
	}
	return status, message, output
}

// solutionVerdict: the solution's process crashed while the test ran (an error that names the
// runtime's fatal error), or the race detector reported a race (a failure), and what it printed.
func (r *Report) solutionVerdict(t *testRun, status, message, output string) (string, string, string) {
	if t.solution == nil {
		return status, message, output
	}
	output += t.solution.Output(r.solution.Rewrite)
	if crash := t.solution.Crash(r.solution.Rewrite, r.goroot); crash != "" {
		return "error", "the solution's process crashed while this test ran: " + crash, output
	}
	if race := t.solution.Race(r.solution.Rewrite, r.goroot); race != "" {
		r.raceSeen = true
		if status != "error" {
			status = "fail"
		}
		return status, "the race detector found a data race in the solution while this test ran:\n" + race +
			"\n" + message, output
	}
	return status, message, output
}

// pkgReason is go's own account of the package's end, when it gave one beyond its summary line.
func pkgReason(out string) string {
	if reason := withoutSummary(out); reason != "" {
		return ":\n" + reason
	}
	return ""
}

// withoutSummary drops go's PASS/FAIL/ok summary lines from the package's output.
func withoutSummary(out string) string {
	var kept []string
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if line == "" || line == "PASS" || line == "FAIL" || strings.HasPrefix(line, "FAIL\t") || strings.HasPrefix(line, "ok  \t") {
			continue
		}
		kept = append(kept, line)
	}
	return strings.Join(kept, "\n")
}
