package main

import (
	"bufio"
	"bytes"
	"io"
)

// maxEventLine bounds one line of go test's stdout held in memory; longer ones are dropped.
const maxEventLine = 1 << 20

// goEnv is the whole environment of the builds: nothing of the harness's, so neither the nonce nor
// anything else it was given. Offline: no proxy, no checksum database, no toolchain
// download; the caches live on the writable /tmp (the standard library is precompiled in GOROOT).
func goEnv(tmp string) []string {
	return []string{
		"PATH=/usr/bin:/bin",
		"HOME=" + tmp,
		"LANG=C.UTF-8",
		"GOCACHE=" + tmp + "/go-cache",
		"GOPATH=" + tmp + "/go-path",
		"GOTMPDIR=" + tmp,
		"GO111MODULE=on",
		"GOPROXY=off",
		"GOSUMDB=off",
		"GOFLAGS=-buildvcs=false",
		"GOENV=off",
		"GOWORK=off",
		"GOTOOLCHAIN=local",
		"GOTELEMETRY=off",
	}
}

// readLines splits r into lines, dropping any longer than maxEventLine.
func readLines(r io.Reader, line func([]byte)) {
	in := bufio.NewReaderSize(r, 64*1024)
	var long bytes.Buffer
	tooLong := false
	for {
		chunk, err := in.ReadSlice('\n')
		if !tooLong && long.Len()+len(chunk) > maxEventLine {
			tooLong = true
			long.Reset()
		}
		if err == bufio.ErrBufferFull {
			if !tooLong {
				long.Write(chunk)
			}
			continue
		}
		if len(chunk) > 0 && !tooLong {
			if long.Len() > 0 {
				long.Write(chunk)
				chunk = long.Bytes()
			}
			line(bytes.TrimRight(chunk, "\n"))
		}
		long.Reset()
		tooLong = false
		if err != nil {
			return
		}
	}
}
