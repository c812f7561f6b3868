package main

import (
	"strings"
	"testing"
)

func TestPathRewriterNamesFilesAsTheCandidateKnowsThem(t *testing.T) {
	m := &Module{Dir: "/tmp/assay-module-1", Origins: map[string]string{
		"cache.go": "solution/cache.go", "cache_test.go": "tests/cache_test.go", "testing.go": "solution/testing.go"}}
	r := NewPathRewriter(m)
	cases := map[string]string{
		"./cache.go:3:1: undefined: x":                       "solution/cache.go:3:1: undefined: x",
		"cache.go:3:8: no required module":                   "solution/cache.go:3:8: no required module",
		"    cache_test.go:12: got 1":                        "    tests/cache_test.go:12: got 1",
		"\t/tmp/assay-module-1/cache.go:7 +0x27":             "\tsolution/cache.go:7 +0x27",
		"found packages solution (cache.go) and main (x.go)": "found packages solution (solution/cache.go) and main (x.go)",
		"\t/usr/lib/go-1.19/src/testing/testing.go:1396":     "\t/usr/lib/go-1.19/src/testing/testing.go:1396",
		"in /tmp/assay-module-1":                             "in /work",
		"mycache.go:1":                                       "mycache.go:1",
	}
	for in, want := range cases {
		if got := r.Rewrite(in); got != want {
			t.Errorf("Rewrite(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTruncateCutsOnACharacterAndSaysSo(t *testing.T) {
	long := strings.Repeat("é", LimitBytes)
	got := Truncate(long)
	if len(got) > LimitBytes || !strings.HasSuffix(got, truncatedMark) {
		t.Errorf("len %d, suffix %q", len(got), got[len(got)-20:])
	}
	if Truncate("a\xffb") != "a\uFFFDb" {
		t.Errorf("invalid UTF-8 kept")
	}
}

func TestReadLinesDropsOverlongLines(t *testing.T) {
	text := "one\n" + strings.Repeat("x", maxEventLine+10) + "\nthree"
	var got []string
	readLines(strings.NewReader(text), func(b []byte) { got = append(got, string(b)) })
	if strings.Join(got, ",") != "one,three" {
		t.Errorf("lines %d: %.20q", len(got), got)
	}
}

func TestTrimStackDropsTheDistributionsAndTheBoundarysFrames(t *testing.T) {
	trace := "panic: boom\n\ngoroutine 7 [running]:\nassayrpc.(*Conn).request(...)\n\t/usr/lib/go-1.19/src/assayrpc/conn.go:151 +0x286\n" +
		"solution.(*Counter).Reset(...)\n\t/work/assay_standin.go:40 +0x1\nsolution.TestReset(0xc0?)\n\ttests/a_test.go:9 +0x2\n" +
		"testing.tRunner(0xc0, 0x1)\n\t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10"
	want := "panic: boom\n\ngoroutine 7 [running]:\nsolution.TestReset(0xc0?)\n\ttests/a_test.go:9 +0x2"
	if got := TrimStack(trace, "/usr/lib/go-1.19"); got != want {
		t.Errorf("TrimStack = %q", got)
	}
}
