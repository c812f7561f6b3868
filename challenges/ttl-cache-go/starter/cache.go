// Package solution is a read-through cache with a time-to-live.
package solution

import (
	"context"
	"errors"
	"time"
)

// Clock tells the time. Production code passes a clock reading time.Now; tests pass a fake one.
type Clock interface {
	Now() time.Time
}

// LoadFunc loads the value of a key the cache does not hold.
type LoadFunc[K comparable, V any] func(ctx context.Context, key K) (V, error)

// Cache holds values for ttl after they are loaded or set. It must be safe for concurrent use.
type Cache[K comparable, V any] struct {
	ttl   time.Duration
	clock Clock
	load  LoadFunc[K, V]
}

func New[K comparable, V any](ttl time.Duration, clock Clock, load LoadFunc[K, V]) *Cache[K, V] {
	return &Cache[K, V]{ttl: ttl, clock: clock, load: load}
}

// Get returns the key's value, loading it if it is missing or expired.
func (c *Cache[K, V]) Get(ctx context.Context, key K) (V, error) {
	var zero V
	return zero, errors.New("not implemented")
}

// Set stores a value for ttl from now.
func (c *Cache[K, V]) Set(key K, value V) {}

// Invalidate removes the key.
func (c *Cache[K, V]) Invalidate(key K) {}
