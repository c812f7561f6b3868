package main

import "strings"

// capped collects text up to a limit and drops the rest, so a test that prints without end cannot
// grow the harness's memory. One byte past the limit is kept, so Truncate knows the text was cut.
type capped struct {
	limit int
	b     strings.Builder
}

func newCapped(limit int) *capped { return &capped{limit: limit} }

func (c *capped) WriteString(s string) {
	room := c.limit + 1 - c.b.Len()
	if room <= 0 {
		return
	}
	if len(s) > room {
		s = s[:room]
	}
	c.b.WriteString(s)
}

func (c *capped) String() string { return c.b.String() }

// Write lets a capped buffer take a process's stderr.
func (c *capped) Write(p []byte) (int, error) {
	n := len(p)
	if room := c.limit + 1 - c.b.Len(); len(p) > room {
		p = p[:max0(room)]
	}
	c.b.Write(p)
	return n, nil
}

func max0(n int) int {
	if n < 0 {
		return 0
	}
	return n
}
