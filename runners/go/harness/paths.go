package main

import (
	"regexp"
	"sort"
	"strings"
)

// PathRewriter turns the module directory's file names, as the compiler, the test framework and
// stack traces print them, into the names the candidate knows: solution/x.go and tests/x_test.go.
type PathRewriter struct {
	dir     string
	origins map[string]string
	files   *regexp.Regexp
}

func NewPathRewriter(m *Module) *PathRewriter {
	names := make([]string, 0, len(m.Origins))
	for name := range m.Origins {
		names = append(names, regexp.QuoteMeta(name))
	}
	// Longest first, so that a_test.go is never read as a prefix match of another name.
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	r := &PathRewriter{dir: m.Dir, origins: m.Origins}
	if len(names) > 0 {
		// A known file name at the start of a word, maybe after ./ or the module directory; a name
		// inside another path (/usr/lib/go/src/testing/testing.go) is not one of ours.
		prefix := `(?:\./|` + regexp.QuoteMeta(m.Dir) + `/)?`
		r.files = regexp.MustCompile(`(^|[\s(])` + prefix + `(` + strings.Join(names, "|") + `)\b`)
	}
	return r
}

// Rewrite rewrites every line of text; the module directory left anywhere else reads as /work.
func (r *PathRewriter) Rewrite(text string) string {
	if r.files != nil {
		text = r.files.ReplaceAllStringFunc(text, func(match string) string {
			sub := r.files.FindStringSubmatch(match)
			return sub[1] + r.origins[sub[2]]
		})
	}
	return strings.ReplaceAll(text, r.dir, "/work")
}
