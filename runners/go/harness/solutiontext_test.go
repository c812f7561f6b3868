package main

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// As go 1.19's race detector prints a report, the module directory already read as the candidate's.
const raceReport = `before
==================
WARNING: DATA RACE
Write at 0x00c0000b4010 by goroutine 8:
  solution.(*Counter).Add()
      solution/counter.go:9 +0x44
  main.main.func1()
      /work/assayserver/main.go:12 +0x2f
  assayrpc.(*Conn).answer()
      /usr/lib/go-1.19/src/assayrpc/conn.go:117 +0x9c

Previous write at 0x00c0000b4010 by goroutine 7:
  solution.(*Counter).Add()
      solution/counter.go:9 +0x44
==================
after
`

func TestARaceReportIsKeptWithoutTheBoundarysFrames(t *testing.T) {
	text := newSolutionText()
	// Split mid-line, as a pipe may deliver it.
	text.Write([]byte(raceReport[:40]))
	text.Write([]byte(raceReport[40:]))
	race := text.Race(func(s string) string { return s }, "/usr/lib/go-1.19")
	if !strings.HasPrefix(race, "WARNING: DATA RACE\nWrite at") || !strings.Contains(race, "solution/counter.go:9") ||
		strings.Contains(race, "assayserver") || strings.Contains(race, "assayrpc") || strings.Contains(race, "after") {
		t.Errorf("race %q", race)
	}
	if text.Crash(func(s string) string { return s }, "/usr/lib/go-1.19") != "" {
		t.Error("a race report is no crash")
	}
	if out := text.Output(func(s string) string { return s }); out != raceReport {
		t.Errorf("output %q", out)
	}
}

func TestAStackOverflowIsNamed(t *testing.T) {
	text := newSolutionText()
	text.Write([]byte("working\nruntime: goroutine stack exceeds 33554432-byte limit\nruntime: sp=0xc020160388 stack=[0xc020160000, 0xc040160000]\nfatal error: stack overflow\n\ngoroutine 7 [running]:\nsolution.depth(0x1)\n\tsolution/deep.go:4 +0x45\n"))
	crash := text.Crash(func(s string) string { return s }, "/usr/lib/go-1.19")
	if !strings.HasPrefix(crash, "a stack overflow: a recursion") || !strings.Contains(crash, "fatal error: stack overflow") ||
		!strings.Contains(crash, "solution/deep.go:4") || strings.Contains(crash, "working") {
		t.Errorf("crash %q", crash)
	}
	deep := newSolutionText()
	deep.Write([]byte("fatal error: stack overflow\n\ngoroutine 7 [running]:\n" + strings.Repeat("solution.depth(0x1?)\n\tsolution/deep.go:8 +0x2d fp=0xc0 sp=0xc0 pc=0x4f\n", 5) + "main.main()\n\tsolution/main.go:3 +0x1\n"))
	if crash := deep.Crash(func(s string) string { return s }, "/usr/lib/go-1.19"); !strings.Contains(crash, "solution/deep.go:8 +0x2d fp=0xc0 sp=0xc0 pc=0x4f\n\t… the same call 4 more times\nmain.main()") {
		t.Errorf("recursion %q", crash)
	}
}

func take(output *SolutionOutput, topLevel bool) *solutionText {
	text, _ := output.Take(topLevel)
	return text
}

func TestATestTakesWhatTheSolutionPrintedBeforeItEnded(t *testing.T) {
	var log bytes.Buffer
	output, w, err := NewSolutionOutput(&log)
	if err != nil {
		t.Fatal(err)
	}
	go output.Run()
	child := exec.Command("sh", "-c", "echo one; echo two >&2")
	child.Stdout, child.Stderr = w, w
	if err := child.Run(); err != nil {
		t.Fatal(err)
	}
	// The child has written and exited; nothing waited for the reader.
	if got := take(output, true).Output(func(s string) string { return s }); got != "one\ntwo\n" {
		t.Errorf("took %q", got)
	}
	if got := take(output, true).Output(func(s string) string { return s }); got != "" {
		t.Errorf("took %q again", got)
	}
	// A cut ends a top-level test's text; a subtest read after it gets none of its parent's.
	echo := func(text string) {
		child := exec.Command("printf", text)
		child.Stdout = w
		if err := child.Run(); err != nil {
			t.Fatal(err)
		}
	}
	echo("first")
	output.Cut()
	echo("second")
	for _, c := range []struct {
		topLevel bool
		want     string
	}{{false, ""}, {true, "first"}, {false, "second"}, {true, ""}} {
		if got := take(output, c.topLevel).Output(func(s string) string { return s }); got != c.want {
			t.Errorf("take(%v) = %q, want %q", c.topLevel, got, c.want)
		}
	}
	w.Close()
}

func TestARaceFailsTheTestItHappenedIn(t *testing.T) {
	texts := []string{"", raceReport, ""}
	m := &Module{Dir: "/tmp/m", Origins: map[string]string{}}
	var emitted []Test
	r := NewReport(func(t Test) { emitted = append(emitted, t) }, NewPathRewriter(m).Rewrite, "/usr/lib/go-1.19")
	r.Solution(SolutionSide{Rewrite: func(s string) string { return s }, Take: func(bool) (*solutionText, bool) {
		text := newSolutionText()
		if len(texts) > 0 {
			text.Write([]byte(texts[0]))
			texts = texts[1:]
		}
		return text, true
	}})
	readLines(strings.NewReader(`{"Action":"run","Test":"TestA"}
{"Action":"pass","Test":"TestA","Elapsed":0}
{"Action":"run","Test":"TestB"}
{"Action":"pass","Test":"TestB","Elapsed":0}
{"Action":"run","Test":"TestC"}
{"Action":"pass","Test":"TestC","Elapsed":0}
`), r.Line)
	r.Finish()
	var got []string
	for _, test := range emitted {
		got = append(got, test.Name+"="+test.Status)
	}
	if strings.Join(got, " ") != "TestA=pass TestB=fail TestC=pass" {
		t.Fatalf("emitted %v", got)
	}
	if m := str(emitted[1].Message); !strings.HasPrefix(m, "the race detector found a data race") || !strings.Contains(m, "solution/counter.go:9") {
		t.Errorf("message %q", m)
	}
	if o := str(emitted[1].Output); !strings.Contains(o, "before\n") {
		t.Errorf("output %q", o)
	}
}

// A test that prints a result line of its own ends twice in the stream; it still takes only its own cut.
func TestEachTopLevelTestTakesOneCut(t *testing.T) {
	cuts := []string{"a's output\n", "b's output\n"}
	m := &Module{Dir: "/tmp/m", Origins: map[string]string{}}
	var emitted []Test
	r := NewReport(func(t Test) { emitted = append(emitted, t) }, NewPathRewriter(m).Rewrite, "/usr/lib/go-1.19")
	r.Solution(SolutionSide{Rewrite: func(s string) string { return s }, Take: func(topLevel bool) (*solutionText, bool) {
		text := newSolutionText()
		if !topLevel || len(cuts) == 0 {
			return text, false
		}
		text.Write([]byte(cuts[0]))
		cuts = cuts[1:]
		return text, true
	}})
	readLines(strings.NewReader(`{"Action":"run","Test":"TestA"}
{"Action":"pass","Test":"TestA","Elapsed":0}
{"Action":"fail","Test":"TestA","Elapsed":0}
{"Action":"run","Test":"TestB"}
{"Action":"pass","Test":"TestB","Elapsed":0}
`), r.Line)
	r.Finish()
	if len(emitted) != 2 || str(emitted[0].Output) != "a's output\n" || str(emitted[1].Output) != "b's output\n" {
		t.Errorf("emitted %+v / %+v", emitted[0], emitted[len(emitted)-1])
	}
}
