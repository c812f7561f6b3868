package main

import (
	"io"
	"os"
	"sync"
	"syscall"
)

// SolutionOutput is the solution's process's stdout and stderr, one pipe: every byte goes to the run's
// log as it comes, and is kept, sorted (solutionText), for the test that was running. The reader
// goroutine, Cut and Take read the pipe only under one lock, each first reading whatever the pipe holds:
// what the solution wrote before a call returned is in the pipe before the test that made the call can
// end. A top-level test's end cuts the text there (testerMain), before go reports the test, so that the
// report's Take of that test gets exactly what came before; a subtest, which has no cut, gets what came
// until the report read its end.
type SolutionOutput struct {
	mu   sync.Mutex
	r    *os.File
	fd   int
	eof  bool
	log  io.Writer
	buf  []byte
	text *solutionText
	cuts []*solutionText // cut, not yet taken
}

// NewSolutionOutput returns the reader and the pipe's write end, for the solution's process (the
// caller closes it once that process started).
func NewSolutionOutput(log io.Writer) (*SolutionOutput, *os.File, error) {
	var p [2]int
	if err := syscall.Pipe2(p[:], syscall.O_CLOEXEC); err != nil {
		return nil, nil, err
	}
	if err := syscall.SetNonblock(p[0], true); err != nil {
		return nil, nil, err
	}
	// A non-blocking descriptor goes to the runtime's poller: the reader waits there, never in a read.
	s := &SolutionOutput{r: os.NewFile(uintptr(p[0]), "solution output"), fd: p[0], log: log,
		buf: make([]byte, 32*1024), text: newSolutionText()}
	return s, os.NewFile(uintptr(p[1]), "solution output"), nil
}

// Run reads until the last writer has closed the pipe.
func (s *SolutionOutput) Run() {
	raw, err := s.r.SyscallConn()
	if err != nil {
		return
	}
	raw.Read(func(uintptr) bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.readAvailable()
	})
}

// readAvailable reads what the pipe holds, under s.mu; it tells whether the pipe has ended.
func (s *SolutionOutput) readAvailable() bool {
	for !s.eof {
		n, err := syscall.Read(s.fd, s.buf)
		switch {
		case n > 0:
			s.log.Write(s.buf[:n])
			s.text.Write(s.buf[:n])
		case err == syscall.EINTR:
		case err == syscall.EAGAIN:
			return false
		default:
			s.eof = true
		}
	}
	return true
}

// Cut ends the text of the top-level test that is ending.
func (s *SolutionOutput) Cut() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.readAvailable()
	s.cuts = append(s.cuts, s.text)
	s.text = newSolutionText()
}

// Take is the text of the test whose end the report reads, and whether it was a cut: the first cut not
// yet taken (a top-level test's), nothing for a subtest whose parent has already been cut, else what
// came since the last Take.
func (s *SolutionOutput) Take(topLevel bool) (*solutionText, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.cuts) > 0 {
		if !topLevel {
			return newSolutionText(), false
		}
		text := s.cuts[0]
		s.cuts = s.cuts[1:]
		return text, true
	}
	s.readAvailable()
	text := s.text
	s.text = newSolutionText()
	return text, false
}
