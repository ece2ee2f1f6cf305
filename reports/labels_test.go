package reports

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// domainEnums reads the source of package evaluation and the packages under
// it for their string constants, by the name of their type: every value the
// domain declares, so that a new one without a label fails
// TestEveryEnumValueHasALabel.
func domainEnums(t *testing.T) map[string][]string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(filepath.Join("..", "evaluation"), func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && d.Name() == "testdata":
			return filepath.SkipDir
		case !d.IsDir() && strings.HasSuffix(path, ".go"):
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	enums := map[string][]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.CONST {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				typ, ok := vs.Type.(*ast.Ident)
				if !ok {
					continue
				}
				for _, v := range vs.Values {
					lit, ok := v.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					s, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatal(err)
					}
					enums[typ.Name] = append(enums[typ.Name], s)
				}
			}
		}
	}
	if len(enums["Severity"]) == 0 {
		t.Fatal("found no Severity constants in ../evaluation: has the domain moved?")
	}
	return enums
}

// Every enum the reports print has a label for each value the domain
// declares, and the table labels nothing the domain does not declare.
func TestEveryEnumValueHasALabel(t *testing.T) {
	enums := domainEnums(t)
	for _, enum := range slices.Sorted(maps.Keys(labels)) {
		values, ok := enums[enum]
		if !ok {
			t.Errorf("labels[%q]: package evaluation has no string enum of that name", enum)
			continue
		}
		for _, v := range values {
			if labels[enum][v] == "" {
				t.Errorf("%s %q has no label", enum, v)
			}
		}
		for v := range labels[enum] {
			if !slices.Contains(values, v) {
				t.Errorf("labels[%q][%q]: not a value of evaluation.%s", enum, v, enum)
			}
		}
	}
}

// The reports' own copies of the domain's enums (their input types) print
// through the table.
func TestReportEnumsPrintThroughTheTable(t *testing.T) {
	cases := []struct{ got, want string }{
		{SeverityMinor.Label(), "一般"}, {SeverityMajor.Label(), "较重"}, {SeverityCritical.Label(), "严重"},
		{StatusOpen.Label(), "待整改"}, {StatusResponded.Label(), "已回复"}, {StatusReturned.Label(), "已退回"}, {StatusAccepted.Label(), "已销号"},
		{ProgressNotStarted.Label(), "未开始"}, {ProgressInProgress.Label(), "推进中"}, {ProgressCompleted.Label(), "已完成"},
		{VerdictAccepted.Label(), "销号"}, {VerdictReturned.Label(), "退回"},
		{Severity("unknown").Label(), "unknown"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("label %q, want %q", c.got, c.want)
		}
	}
}
