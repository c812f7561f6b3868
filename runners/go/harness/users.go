package main

import (
	"os"
	"path/filepath"
	"syscall"
)

// The users of a go run: the solution's process runs as the base image's sandbox user, the tests'
// process as the tester user of this image. Neither can read the other's files, signal the other's
// processes or look into them under /proc.
const (
	candidateUID = 10001
	testerUID    = 10002
)

// asUser makes a command run as uid (its own group, no others), in a process group of its own.
func asUser(uid uint32) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Credential: &syscall.Credential{Uid: uid, Gid: uid, Groups: []uint32{}}}
}

// give hands a tree root made to uid, every directory 0700, so no other user can read it. Modes
// first, top-down, while root still owns (and so may enter) every directory; owners last, deepest
// first: root has neither CAP_DAC_OVERRIDE nor CAP_FOWNER.
func give(tree string, uid int) error {
	if err := os.MkdirAll(tree, 0o700); err != nil {
		return err
	}
	var paths []string
	err := filepath.Walk(tree, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() {
			if err := os.Chmod(path, 0o700); err != nil {
				return err
			}
		}
		paths = append(paths, path)
		return nil
	})
	if err != nil {
		return err
	}
	for i := len(paths) - 1; i >= 0; i-- {
		if err := os.Lchown(paths[i], uid, uid); err != nil {
			return err
		}
	}
	return nil
}
