package main

import "strings"

// Which tests are reported, as the manifest chooses by the names it lists: a test with subtests is
// reported whole (its subtests folded into it: verdict.go) unless the manifest lists some test below
// it and not the test itself; then it is split, and its subtests are reported instead, each the same
// way. So a parent and its subtests are never both counted. With no list, every top-level test is
// reported whole.

// Score tells the report the tests the manifest scores.
func (r *Report) Score(names []string) {
	r.listed, r.above = map[string]bool{}, map[string]bool{}
	for _, name := range names {
		r.listed[name] = true
		for i := strings.LastIndexByte(name, '/'); i > 0; i = strings.LastIndexByte(name[:i], '/') {
			r.above[name[:i]] = true
		}
	}
}

func (r *Report) split(name string) bool { return !r.listed[name] && r.above[name] }

// shown: the test is not split, and every test above it is.
func (r *Report) shown(name string) bool {
	if r.split(name) {
		return false
	}
	for i := strings.LastIndexByte(name, '/'); i > 0; i = strings.LastIndexByte(name[:i], '/') {
		if !r.split(name[:i]) {
			return false
		}
	}
	return true
}
