package solution

import "errors"

var ErrNotFound = errors.New("not found")

type Pair struct{ Left, Right string }

func Total(xs []int) int { return 0 }

func MakePair(left, right string) Pair { return Pair{} }

type Counter struct{ n int }

func NewCounter() *Counter { return &Counter{} }

func (c *Counter) Add(n int) {}

func (c *Counter) Value() int { return 0 }

func Apply(f func(int) int, x int) int { return 0 }

func Find(key string) error { return nil }
