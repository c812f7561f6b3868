package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ModuleName is the module, and so the import path, the solution and the tests are compiled as.
const ModuleName = "solution"

// goMod pins the language version to the toolchain's own, so no download is ever attempted.
const goMod = "module " + ModuleName + "\n\ngo 1.19\n"

// Module is one of a run's two modules, as the path rewriter knows it: its directory and, for each
// file name in it, where it came from (relative to /work).
type Module struct {
	Dir     string
	Origins map[string]string
}

func isTestFile(name string) bool { return strings.HasSuffix(name, "_test.go") }

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
