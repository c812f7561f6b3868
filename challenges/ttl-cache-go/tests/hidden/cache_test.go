package solution

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock is moved by hand, so no test waits for a TTL to pass.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// countingLoader returns "<key>#<n>" on its n-th call.
type countingLoader struct{ calls int64 }

func (l *countingLoader) load(_ context.Context, key string) (string, error) {
	n := atomic.AddInt64(&l.calls, 1)
	return fmt.Sprintf("%s#%d", key, n), nil
}

func (l *countingLoader) count() int64 { return atomic.LoadInt64(&l.calls) }

// patience bounds every wait on another goroutine: a wrong solution fails a test, never hangs the run.
const patience = time.Second

func mustGet(t *testing.T, c *Cache[string, string], key, want string) {
	t.Helper()
	got, err := c.Get(context.Background(), key)
	if err != nil || got != want {
		t.Fatalf("Get(%q) = %q, %v; want %q, nil", key, got, err, want)
	}
}

// getAsync runs Get in a goroutine; its result arrives on the channel.
func getAsync(c *Cache[string, string], key string) chan string {
	out := make(chan string, 1)
	go func() {
		v, err := c.Get(context.Background(), key)
		if err != nil {
			v = "error: " + err.Error()
		}
		out <- v
	}()
	return out
}

func receive(t *testing.T, ch chan string, what string) string {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(patience):
		t.Fatalf("timed out waiting for %s", what)
		return ""
	}
}

func TestGetLoadsOnceAndCaches(t *testing.T) {
	loader := &countingLoader{}
	c := New[string, string](time.Minute, newFakeClock(), loader.load)
	mustGet(t, c, "a", "a#1")
	mustGet(t, c, "a", "a#1")
	mustGet(t, c, "b", "b#2")
	if n := loader.count(); n != 2 {
		t.Errorf("loader called %d times, want 2", n)
	}
}

func TestEntriesExpireExactlyAfterTheTTL(t *testing.T) {
	clock, loader := newFakeClock(), &countingLoader{}
	c := New[string, string](10*time.Second, clock, loader.load)
	mustGet(t, c, "a", "a#1")
	clock.Advance(10*time.Second - time.Nanosecond)
	mustGet(t, c, "a", "a#1")
	clock.Advance(time.Nanosecond)
	mustGet(t, c, "a", "a#2")
	clock.Advance(9 * time.Second)
	mustGet(t, c, "a", "a#2")
}

func TestTTLStartsWhenTheLoadCompletes(t *testing.T) {
	clock := newFakeClock()
	var calls int64
	slow := func(_ context.Context, key string) (string, error) {
		n := atomic.AddInt64(&calls, 1)
		clock.Advance(5 * time.Second) // the load itself takes five seconds
		return fmt.Sprintf("%s#%d", key, n), nil
	}
	c := New[string, string](10*time.Second, clock, slow)
	mustGet(t, c, "a", "a#1")
	clock.Advance(9 * time.Second)
	mustGet(t, c, "a", "a#1")
	clock.Advance(time.Second)
	mustGet(t, c, "a", "a#2")
}

func TestSetStoresAValueForTheTTL(t *testing.T) {
	clock, loader := newFakeClock(), &countingLoader{}
	c := New[string, string](10*time.Second, clock, loader.load)
	mustGet(t, c, "a", "a#1")
	clock.Advance(8 * time.Second)
	c.Set("a", "manual")
	mustGet(t, c, "a", "manual")
	clock.Advance(9 * time.Second)
	mustGet(t, c, "a", "manual")
	c.Set("b", "other")
	mustGet(t, c, "b", "other")
	clock.Advance(time.Second)
	mustGet(t, c, "a", "a#2")
	if n := loader.count(); n != 2 {
		t.Errorf("loader called %d times, want 2", n)
	}
}

func TestInvalidateForcesAReload(t *testing.T) {
	loader := &countingLoader{}
	c := New[string, string](time.Minute, newFakeClock(), loader.load)
	mustGet(t, c, "a", "a#1")
	mustGet(t, c, "b", "b#2")
	c.Invalidate("a")
	c.Invalidate("never-seen")
	mustGet(t, c, "a", "a#3")
	mustGet(t, c, "b", "b#2")
}

func TestLoadErrorsAreReturnedButNotCached(t *testing.T) {
	errDown := errors.New("database down")
	var calls int64
	flaky := func(_ context.Context, key string) (string, error) {
		if atomic.AddInt64(&calls, 1) == 1 {
			return "", errDown
		}
		return key + "!", nil
	}
	c := New[string, string](time.Minute, newFakeClock(), flaky)
	if _, err := c.Get(context.Background(), "a"); !errors.Is(err, errDown) {
		t.Fatalf("first Get: err = %v, want the loader's error", err)
	}
	mustGet(t, c, "a", "a!")
	mustGet(t, c, "a", "a!")
	if n := atomic.LoadInt64(&calls); n != 2 {
		t.Errorf("loader called %d times, want 2", n)
	}
}

// gatedLoader blocks every call until release, after telling started; calls counts them.
type gatedLoader struct {
	calls   int64
	started chan string
	release chan struct{}
	err     error
}

func newGatedLoader() *gatedLoader {
	return &gatedLoader{started: make(chan string, 100), release: make(chan struct{})}
}

func (l *gatedLoader) load(_ context.Context, key string) (string, error) {
	n := atomic.AddInt64(&l.calls, 1)
	l.started <- key
	<-l.release
	return fmt.Sprintf("%s#%d", key, n), l.err
}

// pileUp starts n Gets of key and holds the first load for a moment: no second load of the key may
// start meanwhile. (A Get that arrives after the load has ended is not part of the pile.)
func pileUp(t *testing.T, c *Cache[string, string], l *gatedLoader, key string, n int) []chan string {
	t.Helper()
	results := make([]chan string, n)
	for i := range results {
		results[i] = getAsync(c, key)
	}
	receive(t, l.started, "the first load")
	select {
	case <-l.started:
		t.Errorf("%d concurrent Gets of a missing key started a second load while the first was in flight", n)
	case <-time.After(200 * time.Millisecond):
	}
	return results
}

func TestConcurrentGetsOfAMissingKeyShareOneLoad(t *testing.T) {
	loader := newGatedLoader()
	c := New[string, string](time.Minute, newFakeClock(), loader.load)
	results := pileUp(t, c, loader, "hot", 50)
	close(loader.release)
	for i, ch := range results {
		if v := receive(t, ch, fmt.Sprintf("Get #%d", i)); v != "hot#1" {
			t.Fatalf("Get #%d = %q, want hot#1", i, v)
		}
	}
	if n := atomic.LoadInt64(&loader.calls); n != 1 {
		t.Errorf("loader called %d times for 50 concurrent Gets, want 1", n)
	}
}

func TestConcurrentGetsShareALoadError(t *testing.T) {
	loader := newGatedLoader()
	loader.err = errors.New("timeout")
	c := New[string, string](time.Minute, newFakeClock(), loader.load)
	results := pileUp(t, c, loader, "hot", 20)
	close(loader.release)
	for i, ch := range results {
		if v := receive(t, ch, fmt.Sprintf("Get #%d", i)); v != "error: timeout" {
			t.Fatalf("Get #%d = %q, want the loader's error", i, v)
		}
	}
	// The error was not cached: the next Get loads again.
	loader.err = nil
	want := fmt.Sprintf("hot#%d", atomic.LoadInt64(&loader.calls)+1)
	mustGet(t, c, "hot", want)
}

func TestLoadsOfDifferentKeysDoNotWaitForEachOther(t *testing.T) {
	loader := newGatedLoader()
	c := New[string, string](time.Minute, newFakeClock(), loader.load)
	a := getAsync(c, "a")
	receive(t, loader.started, "the load of a")
	b := getAsync(c, "b")
	receive(t, loader.started, "the load of b to start while a is loading")
	close(loader.release)
	if v := receive(t, a, "Get(a)"); v != "a#1" {
		t.Errorf("Get(a) = %q", v)
	}
	if v := receive(t, b, "Get(b)"); v != "b#2" {
		t.Errorf("Get(b) = %q", v)
	}
}

func TestInvalidateDuringALoadDiscardsItsResult(t *testing.T) {
	loader := newGatedLoader()
	c := New[string, string](time.Minute, newFakeClock(), loader.load)
	first := getAsync(c, "a")
	receive(t, loader.started, "the first load")
	invalidated := make(chan string, 1)
	go func() { c.Invalidate("a"); invalidated <- "done" }()
	receive(t, invalidated, "Invalidate to return while a load is in flight")
	close(loader.release)
	if v := receive(t, first, "the first Get"); v != "a#1" {
		t.Fatalf("first Get = %q, want a#1 (its own load's result)", v)
	}
	// The value loaded before the invalidation may be stale: it must not be served from the cache.
	if v := receive(t, getAsync(c, "a"), "the Get after the invalidation"); v != "a#2" {
		t.Errorf("Get after Invalidate = %q, want a#2 from a fresh load", v)
	}
}
