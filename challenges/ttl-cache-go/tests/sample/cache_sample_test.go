package solution

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

// Run with `go test ./...` in a folder holding cache.go, this file and a go.mod
// (`module solution` / `go 1.19`).

type sampleClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *sampleClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *sampleClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestSampleCachesUntilTheTTLHasPassed(t *testing.T) {
	clock := &sampleClock{now: time.Unix(1_700_000_000, 0)}
	calls := 0
	load := func(_ context.Context, key string) (string, error) {
		calls++
		return fmt.Sprintf("%s v%d", key, calls), nil
	}
	cache := New[string, string](30*time.Second, clock, load)

	for _, step := range []struct {
		advance time.Duration
		want    string
	}{{0, "user:1 v1"}, {29 * time.Second, "user:1 v1"}, {time.Second, "user:1 v2"}} {
		clock.Advance(step.advance)
		got, err := cache.Get(context.Background(), "user:1")
		if err != nil || got != step.want {
			t.Fatalf("after %v: Get = %q, %v; want %q", step.advance, got, err, step.want)
		}
	}
}

func TestSampleInvalidate(t *testing.T) {
	calls := 0
	load := func(_ context.Context, key int) (int, error) { calls++; return key * 10, nil }
	cache := New[int, int](time.Minute, &sampleClock{}, load)
	cache.Get(context.Background(), 7)
	cache.Invalidate(7)
	if v, _ := cache.Get(context.Background(), 7); v != 70 || calls != 2 {
		t.Fatalf("Get after Invalidate = %d with %d loads; want 70 with 2", v, calls)
	}
}
