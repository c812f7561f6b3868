package main

import (
	"strings"
	"testing"
)

const cacheSource = `package solution

import (
	"context"
	"errors"
	"time"
)

var ErrClosed = errors.New("closed")

const Version = "1"

type Clock interface{ Now() time.Time }

type LoadFunc[K comparable, V any] func(ctx context.Context, key K) (V, error)

type Options struct{ Size int }

type Money struct{ Cents int }

func (m Money) Plus(o Money) Money { return Money{m.Cents + o.Cents} }

type Cache[K comparable, V any] struct {
	Hits int
	load LoadFunc[K, V]
}

func New[K comparable, V any](ttl time.Duration, clock Clock, load LoadFunc[K, V]) *Cache[K, V] {
	return &Cache[K, V]{load: load}
}

func (c *Cache[K, V]) Get(ctx context.Context, key K) (V, error) { return c.load(ctx, key) }

func (c *Cache[K, V]) helper() {}

func Sum(xs ...int) int { return len(xs) }
`

const cacheTest = `package solution

import (
	"context"
	"testing"
	"time"
)

func TestX(t *testing.T) {
	c := New[string, int](time.Second, nil, func(context.Context, string) (int, error) { return 1, nil })
	c.Get(context.Background(), "a")
	_ = Sum(1, 2) + c.Hits
	_ = Options{Size: 1}
}
`

func generated(t *testing.T, tests string) (standIn, server string) {
	t.Helper()
	sol, err := CheckSolution(map[string][]byte{"solution/cache.go": []byte(cacheSource)})
	if err != nil {
		t.Fatal(err)
	}
	stub, err := sol.StandIn()
	if err != nil {
		t.Fatal(err)
	}
	funcs, targs, names, err := sol.Instances(stub, map[string][]byte{"tests/cache_test.go": []byte(tests)})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(names, ",") != "TestX" {
		t.Errorf("test names %v", names)
	}
	main, err := sol.Server(funcs, targs)
	if err != nil {
		t.Fatal(err)
	}
	return string(stub), string(main)
}

func TestTheStandInHasTheExportedAPIAndForwardsIt(t *testing.T) {
	stub, _ := generated(t, cacheTest)
	for _, want := range []string{
		"type Cache[K comparable, V any] struct {\n\tHits     int\n\tassayRef assayrpc.Ref\n}",
		`assayrpc.Call(assayrpc.Key("New", assayrpc.T[K](), assayrpc.T[V]()), []any{&p0, &p1, &p2}, []any{&r0})`,
		`func (x *Cache[K, V]) Get(p0 context.Context, p1 K) (r0 V, r1 error) {`,
		"type Options struct{ Size int }",
		`func (x Money) Plus(p0 Money) (r0 Money) {
	assayrpc.ValueMethod("Money", &x, "Plus", []any{&p0}, []any{&r0})`,
		"func Sum(p0 ...int) (r0 int) {",
		`var ErrClosed error = assayrpc.VarOf[error]("ErrClosed")`,
		`const Version = "1"`,
		"type assayProxyClock struct{ assayRef assayrpc.Ref }",
	} {
		if !strings.Contains(stub, want) {
			t.Errorf("stand-in lacks %q:\n%s", want, stub)
		}
	}
	if strings.Contains(stub, "helper") || strings.Contains(stub, "load") {
		t.Errorf("the stand-in shows unexported names:\n%s", stub)
	}
}

func TestTheServerServesTheInstancesTheTestsUse(t *testing.T) {
	_, main := generated(t, cacheTest)
	for _, want := range []string{`"New[string,int]": solution.New[string, int],`, `"Sum":             solution.Sum,`, `"ErrClosed": &solution.ErrClosed,`, `"Money": (*solution.Money)(nil),`} {
		if !strings.Contains(main, want) {
			t.Errorf("server lacks %q:\n%s", want, main)
		}
	}
}

func TestTestsOfAnotherAPIAreACompileError(t *testing.T) {
	sol, _ := CheckSolution(map[string][]byte{"solution/cache.go": []byte(cacheSource)})
	stub, _ := sol.StandIn()
	_, _, _, err := sol.Instances(stub, map[string][]byte{"tests/a_test.go": []byte("package solution\n\nfunc f() { Missing() }\n")})
	if _, ok := err.(TypeErrors); !ok || !strings.Contains(err.Error(), "undeclared name: Missing") {
		t.Errorf("err = %v", err)
	}
}

func TestTestTypesCannotInstantiateTheSolution(t *testing.T) {
	sol, _ := CheckSolution(map[string][]byte{"solution/cache.go": []byte(cacheSource)})
	stub, _ := sol.StandIn()
	test := "package solution\n\ntype mine struct{}\n\nvar _ = New[string, mine]\n"
	if _, _, _, err := sol.Instances(stub, map[string][]byte{"tests/a_test.go": []byte(test)}); !strings.Contains(err.Error(), "their own type mine") {
		t.Errorf("err = %v", err)
	}
}
