package assayrpc

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// value is one value on the wire, rebuilt by the receiver as the type it expects, or refused.
// K: null, bool, int, uint, float, str (S holds the text), time (RFC 3339), list (L), map (L holds key,
// value, key, value…), rec (R: exported fields), ptr (L: the one value pointed to, copied), ctx (a
// context: it arrives as context.Background), handle (H, owned by side O; S an error's text, R the
// exported fields of its struct).
type value struct {
	K string           `json:"k"`
	S string           `json:"s,omitempty"`
	L []value          `json:"l,omitempty"`
	R map[string]value `json:"r,omitempty"`
	H uint64           `json:"h,omitempty"`
	O string           `json:"o,omitempty"`
}

var (
	errorType   = reflect.TypeOf((*error)(nil)).Elem()
	contextType = reflect.TypeOf((*context.Context)(nil)).Elem()
	timeType    = reflect.TypeOf(time.Time{})
)

// encode writes v, whose declared type is t: an interface with methods crosses as a handle to what it
// holds, an empty interface as the data it holds.
func (c *Conn) encode(v reflect.Value, t reflect.Type) value {
	switch t.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return value{K: "null"}
		}
		if t == contextType {
			return value{K: "ctx"}
		}
		if t.NumMethod() == 0 {
			return c.encode(v.Elem(), v.Elem().Type())
		}
		return c.handle(v.Elem())
	case reflect.Bool:
		return value{K: "bool", S: strconv.FormatBool(v.Bool())}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return value{K: "int", S: strconv.FormatInt(v.Int(), 10)}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return value{K: "uint", S: strconv.FormatUint(v.Uint(), 10)}
	case reflect.Float32, reflect.Float64:
		return value{K: "float", S: strconv.FormatFloat(v.Float(), 'g', -1, 64)}
	case reflect.String:
		return value{K: "str", S: v.String()}
	case reflect.Slice, reflect.Map:
		if v.IsNil() {
			return value{K: "null"}
		}
		if t.Kind() == reflect.Map {
			return c.encodeMap(v, t)
		}
		return c.encodeList(v, t)
	case reflect.Array:
		return c.encodeList(v, t)
	case reflect.Struct:
		if t == timeType {
			return value{K: "time", S: v.Interface().(time.Time).Format(time.RFC3339Nano)}
		}
		if isHandleStruct(t) {
			panic(fmt.Sprintf("a %s crosses the boundary only behind a pointer", t))
		}
		return value{K: "rec", R: c.fields(v, false)}
	case reflect.Pointer:
		if v.IsNil() {
			return value{K: "null"}
		}
		if t.Elem().Kind() == reflect.Struct && isHandleStruct(t.Elem()) {
			return c.handle(v)
		}
		return value{K: "ptr", L: []value{c.encode(v.Elem(), t.Elem())}}
	case reflect.Func:
		if v.IsNil() {
			return value{K: "null"}
		}
		return c.handle(v)
	}
	panic(fmt.Sprintf("a %s cannot cross the boundary", t))
}

func (c *Conn) encodeList(v reflect.Value, t reflect.Type) value {
	items := make([]value, v.Len())
	for i := range items {
		items[i] = c.encode(v.Index(i), t.Elem())
	}
	return value{K: "list", L: items}
}

func (c *Conn) encodeMap(v reflect.Value, t reflect.Type) value {
	keys := v.MapKeys()
	pairs := make([][2]value, len(keys))
	for i, k := range keys {
		pairs[i] = [2]value{c.encode(k, t.Key()), c.encode(v.MapIndex(k), t.Elem())}
	}
	// In an order of their own, so one map always crosses as the same bytes.
	sort.Slice(pairs, func(i, j int) bool { return fmt.Sprint(pairs[i][0]) < fmt.Sprint(pairs[j][0]) })
	items := make([]value, 0, 2*len(pairs))
	for _, p := range pairs {
		items = append(items, p[0], p[1])
	}
	return value{K: "map", L: items}
}

// fields are a struct's exported fields; lenient (a handle's mirror) skips those that cannot cross.
func (c *Conn) fields(v reflect.Value, lenient bool) map[string]value {
	out := map[string]value{}
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if lenient {
			if fv, ok := c.tryEncode(v.Field(i), f.Type); ok {
				out[f.Name] = fv
			}
			continue
		}
		out[f.Name] = c.encode(v.Field(i), f.Type)
	}
	return out
}

func (c *Conn) tryEncode(v reflect.Value, t reflect.Type) (out value, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return c.encode(v, t), true
}

// isHandleStruct: a struct with unexported fields or with methods on its pointer is an object, not a
// record (so is a generic one with methods: no table could rebuild it). A record's value methods are
// served on a copy rebuilt from it (ValueMethod).
func isHandleStruct(t reflect.Type) bool {
	if t == timeType {
		return false
	}
	if reflect.PointerTo(t).NumMethod() > t.NumMethod() || (t.NumMethod() > 0 && strings.Contains(t.Name(), "[")) {
		return true
	}
	for i := 0; i < t.NumField(); i++ {
		if !t.Field(i).IsExported() {
			return true
		}
	}
	return false
}

// decode rebuilds v as a value of type t, or panics saying why it cannot.
func (c *Conn) decode(v value, t reflect.Type) reflect.Value {
	out := reflect.New(t).Elem()
	if v.K == "null" {
		switch t.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Slice, reflect.Map, reflect.Func:
			return out
		}
		panic(fmt.Sprintf("nil where a %s was expected", t))
	}
	if v.K == "handle" {
		return c.decodeHandle(v, t)
	}
	mismatch := func() { panic(fmt.Sprintf("a %s value where a %s was expected", v.K, t)) }
	switch t.Kind() {
	case reflect.Interface:
		switch {
		case t == contextType && v.K == "ctx":
			out.Set(reflect.ValueOf(context.Background()))
		case t.NumMethod() == 0:
			if natural := c.decodeAny(v); natural != nil {
				out.Set(reflect.ValueOf(natural))
			}
		default:
			mismatch()
		}
	case reflect.Bool:
		if v.K != "bool" {
			mismatch()
		}
		b, err := strconv.ParseBool(v.S)
		check(err)
		out.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if v.K != "int" {
			mismatch()
		}
		n, err := strconv.ParseInt(v.S, 10, t.Bits())
		check(err)
		out.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if v.K != "uint" {
			mismatch()
		}
		n, err := strconv.ParseUint(v.S, 10, t.Bits())
		check(err)
		out.SetUint(n)
	case reflect.Float32, reflect.Float64:
		if v.K != "float" {
			mismatch()
		}
		f, err := strconv.ParseFloat(v.S, t.Bits())
		check(err)
		out.SetFloat(f)
	case reflect.String:
		if v.K != "str" {
			mismatch()
		}
		out.SetString(v.S)
	case reflect.Slice:
		if v.K != "list" {
			mismatch()
		}
		out.Set(reflect.MakeSlice(t, len(v.L), len(v.L)))
		for i, item := range v.L {
			out.Index(i).Set(c.decode(item, t.Elem()))
		}
	case reflect.Array:
		if v.K != "list" || len(v.L) != t.Len() {
			mismatch()
		}
		for i, item := range v.L {
			out.Index(i).Set(c.decode(item, t.Elem()))
		}
	case reflect.Map:
		if v.K != "map" || len(v.L)%2 != 0 {
			mismatch()
		}
		out.Set(reflect.MakeMapWithSize(t, len(v.L)/2))
		for i := 0; i < len(v.L); i += 2 {
			out.SetMapIndex(c.decode(v.L[i], t.Key()), c.decode(v.L[i+1], t.Elem()))
		}
	case reflect.Struct:
		if t == timeType {
			if v.K != "time" {
				mismatch()
			}
			tm, err := time.Parse(time.RFC3339Nano, v.S)
			check(err)
			out.Set(reflect.ValueOf(tm))
			break
		}
		if v.K != "rec" || isHandleStruct(t) {
			mismatch()
		}
		c.setFields(out, v.R, true)
	case reflect.Pointer:
		if v.K != "ptr" || len(v.L) != 1 {
			mismatch()
		}
		p := reflect.New(t.Elem())
		p.Elem().Set(c.decode(v.L[0], t.Elem()))
		out.Set(p)
	default:
		panic(fmt.Sprintf("a %s cannot cross the boundary", t))
	}
	return out
}

// setFields sets a struct's exported fields from a record; strict: exactly the struct's exported fields.
func (c *Conn) setFields(s reflect.Value, fields map[string]value, strict bool) {
	t := s.Type()
	seen := 0
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fv, ok := fields[f.Name]
		if !f.IsExported() || !ok {
			if strict && f.IsExported() {
				panic(fmt.Sprintf("a %s without its field %s", t, f.Name))
			}
			continue
		}
		seen++
		s.Field(i).Set(c.decode(fv, f.Type))
	}
	if strict && seen != len(fields) {
		panic(fmt.Sprintf("a %s with fields it does not have", t))
	}
}

// decodeAny is a value where any value will do, as Go's own types.
func (c *Conn) decodeAny(v value) any {
	var t reflect.Type
	switch v.K {
	case "bool":
		t = reflect.TypeOf(false)
	case "int":
		t = reflect.TypeOf(0)
	case "uint":
		t = reflect.TypeOf(uint(0))
	case "float":
		t = reflect.TypeOf(0.0)
	case "str":
		t = reflect.TypeOf("")
	case "time":
		t = timeType
	case "list":
		t = reflect.TypeOf([]any{})
	case "map":
		t = reflect.TypeOf(map[any]any{})
	case "rec":
		out := map[string]any{}
		for name, f := range v.R {
			out[name] = c.decodeAny(f)
		}
		return out
	case "ptr":
		return c.decodeAny(v.L[0])
	case "ctx":
		return context.Background()
	default:
		panic(fmt.Sprintf("a %s value cannot be rebuilt", v.K))
	}
	return c.decode(v, t).Interface()
}

func check(err error) {
	if err != nil {
		panic(err.Error())
	}
}
