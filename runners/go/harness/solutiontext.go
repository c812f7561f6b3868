package main

import (
	"fmt"
	"regexp"
	"strings"
)

// solutionText is what the solution's process printed while one test ran, line by line: all of it,
// as printed; the race detector's reports; and the account of a crash ("fatal error: …" or an
// unrecovered "panic: …" at the start of a line, and every line after it). The solution can print
// such lines itself, but they only ever turn its own test into a failure.
type solutionText struct {
	output  *capped
	races   *capped
	crash   *capped
	partial string
	inRace  bool
}

const (
	raceStart = "WARNING: DATA RACE\n"
	raceEnd   = "==================\n"
)

func newSolutionText() *solutionText {
	return &solutionText{output: newCapped(LimitBytes), races: newCapped(4 * LimitBytes), crash: newCapped(4 * LimitBytes)}
}

func (s *solutionText) Write(p []byte) {
	s.output.Write(p)
	text := s.partial + string(p)
	end := strings.LastIndexByte(text, '\n') + 1
	// A line longer than any report's is output only.
	if s.partial = text[end:]; len(s.partial) > LimitBytes {
		s.partial = ""
	}
	for _, line := range strings.SplitAfter(text[:end], "\n") {
		if line != "" {
			s.line(line)
		}
	}
}

func (s *solutionText) line(line string) {
	switch {
	case s.inRace:
		s.inRace = line != raceEnd
		if s.inRace {
			s.races.WriteString(line)
		}
	case line == raceStart:
		s.inRace = true
		s.races.WriteString(line)
	case s.crash.String() != "" || strings.HasPrefix(line, "fatal error: ") || strings.HasPrefix(line, "panic: ") ||
		strings.HasPrefix(line, "runtime: goroutine stack exceeds"):
		s.crash.WriteString(line)
	}
}

// Output is everything the solution printed, paths as the candidate knows them.
func (s *solutionText) Output(rewrite func(string) string) string { return rewrite(s.output.String()) }

// Race is the race detector's first report, without the frames of the Go distribution and the
// boundary, or "".
func (s *solutionText) Race(rewrite func(string) string, goroot string) string {
	report := s.races.String()
	if report == "" {
		return ""
	}
	if i := strings.Index(report[len(raceStart):], raceStart); i >= 0 {
		report = report[:len(raceStart)+i]
	}
	return trimRaceFrames(rewrite(report), goroot)
}

// Crash names the runtime's fatal error or the panic that ended the solution's process, with its
// trace trimmed, or "".
func (s *solutionText) Crash(rewrite func(string) string, goroot string) string {
	crash := s.crash.String()
	if crash == "" {
		return ""
	}
	text := collapseRepeats(TrimStack(rewrite(crash), goroot))
	if strings.Contains(crash, "fatal error: stack overflow") {
		text = "a stack overflow: a recursion that goes too deep, or never ends\n" + text
	}
	return strings.TrimRight(text, "\n")
}

// frameNoise is what differs between two frames of the same call: its arguments, its offsets.
var frameNoise = regexp.MustCompile(`\(.*\)$| \+0x[0-9a-f]+.*$`)

// collapseRepeats writes a run of identical frames (a function line, then its tab-indented file
// line) once, and how many more there were: a recursion's trace then shows the recursion.
func collapseRepeats(trace string) string {
	lines := strings.Split(trace, "\n")
	frame := func(i int) string {
		if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "\t") {
			return ""
		}
		return frameNoise.ReplaceAllString(lines[i], "") + "\n" + frameNoise.ReplaceAllString(lines[i+1], "")
	}
	var out []string
	for i := 0; i < len(lines); {
		key := frame(i)
		if key == "" {
			out = append(out, lines[i])
			i++
			continue
		}
		n := 1
		for frame(i+2*n) == key {
			n++
		}
		out = append(out, lines[i], lines[i+1])
		if n > 1 {
			out = append(out, fmt.Sprintf("\t… the same call %d more times", n-1))
		}
		i += 2 * n
	}
	return strings.Join(out, "\n")
}

// raceCreated is a race report's header of a goroutine's creation, which has no frames left once
// the boundary's are dropped (the boundary starts every goroutine that serves a call).
var raceCreated = regexp.MustCompile(`^Goroutine \d+ \(\w+\) created at:$`)

// A race report's frames: a function line, two spaces in, then its file line, six in.
var raceFile = regexp.MustCompile(`^      /`)

// trimRaceFrames drops the frames of a race report that lie in the Go distribution or the boundary.
func trimRaceFrames(report, goroot string) string {
	lines := strings.Split(report, "\n")
	kept := make([]string, 0, len(lines))
	for _, line := range lines {
		if raceFile.MatchString(line) && len(kept) > 0 && hiddenFile(strings.TrimLeft(line, " "), goroot) {
			kept = kept[:len(kept)-1]
			continue
		}
		kept = append(kept, line)
	}
	var out []string
	for i, line := range kept {
		if raceCreated.MatchString(line) && (i+1 == len(kept) || !strings.HasPrefix(kept[i+1], "  ")) {
			continue
		}
		out = append(out, line)
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n")
}

// Append adds what was printed later.
func (s *solutionText) Append(later *solutionText) {
	s.output.WriteString(later.output.String())
	s.races.WriteString(later.races.String())
	s.crash.WriteString(later.crash.String())
}
