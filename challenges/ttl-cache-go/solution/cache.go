// Package solution is a read-through cache with a time-to-live.
package solution

import (
	"context"
	"errors"
	"sync"
	"time"
)

var errLoaderPanicked = errors.New("ttlcache: the loader panicked")

// Clock tells the time. Production code passes a clock reading time.Now; tests pass a fake one.
type Clock interface {
	Now() time.Time
}

// LoadFunc loads the value of a key the cache does not hold.
type LoadFunc[K comparable, V any] func(ctx context.Context, key K) (V, error)

type entry[V any] struct {
	value   V
	expires time.Time
}

// flight is one load in progress; its waiters read value and err once done is closed.
type flight[V any] struct {
	done      chan struct{}
	value     V
	err       error
	discarded bool // invalidated while loading: the result is not stored
}

// Cache holds values for ttl after they are loaded or set. It is safe for concurrent use.
type Cache[K comparable, V any] struct {
	ttl   time.Duration
	clock Clock
	load  LoadFunc[K, V]

	mu      sync.Mutex
	entries map[K]entry[V]
	flights map[K]*flight[V]
}

func New[K comparable, V any](ttl time.Duration, clock Clock, load LoadFunc[K, V]) *Cache[K, V] {
	return &Cache[K, V]{ttl: ttl, clock: clock, load: load, entries: map[K]entry[V]{}, flights: map[K]*flight[V]{}}
}

// Get returns the key's value, loading it if it is missing or expired. Concurrent Gets of the same
// key share one load.
func (c *Cache[K, V]) Get(ctx context.Context, key K) (V, error) {
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		if c.clock.Now().Before(e.expires) {
			c.mu.Unlock()
			return e.value, nil
		}
		delete(c.entries, key)
	}
	f, loading := c.flights[key]
	if !loading {
		f = &flight[V]{done: make(chan struct{})}
		c.flights[key] = f
	}
	c.mu.Unlock()

	if loading {
		select {
		case <-f.done:
			return f.value, f.err
		case <-ctx.Done():
			var zero V
			return zero, ctx.Err()
		}
	}

	c.fly(ctx, key, f)
	return f.value, f.err
}

// fly runs one load and hands its result to the flight's waiters, even if the loader panics.
func (c *Cache[K, V]) fly(ctx context.Context, key K, f *flight[V]) {
	f.err = errLoaderPanicked
	defer func() {
		c.mu.Lock()
		// Invalidate may have replaced this flight with a newer one, which is not ours to end.
		if c.flights[key] == f {
			delete(c.flights, key)
		}
		if f.err == nil && !f.discarded {
			c.entries[key] = entry[V]{value: f.value, expires: c.clock.Now().Add(c.ttl)}
		}
		c.mu.Unlock()
		close(f.done)
	}()
	f.value, f.err = c.load(ctx, key)
}

// Set stores a value, replacing any other, for ttl from now. A load in flight for the key will not
// overwrite it.
func (c *Cache[K, V]) Set(key K, value V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key] = entry[V]{value: value, expires: c.clock.Now().Add(c.ttl)}
	if f, ok := c.flights[key]; ok {
		f.discarded = true
	}
}

// Invalidate removes the key; a load in flight for it will not be stored.
func (c *Cache[K, V]) Invalidate(key K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, key)
	if f, ok := c.flights[key]; ok {
		f.discarded = true
		delete(c.flights, key)
	}
}
