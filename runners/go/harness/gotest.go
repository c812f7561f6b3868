package main

import (
	"bufio"
	"bytes"
	"io"
	"os/exec"
	"syscall"
	"time"
)

// grace is how long go may take to report the end of the test process after its summary line. go
// waits for every holder of the test process's stdout: a child process the tests left running would
// keep the run open until the time limit.
const grace = 2 * time.Second

// maxEventLine bounds one line of go test's stdout held in memory; longer ones are dropped.
const maxEventLine = 1 << 20

// goTestArgs: one package, run once (never from go's test cache), no vet (it would fail a build on
// a style finding), JSON events (cmd/test2json) so each test is reported as it ends.
var goTestArgs = []string{"test", "-json", "-vet=off", "-count=1", "-p", "1", "./..."}

// goEnv is the whole environment of go and the test process: nothing of the harness's, so neither
// the nonce nor anything else it was given. Offline: no proxy, no checksum database, no toolchain
// download; the caches live on the writable /tmp (the standard library is precompiled in GOROOT).
func goEnv(tmp string) []string {
	return []string{
		"PATH=/usr/bin:/bin",
		"HOME=" + tmp,
		"LANG=C.UTF-8",
		"GOCACHE=" + tmp + "/go-cache",
		"GOPATH=" + tmp + "/go-path",
		"GOTMPDIR=" + tmp,
		"GO111MODULE=on",
		"GOPROXY=off",
		"GOSUMDB=off",
		"GOFLAGS=-buildvcs=false",
		"GOENV=off",
		"GOWORK=off",
		"GOTOOLCHAIN=local",
		"GOTELEMETRY=off",
	}
}

// GoTestRun is the outcome of `go test`: what it wrote to stderr (build errors) and whether it exited
// with a failure.
type GoTestRun struct {
	Stderr string
	Failed bool
}

// RunGoTest runs go test in dir, handing each line of its stdout to line as it arrives. Once ended is
// closed, go gets a moment to finish, then it is stopped with everything it started.
func RunGoTest(dir, tmp string, line func([]byte), ended <-chan struct{}) (GoTestRun, error) {
	cmd := exec.Command("go", goTestArgs...)
	cmd.Dir = dir
	cmd.Env = goEnv(tmp)
	// Its own process group, so whatever the tests leave running can be killed with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stderr := newCapped(16 * LimitBytes)
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return GoTestRun{}, err
	}
	if err := cmd.Start(); err != nil {
		return GoTestRun{}, err
	}
	stop := func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	read := make(chan struct{})
	go func() { readLines(stdout, line); close(read) }()
	select {
	case <-read:
	case <-ended:
		select {
		case <-read:
		case <-time.After(grace):
			stop()
			<-read
		}
	}
	err = cmd.Wait()
	stop()
	if _, exited := err.(*exec.ExitError); err != nil && !exited {
		return GoTestRun{}, err
	}
	return GoTestRun{Stderr: stderr.String(), Failed: err != nil}, nil
}

// readLines splits r into lines, dropping any longer than maxEventLine.
func readLines(r io.Reader, line func([]byte)) {
	in := bufio.NewReaderSize(r, 64*1024)
	var long bytes.Buffer
	tooLong := false
	for {
		chunk, err := in.ReadSlice('\n')
		if !tooLong && long.Len()+len(chunk) > maxEventLine {
			tooLong = true
			long.Reset()
		}
		if err == bufio.ErrBufferFull {
			if !tooLong {
				long.Write(chunk)
			}
			continue
		}
		if len(chunk) > 0 && !tooLong {
			if long.Len() > 0 {
				long.Write(chunk)
				chunk = long.Bytes()
			}
			line(bytes.TrimRight(chunk, "\n"))
		}
		long.Reset()
		tooLong = false
		if err != nil {
			return
		}
	}
}
