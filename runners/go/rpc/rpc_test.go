package assayrpc

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// pair joins a tester's end and a solution's end serving funcs, in this one process.
func pair(t *testing.T, funcs map[string]any) *Conn {
	t.Helper()
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	served := map[string]reflect.Value{}
	for k, f := range funcs {
		served[k] = reflect.ValueOf(f)
	}
	newConn("s", os.NewFile(uintptr(fds[1]), "s"), serveTables(served, nil, nil))
	return newConn("t", os.NewFile(uintptr(fds[0]), "t"), serveTables(nil, nil, nil))
}

type record struct {
	Name  string
	At    time.Time
	Tags  map[string][]int
	Limit *int
}

func TestPlainDataCrossesAsItself(t *testing.T) {
	c := pair(t, map[string]any{"echo": func(r record) record { return r }})
	limit := 3
	in := record{Name: "a\nb", At: time.Date(2024, 1, 2, 3, 4, 5, 6, time.UTC), Tags: map[string][]int{"x": {1, 2}}, Limit: &limit}
	var out record
	c.requestPtrs(message{Op: "call", Name: "echo"}, []any{&in}, []any{&out})
	if out.Name != in.Name || !out.At.Equal(in.At) || !reflect.DeepEqual(out.Tags, in.Tags) || *out.Limit != 3 || out.Limit == &limit {
		t.Errorf("out = %+v", out)
	}
}

func TestAValueOfAnotherShapeIsRefused(t *testing.T) {
	c := pair(t, map[string]any{"int": func(n int) int { return n }})
	s := "1"
	var n int
	defer func() {
		if p := recover(); p == nil || !strings.Contains(p.(RemotePanic).Error(), "a str value where a int was expected") {
			t.Errorf("panic %v", p)
		}
	}()
	c.requestPtrs(message{Op: "call", Name: "int"}, []any{&s}, []any{&n})
}

var errSentinel = errors.New("sentinel")

type secret struct{ key string }

func (s *secret) Equal(any) bool { return true }

func TestObjectsCrossAsHandlesAndComeHomeAsThemselves(t *testing.T) {
	errDown := errors.New("down")
	c := pair(t, map[string]any{
		"apply":    func(f func(int) (int, error)) (int, error) { return f(20) },
		"wrap":     func(err error) error { return err },
		"make":     func() any { return &secret{"k"} },
		"sentinel": func() error { return errSentinel },
	})
	f := func(n int) (int, error) { return n + 1, errDown }
	var n int
	var err error
	c.requestPtrs(message{Op: "call", Name: "apply"}, []any{&f}, []any{&n, &err})
	if n != 21 || err != errDown {
		t.Errorf("apply = %d, %v (want the tester's own error back)", n, err)
	}
	var first, second error
	c.requestPtrs(message{Op: "call", Name: "sentinel"}, nil, []any{&first})
	c.requestPtrs(message{Op: "call", Name: "sentinel"}, nil, []any{&second})
	if first != second || first.Error() != "sentinel" {
		t.Errorf("one error of the solution arrived as %p and %p", first, second)
	}
	var obj any
	c.requestPtrs(message{Op: "call", Name: "make"}, nil, []any{&obj})
	// An object of the solution never arrives as itself: its Equal is not the tester's to call.
	if _, ok := obj.(*Remote); !ok {
		t.Errorf("make = %T", obj)
	}
}

func TestConcurrentCallsRunConcurrently(t *testing.T) {
	const n = 8
	var arrived sync.WaitGroup
	arrived.Add(n)
	c := pair(t, map[string]any{"meet": func() bool {
		arrived.Done()
		arrived.Wait() // returns only once all n calls are in at once
		return true
	}})
	done := make(chan bool, n)
	for i := 0; i < n; i++ {
		go func() {
			var ok bool
			c.requestPtrs(message{Op: "call", Name: "meet"}, nil, []any{&ok})
			done <- ok
		}()
	}
	for i := 0; i < n; i++ {
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("the calls were served one at a time")
		}
	}
}

func TestAPanicOfTheSolutionIsTheCallersPanic(t *testing.T) {
	c := pair(t, map[string]any{"boom": func() { panic("boom") }})
	defer func() {
		if p := recover(); p != RemotePanic("boom") {
			t.Errorf("panic %v", p)
		}
	}()
	c.requestPtrs(message{Op: "call", Name: "boom"}, nil, nil)
}

type money struct{ Cents int }

func (m money) Plus(o money) money { return money{m.Cents + o.Cents} }

func TestARecordsValueMethodsRunOnACopyOfIt(t *testing.T) {
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	newConn("s", os.NewFile(uintptr(fds[1]), "s"), serveTables(nil, nil, map[string]reflect.Type{"money": reflect.TypeOf(money{})}))
	c := newConn("t", os.NewFile(uintptr(fds[0]), "t"), serveTables(nil, nil, nil))
	self, other := money{2}, money{3}
	var sum money
	c.requestPtrs(message{Op: "vmethod", Name: "money.Plus"}, []any{&self, &other}, []any{&sum})
	if sum.Cents != 5 {
		t.Errorf("sum = %+v", sum)
	}
}
