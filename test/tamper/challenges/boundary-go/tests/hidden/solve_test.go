package solution

import (
	"errors"
	"sync"
	"testing"
)

func TestTotal(t *testing.T) {
	if got := Total([]int{1, 2, 3}); got != 6 {
		t.Errorf("Total = %d, want 6", got)
	}
}

func TestPair(t *testing.T) {
	if got := MakePair("a", "b"); got != (Pair{Left: "a", Right: "b"}) {
		t.Errorf("MakePair = %+v", got)
	}
}

func TestCounter(t *testing.T) {
	c := NewCounter()
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); c.Add(2) }()
	}
	wg.Wait()
	if got := c.Value(); got != 100 {
		t.Errorf("Value = %d, want 100", got)
	}
}

func TestApply(t *testing.T) {
	calls := 0
	if got := Apply(func(x int) int { calls++; return x * 2 }, 21); got != 42 || calls != 1 {
		t.Errorf("Apply = %d after %d calls, want 42 after 1", got, calls)
	}
}

func TestFind(t *testing.T) {
	if err := Find("missing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Find(missing) = %v", err)
	}
	if err := Find("present"); err != nil {
		t.Errorf("Find(present) = %v", err)
	}
}
