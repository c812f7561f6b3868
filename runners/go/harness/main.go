// The go runner's harness (docs/runner-contract.md, docs/sandbox.md "The Go boundary"), started as
// root: it generates both sides of the boundary from /work/solution, builds the solution's process as
// the candidate user and the tests' binary as the tester user, runs them joined by one socket, and
// reports each test as the test framework, in the tests' process, reports it finished.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
)

const (
	workDir = "/work"
	tmpDir  = "/tmp"
	// prSetDumpable is prctl's PR_SET_DUMPABLE.
	prSetDumpable = 4
)

func main() {
	// Neither the solution nor the tests run as root; non-dumpable keeps this process's memory and
	// descriptors (the nonce, stdout) closed under /proc all the same.
	syscall.RawSyscall(syscall.SYS_PRCTL, prSetDumpable, 0, 0)
	nonce, err := receiveSubmission()
	if err != nil {
		fmt.Fprintln(os.Stderr, "assay: could not receive the submission:", err)
		os.Exit(1)
	}
	events := NewEventWriter(os.Stdout, nonce)
	result := run(events)
	if err := events.Result(result); err != nil {
		fmt.Fprintln(os.Stderr, "assay: could not write the result:", err)
		os.Exit(1)
	}
}

// run never panics: whatever happens, the worker gets a result document.
func run(events *EventWriter) (result Result) {
	defer func() {
		if v := recover(); v != nil {
			result = errorResult("load", fmt.Sprintf("the go runner failed: %v", v))
		}
	}()
	if os.Getuid() != 0 {
		return errorResult("load", fmt.Sprintf("the go runner must start as root (its image's assay.sandbox.user label), to run the solution and the tests as two users; it started as uid %d", os.Getuid()))
	}
	boundary, ended, err := Prepare()
	if err != nil {
		return errorResult("load", "the go runner could not lay out the run: "+err.Error())
	}
	if ended == nil {
		ended = boundary.Build()
	}
	if ended != nil {
		return *ended
	}
	report := NewReport(func(t Test) { events.Test(t) }, NewPathRewriter(boundary.tests).Rewrite, runtime.GOROOT())
	report.Expect(boundary.TestNames)
	report.Score(boundary.Options.Tests)
	if ended, err = boundary.Run(report); err != nil {
		return errorResult("load", "the go runner could not run the tests: "+err.Error())
	}
	if ended != nil {
		return *ended
	}
	report.Finish()
	return Outcome(report, boundary.TestNames)
}

// Outcome decides the result document once the tests' process has ended; declared are the top-level
// tests the test files declare: one that never ran means the tests' process ended early.
func Outcome(report *Report, declared []string) Result {
	switch {
	case !report.Ran() && report.Finished() != "pass":
		// The tests' process failed before any test: a panic in a package initialiser (the stand-in's
		// reads the solution's variables, so the solution's process failing can end it too).
		message := "the tests could not start:\n" + TrimStack(report.PackageOutput(), runtime.GOROOT())
		return Result{Version: 1, Status: "error", Message: optional(strings.TrimRight(message, "\n")),
			ErrorKind: kind("load"), Tests: report.Tests()}
	case !report.Ran():
		return errorResult("load", "no tests were found (a test is a func TestXxx(t *testing.T) in a _test.go file)")
	}
	status := "pass"
	if report.Finished() != "pass" {
		status = "fail"
	}
	for _, t := range report.Tests() {
		if t.Status != "pass" {
			status = "fail"
		}
	}
	if problem := report.RunProblem(); problem != "" {
		return Result{Version: 1, Status: "error", Message: optional(problem), Tests: report.Tests()}
	}
	if notRun := report.NotRun(declared); len(notRun) > 0 {
		// A panic ends the tests' process (as in any go test run), and with it the tests after it.
		message := fmt.Sprintf("the tests' process ended before %s ran: a panic in a test, or the solution's process ending, stops every test after it",
			strings.Join(notRun, ", "))
		return Result{Version: 1, Status: "error", Message: optional(message), Tests: report.Tests()}
	}
	return Result{Version: 1, Status: status, Tests: report.Tests()}
}

// CompileMessage keeps the compiler's diagnostics and drops go's framing around them.
func CompileMessage(stderr string) string {
	var kept []string
	for _, line := range strings.Split(strings.TrimRight(stderr, "\n"), "\n") {
		if strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "FAIL\t") {
			continue
		}
		kept = append(kept, line)
	}
	message := strings.Join(kept, "\n")
	if strings.Contains(message, "no required module provides package") {
		message += "\n(only Go's standard library is available)"
	}
	if message == "" {
		message = "the build failed"
	}
	return message
}

func errorResult(errorKind, message string) Result {
	return Result{Version: 1, Status: "error", Message: optional(message), ErrorKind: kind(errorKind)}
}

func kind(k string) *string { return &k }

// receiveSubmission unpacks the submission from stdin into /work (sandboxes/base/receive) and
// returns the nonce, which so reaches this process through a pipe and never its environment.
func receiveSubmission() (string, error) {
	cmd := exec.Command("/opt/assay/receive")
	cmd.Stdin = os.Stdin
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	return strings.TrimSpace(string(out)), err
}
