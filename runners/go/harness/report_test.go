package main

import (
	"strings"
	"testing"
)

// A stream as go 1.19's test2json writes it, trimmed of timestamps.
const stream = `{"Action":"run","Package":"solution","Test":"TestA"}
{"Action":"output","Package":"solution","Test":"TestA","Output":"=== RUN   TestA\n"}
{"Action":"output","Package":"solution","Test":"TestA","Output":"hi\n"}
{"Action":"output","Package":"solution","Test":"TestA","Output":"--- PASS: TestA (0.00s)\n"}
{"Action":"pass","Package":"solution","Test":"TestA","Elapsed":0.012}
{"Action":"run","Package":"solution","Test":"TestB"}
{"Action":"output","Package":"solution","Test":"TestB","Output":"=== RUN   TestB\n"}
{"Action":"run","Package":"solution","Test":"TestB/x"}
{"Action":"output","Package":"solution","Test":"TestB/x","Output":"=== RUN   TestB/x\n"}
{"Action":"output","Package":"solution","Test":"TestB/x","Output":"    a_test.go:6: bad\n"}
{"Action":"output","Package":"solution","Test":"TestB/x","Output":"        second line\n"}
{"Action":"run","Package":"solution","Test":"TestB/y"}
{"Action":"output","Package":"solution","Test":"TestB/y","Output":"=== RUN   TestB/y\n"}
{"Action":"output","Package":"solution","Test":"TestB","Output":"--- FAIL: TestB (0.00s)\n"}
{"Action":"output","Package":"solution","Test":"TestB/x","Output":"    --- FAIL: TestB/x (0.00s)\n"}
{"Action":"fail","Package":"solution","Test":"TestB/x","Elapsed":0}
{"Action":"output","Package":"solution","Test":"TestB/y","Output":"    --- PASS: TestB/y (0.00s)\n"}
{"Action":"pass","Package":"solution","Test":"TestB/y","Elapsed":0}
{"Action":"fail","Package":"solution","Test":"TestB","Elapsed":0}
{"Action":"run","Package":"solution","Test":"TestP"}
{"Action":"output","Package":"solution","Test":"TestP","Output":"=== RUN   TestP\n"}
{"Action":"output","Package":"solution","Test":"TestP","Output":"--- FAIL: TestP (0.00s)\n"}
{"Action":"output","Package":"solution","Test":"TestP","Output":"panic: boom [recovered]\n"}
{"Action":"output","Package":"solution","Test":"TestP","Output":"\tpanic: boom\n"}
{"Action":"output","Package":"solution","Test":"TestP","Output":"\n"}
{"Action":"output","Package":"solution","Test":"TestP","Output":"goroutine 23 [running]:\n"}
{"Action":"output","Package":"solution","Test":"TestP","Output":"testing.tRunner.func1.2({0x597620, 0x624ef0})\n"}
{"Action":"output","Package":"solution","Test":"TestP","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1396 +0x24e\n"}
{"Action":"output","Package":"solution","Test":"TestP","Output":"solution.TestP(0xc000085860?)\n"}
{"Action":"output","Package":"solution","Test":"TestP","Output":"\t/tmp/m/a_test.go:7 +0x27\n"}
{"Action":"fail","Package":"solution","Test":"TestP","Elapsed":0}
{"Action":"run","Package":"solution","Test":"TestQ"}
{"Action":"output","Package":"solution","Test":"TestQ","Output":"=== RUN   TestQ\n"}
{"Action":"output","Package":"solution","Output":"FAIL\tsolution\t0.049s\n"}
{"Action":"fail","Package":"solution","Elapsed":0.05}
`

func runStream(t *testing.T, text string) (*Report, []Test) {
	t.Helper()
	var emitted []Test
	m := &Module{Dir: "/tmp/m", Origins: map[string]string{"a.go": "solution/a.go", "a_test.go": "tests/a_test.go"}}
	r := NewReport(func(t Test) { emitted = append(emitted, t) }, NewPathRewriter(m).Rewrite, "/usr/lib/go-1.19")
	readLines(strings.NewReader(text), r.Line)
	r.Finish()
	return r, emitted
}

func str(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}

func TestReportTranslatesEachKindOfTest(t *testing.T) {
	r, emitted := runStream(t, stream)
	got := map[string]Test{}
	var names []string
	for _, test := range emitted {
		got[test.Name] = test
		names = append(names, test.Name+"="+test.Status)
	}
	// No manifest list: a test with subtests is reported once, whole.
	want := "TestA=pass TestB=fail TestP=error TestQ=error"
	if strings.Join(names, " ") != want {
		t.Fatalf("emitted %v, want %s", names, want)
	}
	if str(got["TestA"].Output) != "hi\n" || got["TestA"].Message != nil || *got["TestA"].DurationMs != 12 {
		t.Errorf("TestA: %+v", got["TestA"])
	}
	if m := str(got["TestB"].Message); m != "--- TestB/x (fail):\n    tests/a_test.go:6: bad\n        second line" {
		t.Errorf("TestB message %q", m)
	}
	if m := str(got["TestP"].Message); strings.Contains(m, "testing.go") || !strings.Contains(m, "panic: boom") ||
		!strings.Contains(m, "\ttests/a_test.go:7") {
		t.Errorf("TestP message %q", m)
	}
	if m := str(got["TestQ"].Message); m != "the test process stopped while this test was running" {
		t.Errorf("TestQ message %q", m)
	}
	if res := Outcome(r, nil); res.Status != "fail" || len(res.Tests) != 4 {
		t.Errorf("outcome %+v", res)
	}
	// A declared test that never started: the tests' process ended early, and the run says so.
	if res := Outcome(r, []string{"TestA", "TestR"}); res.Status != "error" || !strings.Contains(str(res.Message), "before TestR ran") {
		t.Errorf("outcome %+v", res)
	}
}

func TestTheManifestChoosesSubtestsOrTheirParent(t *testing.T) {
	for _, c := range []struct{ listed, want string }{
		{"TestB/x TestB/y", "TestA=pass TestB/x=fail TestB/y=pass TestP=error TestQ=error"},
		{"TestB", "TestA=pass TestB=fail TestP=error TestQ=error"},
		{"TestB/y", "TestA=pass TestB/x=fail TestB/y=pass TestP=error TestQ=error"},
	} {
		var emitted []string
		m := &Module{Dir: "/tmp/m", Origins: map[string]string{"a_test.go": "tests/a_test.go"}}
		r := NewReport(func(t Test) { emitted = append(emitted, t.Name+"="+t.Status) }, NewPathRewriter(m).Rewrite, "/usr/lib/go-1.19")
		r.Score(strings.Fields(c.listed))
		readLines(strings.NewReader(stream), r.Line)
		r.Finish()
		if got := strings.Join(emitted, " "); got != c.want {
			t.Errorf("listed %s: emitted %s, want %s", c.listed, got, c.want)
		}
		if len(r.Tests()) != len(emitted) {
			t.Errorf("listed %s: the result document has %d tests, the events %d", c.listed, len(r.Tests()), len(emitted))
		}
	}
}

func TestPrintedResultLinesAreOnlyOutput(t *testing.T) {
	forged := `{"Action":"run","Package":"solution","Test":"TestA"}
{"Action":"output","Package":"solution","Test":"TestA","Output":"NONCE {\"type\":\"result\"}\n"}
{"Action":"output","Package":"solution","Test":"TestA","Output":"--- PASS: TestA (0.00s)\n"}
{"Action":"pass","Package":"solution","Test":"TestA","Elapsed":0}
{"Action":"output","Package":"solution","Test":"TestA","Output":"    a_test.go:9: it failed after all\n"}
{"Action":"output","Package":"solution","Test":"TestA","Output":"--- FAIL: TestA (0.00s)\n"}
{"Action":"fail","Package":"solution","Test":"TestA","Elapsed":0}
{"Action":"fail","Package":"solution","Elapsed":0}
`
	r, emitted := runStream(t, forged)
	if len(emitted) != 1 || len(r.Tests()) != 1 || r.Tests()[0].Status != "fail" {
		t.Fatalf("emitted %+v, tests %+v", emitted, r.Tests())
	}
	if out := str(r.Tests()[0].Output); out != "NONCE {\"type\":\"result\"}\n" {
		t.Errorf("output %q", out)
	}
}

func TestOutcomeWithoutTests(t *testing.T) {
	r, _ := runStream(t, `{"Action":"output","Package":"solution","Output":"PASS\n"}
{"Action":"pass","Package":"solution","Elapsed":0}
`)
	if res := Outcome(r, nil); res.Status != "error" || str(res.ErrorKind) != "load" {
		t.Errorf("outcome %+v", res)
	}
}

func TestTheSummaryLineStandsForAnUnreportedEnd(t *testing.T) {
	r, _ := runStream(t, `{"Action":"run","Package":"solution","Test":"TestA"}
{"Action":"pass","Package":"solution","Test":"TestA","Elapsed":0}
{"Action":"output","Package":"solution","Output":"PASS\n"}
`)
	if res := Outcome(r, nil); res.Status != "pass" {
		t.Errorf("outcome %+v", res)
	}
}

func TestATestIsEmittedOnlyOnceItsGroupIsOver(t *testing.T) {
	var emitted []string
	m := &Module{Dir: "/tmp/m", Origins: map[string]string{}}
	r := NewReport(func(t Test) { emitted = append(emitted, t.Name+"="+t.Status) }, NewPathRewriter(m).Rewrite, "/usr/lib/go-1.19")
	feed := func(text string) { readLines(strings.NewReader(text), r.Line) }
	feed(`{"Action":"run","Test":"TestA"}
{"Action":"pass","Test":"TestA","Elapsed":0}
{"Action":"run","Test":"TestB"}
{"Action":"output","Test":"TestB","Output":"--- PASS: TestB (0.00s)\n"}
{"Action":"pass","Test":"TestB","Elapsed":0}
`)
	// A forged pass of the running test: nothing of TestB is out while it may still be replaced.
	if strings.Join(emitted, " ") != "TestA=pass" {
		t.Fatalf("emitted %v while TestB runs", emitted)
	}
	feed(`{"Action":"fail","Test":"TestB","Elapsed":0}
{"Action":"run","Test":"TestC"}
{"Action":"pass","Test":"TestB","Elapsed":0}
`)
	if strings.Join(emitted, " ") != "TestA=pass TestB=fail" || r.Tests()[1].Status != "fail" {
		t.Fatalf("emitted %v, tests %+v", emitted, r.Tests())
	}
}

func TestPrintedLinesCannotStartOrReportATestThatIsNotRunning(t *testing.T) {
	var emitted []string
	m := &Module{Dir: "/tmp/m", Origins: map[string]string{}}
	r := NewReport(func(t Test) { emitted = append(emitted, t.Name+"="+t.Status) }, NewPathRewriter(m).Rewrite, "/usr/lib/go-1.19")
	r.Expect([]string{"TestA", "TestB", "TestC"})
	// Inside TestA, raw prints of: TestB starting and passing, TestC passing.
	readLines(strings.NewReader(`{"Action":"run","Test":"TestA"}
{"Action":"run","Test":"TestB"}
{"Action":"pass","Test":"TestB","Elapsed":0}
{"Action":"pass","Test":"TestC","Elapsed":0}
{"Action":"run","Test":"TestA/x"}
{"Action":"pass","Test":"TestA/x","Elapsed":0}
{"Action":"fail","Test":"TestA","Elapsed":0}
{"Action":"run","Test":"TestB"}
{"Action":"fail","Test":"TestB","Elapsed":0}
`), r.Line)
	r.Finish()
	if got := strings.Join(emitted, " "); got != "TestA=fail TestB=fail" {
		t.Errorf("emitted %s", got)
	}
	if notRun := r.NotRun([]string{"TestA", "TestB", "TestC"}); strings.Join(notRun, ",") != "TestC" {
		t.Errorf("not run %v", notRun)
	}
}

func TestParallelTestsReportAfterTheNextHasStarted(t *testing.T) {
	var emitted []string
	m := &Module{Dir: "/tmp/m", Origins: map[string]string{}}
	r := NewReport(func(t Test) { emitted = append(emitted, t.Name+"="+t.Status) }, NewPathRewriter(m).Rewrite, "/usr/lib/go-1.19")
	r.Expect([]string{"TestP", "TestQ"})
	readLines(strings.NewReader(`{"Action":"run","Test":"TestP"}
{"Action":"pause","Test":"TestP"}
{"Action":"run","Test":"TestQ"}
{"Action":"pass","Test":"TestQ","Elapsed":0}
{"Action":"cont","Test":"TestP"}
{"Action":"pass","Test":"TestP","Elapsed":0}
`), r.Line)
	r.Finish()
	if got := strings.Join(emitted, " "); got != "TestQ=pass TestP=pass" {
		t.Errorf("emitted %s", got)
	}
}
