package assayrpc

import (
	"encoding/json"
	"reflect"
)

// A stand-in of a struct of the solution's package carries copies of its exported fields (tests read
// c.Limit). They are synchronised around each method call: the fields the tests changed go with the
// call, and the object's fields come back with the reply. Only changed fields go, so that concurrent
// calls never write a stale copy over the object's own state.

// mirrorIn sets the stand-in's fields from the object's, remembering them as synchronised.
func (c *Conn) mirrorIn(p reflect.Value, fields map[string]value) {
	if len(fields) == 0 {
		return
	}
	r, _ := refOf(p)
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if r.s.last == nil {
		r.s.last = map[string]string{}
	}
	s := p.Elem()
	for name, fv := range fields {
		f := s.FieldByName(name)
		if !f.IsValid() || !f.CanSet() {
			continue
		}
		f.Set(c.decode(fv, f.Type()))
		r.s.last[name] = encoded(c.encode(f, f.Type()))
	}
}

// mirrorOut is the stand-in's fields that changed since they were last synchronised.
func (c *Conn) mirrorOut(p reflect.Value) map[string]value {
	r, _ := refOf(p)
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	changed := map[string]value{}
	for name, last := range r.s.last {
		f := p.Elem().FieldByName(name)
		if v := c.encode(f, f.Type()); encoded(v) != last {
			changed[name] = v
		}
	}
	return changed
}

// applyFields sets the fields a call brought on the object it is made on.
func (c *Conn) applyFields(obj reflect.Value, fields map[string]value) {
	if len(fields) == 0 {
		return
	}
	if obj.Kind() != reflect.Pointer || obj.Elem().Kind() != reflect.Struct {
		panic("fields for an object that has none")
	}
	s := obj.Elem()
	for name, fv := range fields {
		sf, ok := s.Type().FieldByName(name)
		if !ok || !sf.IsExported() || len(sf.Index) != 1 {
			panic("no field " + name)
		}
		s.FieldByIndex(sf.Index).Set(c.decode(fv, sf.Type))
	}
}

func encoded(v value) string {
	b, _ := json.Marshal(v)
	return string(b)
}
