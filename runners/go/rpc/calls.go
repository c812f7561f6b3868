package assayrpc

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
)

// remoteCall makes a call whose parameters and results are those of the func type t.
func (c *Conn) remoteCall(m message, t reflect.Type, args []reflect.Value) []reflect.Value {
	m.Args = make([]value, len(args))
	for i, a := range args {
		m.Args[i] = c.encode(a, t.In(i))
	}
	reply := c.request(m)
	if len(reply.Res) != t.NumOut() {
		panic(fmt.Sprintf("%d results where %d were expected", len(reply.Res), t.NumOut()))
	}
	out := make([]reflect.Value, t.NumOut())
	for i := range out {
		out[i] = c.decode(reply.Res[i], t.Out(i))
	}
	return out
}

// requestPtrs makes a call from a stand-in: args and results are pointers to its own parameters and
// named results, so each crosses as its declared type.
func (c *Conn) requestPtrs(m message, args, results []any) message {
	m.Args = make([]value, len(args))
	for i, a := range args {
		v := reflect.ValueOf(a).Elem()
		m.Args[i] = c.encode(v, v.Type())
	}
	reply := c.request(m)
	if len(reply.Res) != len(results) {
		panic(fmt.Sprintf("%d results where %d were expected", len(reply.Res), len(results)))
	}
	for i, r := range results {
		v := reflect.ValueOf(r).Elem()
		v.Set(c.decode(reply.Res[i], v.Type()))
	}
	return reply
}

// serve answers a request: a function or variable of the solution's package (tables only the
// solution's process has), a method of a lent object, a lent func, what a lent error wraps.
func serveTables(funcs, vars map[string]reflect.Value, records map[string]reflect.Type) func(*Conn, message) ([]value, map[string]value) {
	return func(c *Conn, m message) ([]value, map[string]value) {
		switch m.Op {
		case "vmethod":
			i := strings.LastIndexByte(m.Name, '.')
			t, ok := records[m.Name[:max(i, 0)]]
			if i < 0 || !ok || len(m.Args) == 0 {
				panic(fmt.Sprintf("no record method %s is served", m.Name))
			}
			method := c.decode(m.Args[0], t).MethodByName(m.Name[i+1:])
			if !method.IsValid() {
				panic(fmt.Sprintf("a %s has no method %s", t, m.Name[i+1:]))
			}
			return c.call(method, m.Args[1:]), nil
		case "call":
			fn, ok := funcs[m.Name]
			if !ok {
				panic(fmt.Sprintf("no function %s is served", m.Name))
			}
			return c.call(fn, m.Args), nil
		case "var":
			v, ok := vars[m.Name]
			if !ok {
				panic(fmt.Sprintf("no variable %s is served", m.Name))
			}
			return []value{c.encode(v, v.Type())}, nil
		}
		obj := c.handles.get(m.H)
		switch m.Op {
		case "method":
			c.applyFields(obj, m.Fields)
			method := obj.MethodByName(m.Name)
			if !method.IsValid() {
				panic(fmt.Sprintf("a %s has no method %s", obj.Type(), m.Name))
			}
			res := c.call(method, m.Args)
			if obj.Kind() == reflect.Pointer && obj.Elem().Kind() == reflect.Struct {
				return res, c.fields(obj.Elem(), true)
			}
			return res, nil
		case "invoke":
			if obj.Kind() != reflect.Func {
				panic(fmt.Sprintf("a %s cannot be called", obj.Type()))
			}
			return c.call(obj, m.Args), nil
		case "unwrap":
			err, ok := obj.Interface().(error)
			if !ok {
				panic(fmt.Sprintf("a %s is not an error", obj.Type()))
			}
			inner := unwrap(err)
			return []value{c.encode(reflect.ValueOf(&inner).Elem(), errorType)}, nil
		}
		panic(fmt.Sprintf("unknown request %q", m.Op))
	}
}

func unwrap(err error) error {
	if u, ok := err.(interface{ Unwrap() error }); ok {
		return u.Unwrap()
	}
	return nil
}

// Serve is the solution's process: it serves the solution's package (funcs by key; vars and the record
// types whose value methods it serves by name, as pointers) until the tests' process is gone. It says
// it is ready (its package initialised) on fd 4.
func Serve(funcs, vars, records map[string]any) {
	fv, vv, rt := map[string]reflect.Value{}, map[string]reflect.Value{}, map[string]reflect.Type{}
	for k, p := range records {
		rt[k] = reflect.TypeOf(p).Elem()
	}
	for k, f := range funcs {
		fv[k] = reflect.ValueOf(f)
	}
	for k, p := range vars {
		vv[k] = reflect.ValueOf(p).Elem()
	}
	newConn("s", os.NewFile(ConnFd, "assay-boundary"), serveTables(fv, vv, rt))
	ready := os.NewFile(4, "assay-ready")
	ready.Write([]byte("ready\n"))
	ready.Close()
	select {}
}

var (
	testerOnce sync.Once
	tester     *Conn
)

// conn is the tester's end: it lends the tests' objects (a fake clock, a loader) and serves nothing else.
func conn() *Conn {
	testerOnce.Do(func() {
		tester = newConn("t", os.NewFile(ConnFd, "assay-boundary"), serveTables(nil, nil, nil))
	})
	return tester
}

// Key names a function of the solution's package as served: generic ones with their type arguments.
func Key(name string, targs ...reflect.Type) string {
	if len(targs) == 0 {
		return name
	}
	names := make([]string, len(targs))
	for i, t := range targs {
		names[i] = t.String()
	}
	return name + "[" + strings.Join(names, ",") + "]"
}

// T is a type argument, for Key.
func T[X any]() reflect.Type { return reflect.TypeOf((*X)(nil)).Elem() }

// Call calls a function of the solution's package (generated stand-ins of its functions).
func Call(key string, args, results []any) {
	c := conn()
	c.requestPtrs(message{Op: "call", Name: key}, args, results)
}

// Method calls a method of the object self stands for (generated stand-ins of its methods).
func Method(self any, name string, args, results []any) {
	p := reflect.ValueOf(self)
	r, ok := refOf(p)
	if !ok {
		panic(fmt.Sprintf("this %s was not made by the solution: only values it returned can be used", p.Type()))
	}
	reply := r.s.c.requestPtrs(message{Op: "method", H: r.s.id, Name: name, Fields: r.s.c.mirrorOut(p)}, args, results)
	r.s.c.mirrorIn(p, reply.Fields)
}

// ValueMethod calls a value method of a record of the solution's type typeName, on a copy of *self.
func ValueMethod(typeName string, self any, name string, args, results []any) {
	conn().requestPtrs(message{Op: "vmethod", Name: typeName + "." + name}, append([]any{self}, args...), results)
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// CallRef calls a method of an interface stand-in (generated proxies of the solution's interfaces).
func CallRef(r Ref, name string, args, results []any) {
	r.s.c.requestPtrs(message{Op: "method", H: r.s.id, Name: name}, args, results)
}

// VarOf is a variable of the solution's package, read once, when the stand-in package initialises.
func VarOf[X any](name string) (x X) {
	conn().requestPtrs(message{Op: "var", Name: name}, nil, []any{&x})
	return x
}
