package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Where each user's run lives: a home, temporary directory and Go cache of its own, 0700.
const (
	candidateHome = tmpDir + "/assay-candidate"
	testerHome    = tmpDir + "/assay-tester"
)

// Boundary is a run laid out: the solution's module (its package and the generated server) for the
// candidate user, the tests' module (the stand-in package and the hidden tests) for the tester user.
type Boundary struct {
	server *Module
	tests  *Module
	// TestNames are the top-level tests the hidden test files declare.
	TestNames []string
	Options   RunOptions
}

// Prepare reads /work as root, generates both sides of the boundary and hands each module, and each
// folder of /work, to its user. A Result is returned when the run ends here (a compile error…).
func Prepare() (*Boundary, *Result, error) {
	options, err := readRunOptions(filepath.Join(workDir, "run.json"))
	if err != nil {
		return nil, nil, err
	}
	solution, err := readSources(filepath.Join(workDir, "solution"), func(name string) bool { return !isTestFile(name) })
	if err != nil {
		return nil, nil, err
	}
	tests, err := readSources(filepath.Join(workDir, "tests"), isTestFile)
	if err != nil {
		return nil, nil, err
	}
	if len(tests) == 0 {
		return nil, ended(errorResult("load", "no tests were found (tests are the _test.go files of tests/)")), nil
	}
	if len(solution) == 0 {
		return nil, ended(errorResult("compile", "the solution has no .go files")), nil
	}
	sol, err := CheckSolution(prefixed(solution, "solution/"))
	if err != nil {
		return generationFailed(err, "")
	}
	standIn, err := sol.StandIn()
	if err != nil {
		return generationFailed(err, "")
	}
	funcs, targs, names, err := sol.Instances(standIn, prefixed(tests, "tests/"))
	if err != nil {
		return generationFailed(err, "the tests do not compile against the solution's exported API (its exported names and signatures; the tests use no other):\n")
	}
	server, err := sol.Server(funcs, targs)
	if err != nil {
		return generationFailed(err, "")
	}
	b := &Boundary{
		server:    &Module{Dir: candidateHome + "/mod", Origins: origins(solution, "solution")},
		tests:     &Module{Dir: testerHome + "/mod", Origins: origins(tests, "tests")},
		TestNames: names,
		Options:   options,
	}
	if err := writeModule(b.server.Dir, withFile(solution, "assayserver/main.go", server)); err != nil {
		return nil, nil, err
	}
	testFiles := withFile(withFile(tests, "assay_standin.go", standIn), "assay_tester.go", []byte(fmt.Sprintf(testerInit, sol.pkg.Name())))
	testFiles = withFile(testFiles, "assay_main_test.go", []byte(fmt.Sprintf(testerMain, sol.pkg.Name())))
	if err := writeModule(b.tests.Dir, testFiles); err != nil {
		return nil, nil, err
	}
	if err := copyTree(filepath.Join(workDir, "tests", "testdata"), filepath.Join(b.tests.Dir, "testdata")); err != nil {
		return nil, nil, err
	}
	for _, g := range []struct {
		tree string
		uid  int
	}{{candidateHome, candidateUID}, {testerHome, testerUID}, {workDir + "/solution", candidateUID}, {workDir + "/tests", testerUID}} {
		if err := give(g.tree, g.uid); err != nil {
			return nil, nil, err
		}
	}
	return b, nil, nil
}

func ended(r Result) *Result { return &r }

func prefixed(files Sources, prefix string) map[string][]byte {
	out := map[string][]byte{}
	for name, src := range files {
		out[prefix+name] = src
	}
	return out
}

var position = regexp.MustCompile(`(?m)^tests/[^:\s]+:\d+:\d+: `)

// generationFailed: type errors of the solution are a compile error in its own words; type errors of
// the tests against its API are one too, without the tests' positions; the rest is the runner's limit.
func generationFailed(err error, testsHeader string) (*Boundary, *Result, error) {
	switch err := err.(type) {
	case TypeErrors:
		message := err.Error()
		if testsHeader != "" {
			message = testsHeader + position.ReplaceAllString(message, "")
		}
		return nil, ended(errorResult("compile", message)), nil
	case Unsupported:
		return nil, ended(errorResult("load", err.Error())), nil
	}
	return nil, nil, err
}

// Build compiles both sides at once, each as its own user. The solution's build quotes only the
// solution's own files; the tests' build, which could quote the hidden tests, is never shown. Both
// link without DWARF (-s -w), which halves the links; panics still name files and lines.
func (b *Boundary) Build() *Result {
	var wg sync.WaitGroup
	var serverOut, testsOut string
	var serverErr, testsErr error
	build := []string{"build", linkFlags, "-o", candidateHome + "/server"}
	if b.Options.Race {
		// The candidate's code runs in this process, so it is the one the race detector watches.
		build = append(build, "-race")
	}
	wg.Add(2)
	go func() {
		defer wg.Done()
		serverOut, serverErr = goAs(candidateUID, b.server.Dir, candidateHome, append(build, "./assayserver")...)
	}()
	go func() {
		defer wg.Done()
		testsOut, testsErr = goAs(testerUID, b.tests.Dir, testerHome, "test", "-c", "-vet=off", linkFlags, "-o", testerHome+"/tests.test", ".")
	}()
	wg.Wait()
	if serverErr != nil {
		return ended(Result{Version: 1, Status: "error", ErrorKind: kind("compile"),
			Message: optional(CompileMessage(NewPathRewriter(b.server).Rewrite(serverOut)))})
	}
	if testsErr != nil {
		_ = testsOut // the hidden tests' compiler output: for no one's eyes
		return ended(errorResult("load", "the tests could not be built against the solution's package"))
	}
	return nil
}

const linkFlags = "-ldflags=-s -w"

func goAs(uid uint32, dir, home string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = goEnv(home)
	cmd.SysProcAttr = asUser(uid)
	out := newCapped(16 * LimitBytes)
	cmd.Stdout, cmd.Stderr = out, out
	err := cmd.Run()
	return out.String(), err
}

// Run starts the solution's process, waits until its package has initialised, then runs the tests'
// binary against it, handing each line of test2json's events to line.
func (b *Boundary) Run(report *Report) (*Result, error) {
	pair, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	serverEnd, testsEnd := os.NewFile(uintptr(pair[0]), "boundary"), os.NewFile(uintptr(pair[1]), "boundary")
	readyR, readyW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	server := exec.Command(candidateHome + "/server")
	server.Dir = candidateHome
	server.Env = userEnv(candidateHome)
	server.SysProcAttr = asUser(candidateUID)
	server.ExtraFiles = []*os.File{serverEnd, readyW}
	// What the solution prints is the candidate's output: the run's log, and each test's output,
	// never an event.
	output, outputW, err := NewSolutionOutput(os.Stderr)
	if err != nil {
		return nil, err
	}
	server.Stdout, server.Stderr = outputW, outputW
	// Never waited for: a process the solution started may hold the pipe open past the run.
	go output.Run()
	err = server.Start()
	outputW.Close()
	if err != nil {
		return nil, err
	}
	serverEnd.Close()
	readyW.Close()
	exited := make(chan struct{})
	go func() { server.Wait(); close(exited) }()
	rewrite := NewPathRewriter(b.server).Rewrite
	if !awaitReady(readyR, exited) {
		printed, _ := output.Take(true)
		why := printed.Crash(rewrite, runtime.GOROOT())
		if why == "" {
			why = TrimStack(printed.Output(rewrite), runtime.GOROOT())
		}
		return ended(errorResult("load", strings.TrimRight("the solution's package could not start:\n"+why, "\n"))), nil
	}
	report.Solution(SolutionSide{Take: output.Take, Rewrite: rewrite})
	cuts, err := serveCuts(output)
	if err != nil {
		return nil, err
	}
	err = runTests([]*os.File{testsEnd, cuts}, b.tests.Dir, report)
	testsEnd.Close()
	cuts.Close()
	if b.Options.Race {
		// The server ends once the tests' end closed the boundary; the race detector's runtime then
		// makes its exit status say whether it found a race, whatever became of its reports.
		select {
		case <-exited:
			report.RaceExit(server.ProcessState.ExitCode() == raceExitCode)
		case <-time.After(readyGrace):
		}
	}
	return nil, err
}

// raceExitCode is the race detector's exit status (GORACE's default exitcode) once it found a race.
const raceExitCode = 66

// serveCuts answers the tests' process's cuts (testerMain) and returns the end the process gets, fd 4.
func serveCuts(output *SolutionOutput) (*os.File, error) {
	pair, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	ours := os.NewFile(uintptr(pair[0]), "cuts")
	go func() {
		defer ours.Close()
		var b [1]byte
		for {
			if _, err := ours.Read(b[:]); err != nil {
				return
			}
			output.Cut()
			if _, err := ours.Write(b[:]); err != nil {
				return
			}
		}
	}()
	return os.NewFile(uintptr(pair[1]), "cuts"), nil
}

// readyGrace is how long the harness waits for the solution's process to exit once its ready pipe
// closed without the word: its own code may have closed the pipe, and then it is still serving.
const readyGrace = time.Second

// awaitReady waits for the solution's process to say "ready" (its package initialised: a line of its
// own, among any its code wrote there first) and tells whether it is still running.
func awaitReady(pipe *os.File, exited <-chan struct{}) bool {
	said := make(chan bool, 1)
	go func() {
		defer pipe.Close()
		lines := bufio.NewScanner(pipe)
		for lines.Scan() {
			if lines.Text() == "ready" {
				said <- true
				return
			}
		}
		said <- false
	}()
	if <-said {
		return true
	}
	select {
	case <-exited:
		return false
	case <-time.After(readyGrace):
		return true
	}
}

// runTests runs the tests' binary as the tester, files its fds from 3 on, its output (the test framework's, and only the
// tests') through test2json, each event to report.
func runTests(files []*os.File, dir string, report *Report) error {
	tests := exec.Command(testerHome+"/tests.test", "-test.v=true", "-test.paniconexit0", "-test.count=1")
	tests.Dir = dir
	tests.Env = userEnv(testerHome)
	tests.SysProcAttr = asUser(testerUID)
	tests.ExtraFiles = files
	toJSON := exec.Command(filepath.Join(runtime.GOROOT(), "pkg/tool", runtime.GOOS+"_"+runtime.GOARCH, "test2json"), "-t", "-p", ModuleName)
	toJSON.Env = []string{"PATH=/usr/bin:/bin"}
	pipe, err := toJSON.StdinPipe()
	if err != nil {
		return err
	}
	tests.Stdout, tests.Stderr = pipe, pipe
	events, err := toJSON.StdoutPipe()
	if err != nil {
		return err
	}
	if err := toJSON.Start(); err != nil {
		return err
	}
	if err := tests.Start(); err != nil {
		return err
	}
	read := make(chan struct{})
	go func() { readLines(events, report.Line); close(read) }()
	tests.Wait()
	pipe.Close()
	<-read
	return toJSON.Wait()
}

// userEnv is the whole environment of a run's process: nothing of the harness's.
func userEnv(home string) []string {
	return []string{"PATH=/usr/bin:/bin", "HOME=" + home, "TMPDIR=" + home, "LANG=C.UTF-8"}
}
