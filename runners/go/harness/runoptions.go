package main

import (
	"encoding/json"
	"fmt"
	"os"
)

// RunOptions are what the manifest tells the run (/work/run.json, docs/runner-contract.md): the tests
// it scores, which decide whether a test with subtests is reported whole or as its subtests, and
// whether the solution's process runs under the race detector. A run without the file has neither.
type RunOptions struct {
	Tests []string `json:"tests"`
	Race  bool     `json:"race"`
}

func readRunOptions(path string) (RunOptions, error) {
	var options RunOptions
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return options, nil
	}
	if err != nil {
		return options, err
	}
	if err := json.Unmarshal(data, &options); err != nil {
		return options, fmt.Errorf("%s: %v", path, err)
	}
	return options, nil
}
