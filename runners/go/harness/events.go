package main

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"
	"unicode/utf8"
)

// LimitBytes is the contract's cap on a message or an output, in bytes of UTF-8.
const LimitBytes = 4096

const truncatedMark = "… [truncated]"

// Test is one test as the contract reports it.
type Test struct {
	Name       string  `json:"name"`
	Status     string  `json:"status"`
	Message    *string `json:"message"`
	Output     *string `json:"output"`
	DurationMs *int64  `json:"durationMs"`
}

// Result is the result document.
type Result struct {
	Version   int     `json:"version"`
	Status    string  `json:"status"`
	Message   *string `json:"message"`
	ErrorKind *string `json:"errorKind,omitempty"`
	Tests     []Test  `json:"tests"`
}

// EventWriter writes the contract's events: the nonce, one space, one JSON object, one line each.
// It is the only writer of the harness's stdout; the test process never gets that descriptor.
type EventWriter struct {
	out   *bufio.Writer
	nonce string
}

func NewEventWriter(w io.Writer, nonce string) *EventWriter {
	return &EventWriter{out: bufio.NewWriter(w), nonce: nonce}
}

type event struct {
	Type   string  `json:"type"`
	Test   *Test   `json:"test,omitempty"`
	Result *Result `json:"result,omitempty"`
}

// Test writes a test event; every event is flushed at once, before a later test can hang.
func (w *EventWriter) Test(t Test) error {
	return w.write(event{Type: "test", Test: &t})
}

func (w *EventWriter) Result(r Result) error {
	if r.Tests == nil {
		r.Tests = []Test{}
	}
	return w.write(event{Type: "result", Result: &r})
}

func (w *EventWriter) write(event event) error {
	line, err := json.Marshal(event)
	if err != nil {
		return err
	}
	w.out.WriteString(w.nonce)
	w.out.WriteByte(' ')
	w.out.Write(line)
	w.out.WriteByte('\n')
	return w.out.Flush()
}

// Truncate cuts text to LimitBytes of valid UTF-8, ending with the mark when it was cut; invalid
// UTF-8 is replaced either way, so the JSON always holds what the candidate will read.
func Truncate(text string) string {
	text = strings.ToValidUTF8(text, "\uFFFD")
	if len(text) <= LimitBytes {
		return text
	}
	keep := LimitBytes - len(truncatedMark)
	for keep > 0 && !utf8.RuneStart(text[keep]) {
		keep--
	}
	return text[:keep] + truncatedMark
}

// optional is nil for empty text, else the truncated text.
func optional(text string) *string {
	if text == "" {
		return nil
	}
	t := Truncate(text)
	return &t
}
