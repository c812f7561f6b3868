package main

import (
	"go/types"
	"sort"
	"strings"
)

// maxStack is the most stack one goroutine of the solution's process may use.
const maxStack = 32 << 20

// Server is the main of the solution's process: a table of what the stand-ins may call.
func (s *Solution) Server(funcs map[string]*types.Func, targs map[string][]types.Type) ([]byte, error) {
	local := s.pkg.Name()
	w := newWriter(s.pkg, local)
	w.imports[local] = ModuleName
	for _, obj := range s.exported() {
		if tn, ok := obj.(*types.TypeName); ok && !tn.IsAlias() {
			if _, ok := tn.Type().Underlying().(*types.Interface); ok && tn.Type().(*types.Named).TypeParams().Len() == 0 {
				s.proxy(w, tn)
			}
		}
	}
	// A deep recursion ends as go's "fatal error: stack overflow", which the harness names, well
	// before the default 1 GB stack would end it as the sandbox's memory limit.
	w.printf("func main() {\n\tdebug.SetMaxStack(%d)\n\tassayrpc.Serve(map[string]any{\n", maxStack)
	for _, obj := range s.exported() {
		if fn, ok := obj.(*types.Func); ok && fn.Type().(*types.Signature).TypeParams().Len() == 0 {
			w.printf("\t\t%q: %s.%s,\n", fn.Name(), local, fn.Name())
		}
	}
	keys := make([]string, 0, len(funcs))
	for key := range funcs {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		var args []string
		for _, t := range targs[key] {
			args = append(args, w.typ(t))
		}
		w.printf("\t\t%q: %s.%s[%s],\n", key, local, funcs[key].Name(), strings.Join(args, ", "))
	}
	w.printf("\t}, map[string]any{\n")
	for _, obj := range s.exported() {
		if v, ok := obj.(*types.Var); ok {
			w.printf("\t\t%q: &%s.%s,\n", v.Name(), local, v.Name())
		}
	}
	w.printf("\t}, map[string]any{\n")
	for _, obj := range s.exported() {
		if tn, ok := obj.(*types.TypeName); ok && !tn.IsAlias() {
			if named := tn.Type().(*types.Named); isRecord(named) && hasValueMethods(named) {
				w.printf("\t\t%q: (*%s.%s)(nil),\n", tn.Name(), local, tn.Name())
			}
		}
	}
	w.printf("\t})\n}\n")
	return w.source("main", "the solution's process: serves the solution's package to the tests", "assayrpc", "runtime/debug")
}
