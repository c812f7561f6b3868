package assayrpc

import (
	"fmt"
	"reflect"
	"sync"
	"unsafe"
)

// handles are the objects this side has lent to the other, by id, and the stand-ins it has made for
// the other side's objects, so that one object always arrives as the same stand-in.
type handles struct {
	mu    sync.Mutex
	next  uint64
	byID  map[uint64]reflect.Value
	ids   map[any]uint64
	peers map[uint64]reflect.Value
}

func newHandles() *handles {
	return &handles{byID: map[uint64]reflect.Value{}, ids: map[any]uint64{}, peers: map[uint64]reflect.Value{}}
}

func (h *handles) put(v reflect.Value) uint64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	comparable := v.Kind() == reflect.Pointer || (v.Type().Comparable() && v.Kind() != reflect.Interface)
	if comparable {
		if id, ok := h.ids[v.Interface()]; ok {
			return id
		}
	}
	h.next++
	h.byID[h.next] = v
	if comparable {
		h.ids[v.Interface()] = h.next
	}
	return h.next
}

func (h *handles) get(id uint64) reflect.Value {
	h.mu.Lock()
	defer h.mu.Unlock()
	v, ok := h.byID[id]
	if !ok {
		panic(fmt.Sprintf("no object %d was lent", id))
	}
	return v
}

// Ref is a stand-in's link to the object it stands for, on the other side.
type Ref struct{ s *refState }

type refState struct {
	c     *Conn
	id    uint64
	owner string
	mu    sync.Mutex
	last  map[string]string // the mirrored fields as last synchronised, encoded
}

var refType = reflect.TypeOf(Ref{})

// refOf finds the Ref of a stand-in (a struct with an assayRef field, behind a pointer).
func refOf(v reflect.Value) (Ref, bool) {
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return Ref{}, false
	}
	f := v.Elem().FieldByName("assayRef")
	if !f.IsValid() || f.Type() != refType {
		return Ref{}, false
	}
	r := reflect.NewAt(refType, unsafe.Pointer(f.UnsafeAddr())).Elem().Interface().(Ref)
	return r, r.s != nil
}

func setRef(v reflect.Value, r Ref) {
	f := v.Elem().FieldByName("assayRef")
	reflect.NewAt(refType, unsafe.Pointer(f.UnsafeAddr())).Elem().Set(reflect.ValueOf(r))
}

// handle lends v to the other side, or, when v stands for an object of the other side, sends it home.
func (c *Conn) handle(v reflect.Value) value {
	if r, ok := refOf(v); ok {
		return value{K: "handle", H: r.s.id, O: r.s.owner}
	}
	out := value{K: "handle", H: c.handles.put(v), O: c.side}
	if err, ok := v.Interface().(error); ok {
		out.S = err.Error()
	}
	if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
		out.R = c.fields(v.Elem(), true)
	}
	return out
}

// decodeHandle is an object of either side as a t: this side's own object as itself, the other
// side's as a stand-in that forwards every call.
func (c *Conn) decodeHandle(v value, t reflect.Type) reflect.Value {
	if v.O == c.side {
		obj := c.handles.get(v.H)
		if !obj.Type().AssignableTo(t) {
			panic(fmt.Sprintf("a %s where a %s was expected", obj.Type(), t))
		}
		out := reflect.New(t).Elem()
		out.Set(obj)
		return out
	}
	ref := Ref{&refState{c: c, id: v.H, owner: v.O}}
	switch {
	case t.Kind() == reflect.Func:
		return reflect.MakeFunc(t, func(args []reflect.Value) []reflect.Value {
			return c.remoteCall(message{Op: "invoke", H: v.H}, t, args)
		})
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		if f, ok := t.Elem().FieldByName("assayRef"); ok && f.Type == refType {
			return c.standIn(v, t, ref)
		}
	case t.Kind() == reflect.Interface:
		if standIn, ok := c.interfaceStandIn(v, t, ref); ok {
			out := reflect.New(t).Elem()
			out.Set(standIn)
			return out
		}
	}
	panic(fmt.Sprintf("an object of the other side cannot stand in for a %s", t))
}

// interfaceStandIn is the one stand-in of the other side's object v held as the interface t: a
// generated proxy of one of the solution's interfaces, a RemoteError, or an opaque Remote. One object
// is one stand-in, so identity holds across the boundary (errors.Is(err, ErrNotFound)).
func (c *Conn) interfaceStandIn(v value, t reflect.Type, ref Ref) (reflect.Value, bool) {
	c.handles.mu.Lock()
	defer c.handles.mu.Unlock()
	if known, ok := c.handles.peers[v.H]; ok && known.Type().Implements(t) {
		return known, true
	}
	var made reflect.Value
	if make, ok := proxyFor(t); ok {
		made = make(ref)
	} else if t == errorType || (t.NumMethod() == 0 && v.S != "") {
		made = reflect.ValueOf(&RemoteError{assayRef: ref, msg: v.S})
	} else if t.NumMethod() == 0 {
		made = reflect.ValueOf(&Remote{assayRef: ref})
	} else {
		return reflect.Value{}, false
	}
	if _, ok := c.handles.peers[v.H]; !ok {
		c.handles.peers[v.H] = made
	}
	return made, true
}

// standIn is the one stand-in of the other side's object v, with its exported fields brought up to date.
func (c *Conn) standIn(v value, t reflect.Type, ref Ref) reflect.Value {
	c.handles.mu.Lock()
	p, ok := c.handles.peers[v.H]
	if !ok {
		p = reflect.New(t.Elem())
		setRef(p, ref)
		c.handles.peers[v.H] = p
	}
	c.handles.mu.Unlock()
	if p.Type() != t {
		panic(fmt.Sprintf("a %s where a %s was expected", p.Type(), t))
	}
	c.mirrorIn(p, v.R)
	return p
}

// RemoteError is an error of the other side: its text, and what it wraps, asked for when unwrapped.
type RemoteError struct {
	assayRef Ref
	msg      string
}

func (e *RemoteError) Error() string { return e.msg }

func (e *RemoteError) Unwrap() error {
	var out error
	res := e.assayRef.s.c.remoteCall(message{Op: "unwrap", H: e.assayRef.s.id}, reflect.TypeOf(func() error { return nil }), nil)
	if !res[0].IsNil() {
		out = res[0].Interface().(error)
	}
	return out
}

// Remote is an object of the other side held where any value would do.
type Remote struct{ assayRef Ref }

var (
	proxiesMu sync.Mutex
	proxies   = map[reflect.Type]func(Ref) reflect.Value{}
)

// RegisterProxy tells how to make a stand-in of the other side's object for the interface I
// (generated: one stand-in type per interface of the solution's package).
func RegisterProxy[I any](make func(Ref) I) {
	t := reflect.TypeOf((*I)(nil)).Elem()
	proxiesMu.Lock()
	defer proxiesMu.Unlock()
	proxies[t] = func(r Ref) reflect.Value { return reflect.ValueOf(make(r)) }
}

func proxyFor(t reflect.Type) (func(Ref) reflect.Value, bool) {
	proxiesMu.Lock()
	defer proxiesMu.Unlock()
	make, ok := proxies[t]
	return make, ok
}
