package solution

import "testing"

// A sample: the hidden tests call every function of solve.go the same way.
func TestSampleTotal(t *testing.T) {
	if got := Total([]int{1, 2, 3}); got != 6 {
		t.Errorf("Total = %d, want 6", got)
	}
}
