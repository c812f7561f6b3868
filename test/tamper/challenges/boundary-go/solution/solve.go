package solution

import (
	"errors"
	"sync"
)

var ErrNotFound = errors.New("not found")

type Pair struct{ Left, Right string }

func Total(xs []int) int {
	sum := 0
	for _, x := range xs {
		sum += x
	}
	return sum
}

func MakePair(left, right string) Pair { return Pair{left, right} }

type Counter struct {
	mu sync.Mutex
	n  int
}

func NewCounter() *Counter { return &Counter{} }

func (c *Counter) Add(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n += n
}

func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func Apply(f func(int) int, x int) int { return f(x) }

func Find(key string) error {
	if key == "present" {
		return nil
	}
	return ErrNotFound
}
