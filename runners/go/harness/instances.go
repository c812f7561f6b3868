package main

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"unicode"
)

// Instances are the generic functions of the solution's package as the tests instantiate them, by
// the keys the stand-ins send (assayrpc.Key), and the names of the top-level tests the test files
// declare. tests: the test files (name → source).
func (s *Solution) Instances(standIn []byte, tests map[string][]byte) (map[string]*types.Func, map[string][]types.Type, []string, error) {
	fset := token.NewFileSet()
	internal, external := map[string][]byte{"assay_standin.go": standIn}, map[string][]byte{}
	for name, src := range tests {
		f, err := parser.ParseFile(fset, name, src, parser.PackageClauseOnly)
		if err != nil {
			return nil, nil, nil, TypeErrors{err.Error()}
		}
		if f.Name.Name == s.pkg.Name() {
			internal[name] = src
		} else {
			external[name] = src
		}
	}
	info := &types.Info{Instances: map[*ast.Ident]types.Instance{}, Uses: map[*ast.Ident]types.Object{}}
	files, err := parseAll(fset, internal)
	if err != nil {
		return nil, nil, nil, err
	}
	names := testNames(fset, files)
	pkg, err := check(fset, ModuleName, files, importer.Default(), info)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(external) > 0 {
		files, err := parseAll(fset, external)
		if err != nil {
			return nil, nil, nil, err
		}
		names = append(names, testNames(fset, files)...)
		imp := importerWith(map[string]*types.Package{ModuleName: pkg})
		if _, err := check(fset, ModuleName+"_test", files, imp, info); err != nil {
			return nil, nil, nil, err
		}
	}
	funcs, targs := map[string]*types.Func{}, map[string][]types.Type{}
	for id, inst := range info.Instances {
		fn, ok := info.Uses[id].(*types.Func)
		if !ok || fn.Pkg() != pkg || !fn.Exported() || fn.Type().(*types.Signature).Recv() != nil {
			continue
		}
		var names []string
		for i := 0; i < inst.TypeArgs.Len(); i++ {
			t := inst.TypeArgs.At(i)
			if err := servable(t, pkg, fset); err != nil {
				return nil, nil, nil, err
			}
			names = append(names, types.TypeString(t, func(p *types.Package) string { return p.Name() }))
		}
		key := fn.Name() + "[" + strings.Join(names, ",") + "]"
		funcs[key] = s.pkg.Scope().Lookup(fn.Name()).(*types.Func)
		targs[key] = typeArgs(inst.TypeArgs)
	}
	return funcs, targs, names, nil
}

// testNames are the top-level tests (func TestXxx(t *testing.T)) the test files declare.
func testNames(fset *token.FileSet, files []*ast.File) []string {
	var names []string
	for _, file := range files {
		if !strings.HasPrefix(fset.Position(file.Pos()).Filename, "tests/") {
			continue
		}
		for _, d := range file.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && isTestName(fn.Name.Name) && fn.Type.Params.NumFields() == 1 {
				names = append(names, fn.Name.Name)
			}
		}
	}
	return names
}

// isTestName is go test's rule: Test, then nothing or a character that is not a lower-case letter.
func isTestName(name string) bool {
	if !strings.HasPrefix(name, "Test") {
		return false
	}
	rest := strings.TrimPrefix(name, "Test")
	return rest == "" || !unicode.IsLower([]rune(rest)[0])
}

func typeArgs(list *types.TypeList) []types.Type {
	out := make([]types.Type, list.Len())
	for i := range out {
		out[i] = list.At(i)
	}
	return out
}

// servable: the solution's process can instantiate with t only if t names nothing of the tests.
func servable(t types.Type, standIn *types.Package, fset *token.FileSet) error {
	var err error
	var walk func(types.Type)
	walk = func(t types.Type) {
		switch t := t.(type) {
		case *types.Named:
			if obj := t.Obj(); obj.Pkg() == standIn && fset.Position(obj.Pos()).Filename != "assay_standin.go" {
				err = Unsupported{fmt.Sprintf("the tests instantiate a generic function of the solution with their own type %s", obj.Name())}
			}
			for i := 0; i < t.TypeArgs().Len(); i++ {
				walk(t.TypeArgs().At(i))
			}
		case *types.Pointer:
			walk(t.Elem())
		case *types.Slice:
			walk(t.Elem())
		case *types.Array:
			walk(t.Elem())
		case *types.Map:
			walk(t.Key())
			walk(t.Elem())
		case *types.Basic:
		default:
			err = Unsupported{fmt.Sprintf("the tests instantiate a generic function of the solution with %s", t)}
		}
	}
	walk(t)
	return err
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// importerWith resolves the given import paths to their packages, the rest (the standard library) as usual.
func importerWith(pkgs map[string]*types.Package) types.Importer {
	std := importer.Default()
	return importerFunc(func(path string) (*types.Package, error) {
		if pkg, ok := pkgs[path]; ok {
			return pkg, nil
		}
		return std.Import(path)
	})
}
