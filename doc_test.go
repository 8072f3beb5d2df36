package questionbank_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocComments checks that every exported name of the library's
// packages has a doc comment that starts with the name, as pkg.go.dev
// readers and go doc expect.
func TestDocComments(t *testing.T) {
	for _, dir := range []string{".", "render", "srs", "mdbank"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			check := func(pos token.Pos, ident string, doc *ast.CommentGroup) {
				if !ast.IsExported(ident) {
					return
				}
				text := doc.Text()
				// "A Bank is", "An instr", or the name itself.
				if !strings.HasPrefix(text, ident+" ") && !strings.HasPrefix(text, "A "+ident+" ") && !strings.HasPrefix(text, "An "+ident+" ") {
					t.Errorf("%s: %s: doc comment should start with its name, got %q", fset.Position(pos), ident, firstLine(text))
				}
			}
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Recv != nil && !exportedRecv(d.Recv) {
						continue
					}
					if d.Name.Name == "Error" && d.Doc == nil {
						continue // error's method says nothing more
					}
					check(d.Pos(), d.Name.Name, d.Doc)
				case *ast.GenDecl:
					for _, s := range d.Specs {
						switch s := s.(type) {
						case *ast.TypeSpec:
							doc := s.Doc
							if doc == nil {
								doc = d.Doc
							}
							check(s.Pos(), s.Name.Name, doc)
						case *ast.ValueSpec:
							for _, n := range s.Names {
								if !ast.IsExported(n.Name) {
									continue
								}
								// Constants in a documented group may share
								// the group's comment or have their own.
								if s.Doc == nil && s.Comment == nil && d.Doc == nil {
									t.Errorf("%s: %s is not documented", fset.Position(n.Pos()), n.Name)
								}
							}
						}
					}
				}
			}
		}
	}
}

func exportedRecv(fl *ast.FieldList) bool {
	typ := fl.List[0].Type
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	id, ok := typ.(*ast.Ident)
	return ok && ast.IsExported(id.Name)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
