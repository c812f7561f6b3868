package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ModuleName is the module, and so the import path, the solution and the tests are compiled as.
const ModuleName = "solution"

// goMod pins the language version to the toolchain's own, so no download is ever attempted.
const goMod = "module " + ModuleName + "\n\ngo 1.19\n"

// Module is the Go module assembled for one run: the solution's .go files (not its _test.go files)
// and the tests' _test.go files in one directory, plus the tests' testdata/.
type Module struct {
	Dir string
	// Origins maps each file name in Dir to where it came from, relative to /work.
	Origins map[string]string
}

// AssembleModule copies the files from work (normally /work) into a new directory under tmp.
// Only the top level of solution/ and tests/ is read: a challenge is one package.
func AssembleModule(work, tmp string) (*Module, error) {
	dir, err := os.MkdirTemp(tmp, "assay-module-")
	if err != nil {
		return nil, err
	}
	m := &Module{Dir: dir, Origins: map[string]string{}}
	solution, err := goFiles(filepath.Join(work, "solution"), func(name string) bool { return !isTestFile(name) })
	if err != nil {
		return nil, err
	}
	tests, err := goFiles(filepath.Join(work, "tests"), isTestFile)
	if err != nil {
		return nil, err
	}
	for _, group := range []struct {
		dir   string
		names []string
	}{{"solution", solution}, {"tests", tests}} {
		for _, name := range group.names {
			if err := copyFile(filepath.Join(work, group.dir, name), filepath.Join(dir, name)); err != nil {
				return nil, err
			}
			m.Origins[name] = group.dir + "/" + name
		}
	}
	if err := copyTree(filepath.Join(work, "tests", "testdata"), filepath.Join(dir, "testdata")); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(goMod), 0o644); err != nil {
		return nil, err
	}
	return m, nil
}

// HasTests tells whether any test file was found.
func (m *Module) HasTests() bool {
	for name := range m.Origins {
		if isTestFile(name) {
			return true
		}
	}
	return false
}

func isTestFile(name string) bool { return strings.HasSuffix(name, "_test.go") }

// goFiles lists the regular .go files of dir that keep passes, sorted; a missing dir has none.
func goFiles(dir string, keep func(string) bool) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		name := e.Name()
		if e.Type().IsRegular() && strings.HasSuffix(name, ".go") && keep(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names, nil
}

// copyFile copies bytes, never links: the module must not follow a symlink the candidate placed.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// copyTree copies a directory of regular files and directories; a missing one is nothing to copy.
func copyTree(from, to string) error {
	info, err := os.Lstat(from)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is not a directory", from)
	}
	return filepath.Walk(from, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(to, strings.TrimPrefix(path, from))
		switch {
		case info.IsDir():
			return os.MkdirAll(target, 0o755)
		case info.Mode().IsRegular():
			return copyFile(path, target)
		}
		return nil
	})
}
