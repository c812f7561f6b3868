// The go runner's harness (docs/runner-contract.md): assembles one module from /work/solution and
// /work/tests, runs `go test -json` on it, and reports each test as go reports it finished.
package main

import (
	"fmt"
	"os/exec"
	"os"
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
	// The test process runs as the same user: without this it could read the nonce from this
	// process's memory, or write to /proc/<harness>/fd/1. Non-dumpable makes both root's.
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
	module, err := AssembleModule(workDir, tmpDir)
	if err != nil {
		return errorResult("load", "the go runner could not assemble the module: "+err.Error())
	}
	if !module.HasTests() {
		return errorResult("load", "no tests were found (tests are the _test.go files of tests/)")
	}
	paths := NewPathRewriter(module)
	report := NewReport(func(t Test) { events.Test(t) }, paths.Rewrite, runtime.GOROOT())
	goTest, err := RunGoTest(module.Dir, tmpDir, report.Line, report.Ended())
	if err != nil {
		return errorResult("load", "the go runner could not run go test: "+err.Error())
	}
	report.Finish()
	return Outcome(report, goTest, paths.Rewrite)
}

// Outcome decides the result document once go test has ended.
func Outcome(report *Report, goTest GoTestRun, rewrite func(string) string) Result {
	switch {
	case report.Finished() == "" && goTest.Failed:
		// go reports a failed build (or a package it cannot load) only on stderr, as text.
		return Result{Version: 1, Status: "error", Message: optional(CompileMessage(rewrite(goTest.Stderr))),
			ErrorKind: kind("compile"), Tests: report.Tests()}
	case !report.Ran() && report.Finished() == "fail":
		// The test process failed before any test: a panic in an init function, most often.
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
