package main

import (
	"fmt"
	"go/constant"
	"go/types"
	"strconv"
	"strings"
)

// exported is the package's exported objects, in a stable order.
func (s *Solution) exported() []types.Object {
	var out []types.Object
	for _, name := range s.pkg.Scope().Names() {
		if obj := s.pkg.Scope().Lookup(name); obj.Exported() {
			out = append(out, obj)
		}
	}
	return out
}

// StandIn is the stand-in package's source, for the tests' module.
func (s *Solution) StandIn() ([]byte, error) {
	w := newWriter(s.pkg, "")
	for _, obj := range s.exported() {
		switch obj := obj.(type) {
		case *types.TypeName:
			if err := s.standInType(w, obj); err != nil {
				return nil, err
			}
		case *types.Func:
			sig := obj.Type().(*types.Signature)
			decl, use := w.typeParams(sig.TypeParams())
			params, args, results := w.signature(sig)
			key := strconv.Quote(obj.Name())
			if use != "" {
				var targs []string
				for _, name := range strings.Split(strings.Trim(use, "[]"), ", ") {
					targs = append(targs, "assayrpc.T["+name+"]()")
				}
				key = fmt.Sprintf("assayrpc.Key(%s, %s)", key, strings.Join(targs, ", "))
			}
			w.printf("func %s%s%s {\n\tassayrpc.Call(%s, %s, %s)\n\treturn\n}\n\n", obj.Name(), decl, params, key, args, results)
		case *types.Const:
			if b, ok := obj.Type().(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
				w.printf("const %s = %s\n\n", obj.Name(), constText(obj.Val()))
			} else {
				w.printf("const %s %s = %s\n\n", obj.Name(), w.typ(obj.Type()), constText(obj.Val()))
			}
		case *types.Var:
			t := w.typ(obj.Type())
			w.printf("var %s %s = assayrpc.VarOf[%s](%q)\n\n", obj.Name(), t, t, obj.Name())
		}
	}
	return w.source(s.pkg.Name(), "the solution's exported API, forwarded to the solution's process", "assayrpc")
}

func constText(v constant.Value) string {
	if v.Kind() == constant.Float {
		f, _ := constant.Float64Val(v)
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return v.ExactString()
}

func (s *Solution) standInType(w *writer, obj *types.TypeName) error {
	if obj.IsAlias() {
		w.printf("type %s = %s\n\n", obj.Name(), w.typ(obj.Type()))
		return nil
	}
	named := obj.Type().(*types.Named)
	decl, use := w.typeParams(named.TypeParams())
	switch u := named.Underlying().(type) {
	case *types.Struct:
		if !isHandle(named) {
			w.printf("type %s%s %s\n\n", obj.Name(), decl, w.typ(u))
			for i := 0; i < named.NumMethods(); i++ {
				if m := named.Method(i); m.Exported() {
					params, args, results := w.signature(m.Type().(*types.Signature))
					w.printf("func (x %s) %s%s {\n\tassayrpc.ValueMethod(%q, &x, %q, %s, %s)\n\treturn\n}\n\n", obj.Name(), m.Name(), params, obj.Name(), m.Name(), args, results)
				}
			}
			return nil
		}
		w.printf("type %s%s struct {\n", obj.Name(), decl)
		for i := 0; i < u.NumFields(); i++ {
			if f := u.Field(i); f.Exported() {
				w.printf("\t%s %s\n", f.Name(), w.typ(f.Type()))
			}
		}
		w.printf("\tassayRef assayrpc.Ref\n}\n\n")
		for i := 0; i < named.NumMethods(); i++ {
			m := named.Method(i)
			if !m.Exported() {
				continue
			}
			sig := m.Type().(*types.Signature)
			recv, self := "x "+obj.Name()+use, "&x"
			if _, ptr := sig.Recv().Type().(*types.Pointer); ptr {
				recv, self = "x *"+obj.Name()+use, "x"
			}
			params, args, results := w.signature(sig)
			w.printf("func (%s) %s%s {\n\tassayrpc.Method(%s, %q, %s, %s)\n\treturn\n}\n\n", recv, m.Name(), params, self, m.Name(), args, results)
		}
	case *types.Interface:
		w.printf("type %s%s %s\n\n", obj.Name(), decl, w.typ(u))
		if decl == "" {
			s.proxy(w, obj)
		}
	default:
		if named.NumMethods() > 0 {
			return Unsupported{fmt.Sprintf("%s has methods but is not a struct: only a struct's methods can be called across", obj.Name())}
		}
		w.printf("type %s%s %s\n\n", obj.Name(), decl, w.typ(u))
	}
	return nil
}

// isHandle: a struct with unexported fields or with methods crosses as a handle (assayrpc's rule).
func isHandle(named *types.Named) bool {
	u := named.Underlying().(*types.Struct)
	for i := 0; i < u.NumFields(); i++ {
		if !u.Field(i).Exported() {
			return true
		}
	}
	for i := 0; i < named.NumMethods(); i++ {
		m := named.Method(i)
		_, ptr := m.Type().(*types.Signature).Recv().Type().(*types.Pointer)
		if m.Exported() && (ptr || named.TypeParams().Len() > 0) {
			return true
		}
	}
	return false
}

func isRecord(named *types.Named) bool {
	_, ok := named.Underlying().(*types.Struct)
	return ok && !isHandle(named)
}

// hasValueMethods: a record whose value methods the solution's process serves on a copy.
func hasValueMethods(named *types.Named) bool {
	for i := 0; i < named.NumMethods(); i++ {
		if named.Method(i).Exported() {
			return true
		}
	}
	return false
}

// proxy writes a stand-in type for the interface obj, for objects of the other side held as it.
func (s *Solution) proxy(w *writer, obj *types.TypeName) {
	iface := obj.Type().Underlying().(*types.Interface)
	for i := 0; i < iface.NumMethods(); i++ {
		if !iface.Method(i).Exported() {
			return // only the solution's own package could implement it
		}
	}
	name := "assayProxy" + obj.Name()
	w.printf("type %s struct{ assayRef assayrpc.Ref }\n\n", name)
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		params, args, results := w.signature(m.Type().(*types.Signature))
		w.printf("func (p *%s) %s%s {\n\tassayrpc.CallRef(p.assayRef, %q, %s, %s)\n\treturn\n}\n\n", name, m.Name(), params, m.Name(), args, results)
	}
	t := w.typ(obj.Type())
	w.printf("func init() {\n\tassayrpc.RegisterProxy(func(r assayrpc.Ref) %s { return &%s{r} })\n}\n\n", t, name)
}
