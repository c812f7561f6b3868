package main

import (
	"regexp"
	"strings"
)

// Kinds of line in a test's output (go test -v, as test2json passes it on).
const (
	lineFramework = iota // === RUN, --- FAIL: … : the framework's own bookkeeping
	lineLog              // t.Log, t.Error, t.Fatal: "    file.go:12: text", continued by deeper indentation
	linePanic            // "panic: …", and everything after it
	lineOutput           // anything else: what the code under test printed
)

var (
	frameworkPrefixes = []string{"=== RUN", "=== PAUSE", "=== CONT", "=== NAME", "--- PASS:", "--- FAIL:", "--- SKIP:"}
	logLine           = regexp.MustCompile(`^    +[^\s:]+\.go:\d+: `)
)

// lineClassifier sorts one test's lines as they arrive; it remembers whether the previous line was a
// log line (continuation lines are indented further) and whether a panic has begun.
type lineClassifier struct {
	inLog   bool
	inPanic bool
}

func (c *lineClassifier) classify(line string) int {
	if c.inPanic {
		return linePanic
	}
	if strings.HasPrefix(line, "panic: ") || strings.HasPrefix(line, "fatal error: ") {
		c.inPanic = true
		return linePanic
	}
	trimmed := strings.TrimLeft(line, " ")
	for _, p := range frameworkPrefixes {
		if strings.HasPrefix(trimmed, p) {
			c.inLog = false
			return lineFramework
		}
	}
	if logLine.MatchString(line) {
		c.inLog = true
		return lineLog
	}
	if c.inLog && strings.HasPrefix(line, "        ") {
		return lineLog
	}
	c.inLog = false
	return lineOutput
}

// boundaryFrames are where the boundary's own code is, once paths read as /work: its frames are no
// part of what the candidate or the tests did.
// (The boundary's package, assayrpc, is in the Go distribution: its frames go with the distribution's.)
var boundaryFrames = []string{"/work/assay_standin.go:", "/work/assayserver/"}

// TrimStack drops the frames of a panic's stack trace that lie in the Go distribution (the testing
// package, the runtime) or in the boundary: each frame is a function line, then a tab-indented file line.
func TrimStack(text, goroot string) string {
	lines := strings.Split(text, "\n")
	kept := make([]string, 0, len(lines))
	for _, line := range lines {
		if isHidden(line, goroot) && len(kept) > 0 {
			kept = kept[:len(kept)-1]
			continue
		}
		kept = append(kept, line)
	}
	return strings.Join(kept, "\n")
}

func isHidden(line, goroot string) bool {
	return strings.HasPrefix(line, "\t") && hiddenFile(line[1:], goroot)
}

// hiddenFile: a frame's file line (without its indentation) in the Go distribution or the boundary.
func hiddenFile(line, goroot string) bool {
	if strings.HasPrefix(line, goroot+"/") {
		return true
	}
	for _, prefix := range boundaryFrames {
		if strings.HasPrefix(line, prefix) {
			return true
		}
	}
	return false
}
