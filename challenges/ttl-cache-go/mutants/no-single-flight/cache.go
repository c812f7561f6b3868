// Package solution is a read-through cache with a time-to-live.
package solution

import (
	"context"
	"sync"
	"time"
)

type Clock interface {
	Now() time.Time
}

type LoadFunc[K comparable, V any] func(ctx context.Context, key K) (V, error)

type entry[V any] struct {
	value   V
	expires time.Time
}

// Cache locks its map, but every miss calls the loader: a burst of Gets is a burst of loads.
type Cache[K comparable, V any] struct {
	ttl   time.Duration
	clock Clock
	load  LoadFunc[K, V]

	mu      sync.Mutex
	entries map[K]entry[V]
}

func New[K comparable, V any](ttl time.Duration, clock Clock, load LoadFunc[K, V]) *Cache[K, V] {
	return &Cache[K, V]{ttl: ttl, clock: clock, load: load, entries: map[K]entry[V]{}}
}

func (c *Cache[K, V]) Get(ctx context.Context, key K) (V, error) {
	c.mu.Lock()
	e, ok := c.entries[key]
	c.mu.Unlock()
	if ok && c.clock.Now().Before(e.expires) {
		return e.value, nil
	}
	value, err := c.load(ctx, key)
	if err != nil {
		return value, err
	}
	c.Set(key, value)
	return value, nil
}

func (c *Cache[K, V]) Set(key K, value V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key] = entry[V]{value: value, expires: c.clock.Now().Add(c.ttl)}
}

func (c *Cache[K, V]) Invalidate(key K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, key)
}
