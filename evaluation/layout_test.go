package evaluation_test

import (
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	osexec "os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation/evaltest"
)

// The house's arrows (docs/STYLE.md "The house", README "Layout"): the leaf
// packages under evaluation/ import nothing of the project above them, the
// domain itself pulls in no spreadsheet, mail or MIME-sniffing library, the
// report service works on an interface of the store, and the services are
// built in cmd/evald, not in the HTTP layer.

const module = "github.com/evald/evald"

// listedPackage is what the test reads of `go list -json`.
type listedPackage struct {
	ImportPath   string
	Imports      []string
	TestImports  []string
	XTestImports []string
	Deps         []string
}

// goList lists the packages matching pattern, from this folder.
func goList(t *testing.T, pattern string) []listedPackage {
	t.Helper()
	gobin, err := osexec.LookPath("go")
	if err != nil {
		evaltest.SkipOrFail(t, "the go command is not on PATH: the package layout is not checked")
	}
	out, err := osexec.Command(gobin, "list", "-json", pattern).Output()
	if err != nil {
		var ee *osexec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go list %s: %v\n%s", pattern, err, ee.Stderr)
		}
		t.Fatalf("go list %s: %v", pattern, err)
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go list %s: %v", pattern, err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

func TestLeafPackagesDoNotImportTheDomain(t *testing.T) {
	leaves := []string{"assign", "blobs", "mail", "mail/smtptest", "planimport", "scoring", "text"}
	seen := map[string]bool{}
	for _, p := range goList(t, "./...") {
		rel, ok := strings.CutPrefix(p.ImportPath, module+"/evaluation/")
		if !ok || rel == "evaltest" {
			continue // the domain itself, and its test fixtures, which build on it
		}
		seen[rel] = true
		for _, dep := range p.Deps {
			if !strings.HasPrefix(dep, module+"/") {
				continue
			}
			if !strings.HasPrefix(dep, module+"/evaluation/") || dep == module+"/evaluation/evaltest" {
				t.Errorf("%s imports %s: a leaf package imports nothing of the project above it", p.ImportPath, dep)
			}
		}
	}
	for _, leaf := range leaves {
		if !seen[leaf] {
			t.Errorf("go list shows no package evaluation/%s", leaf)
		}
	}
}

func TestDomainImportsNoFileFormatOrMailLibrary(t *testing.T) {
	banned := []string{"github.com/xuri/excelize", "github.com/wneessen/go-mail", "github.com/gabriel-vasile/mimetype"}
	pkgs := goList(t, ".")
	if len(pkgs) != 1 || pkgs[0].ImportPath != module+"/evaluation" {
		t.Fatalf("go list . = %+v, want the evaluation package", pkgs)
	}
	p := pkgs[0]
	for _, imp := range slices.Concat(p.Imports, p.TestImports, p.XTestImports) {
		for _, b := range banned {
			if strings.HasPrefix(imp, b) {
				t.Errorf("a file of evaluation/ imports %s: it belongs in a leaf package (planimport, mail, blobs)", imp)
			}
		}
	}
}

// selectors returns every pkg.Name the non-test Go files of dir mention.
func selectors(t *testing.T, dir, pkg string) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == pkg {
					found[sel.Sel.Name] = true
				}
			}
			return true
		})
	}
	if len(files) == 0 {
		t.Fatalf("no Go files in %s", dir)
	}
	return found
}

func TestReportsWorkOnAnInterfaceOfTheStore(t *testing.T) {
	used := selectors(t, filepath.Join("..", "reports"), "evaluation")
	if !used["RoundReportData"] {
		t.Fatal("reports/ mentions no evaluation type at all: the check reads the wrong files")
	}
	if used["Store"] {
		t.Error("reports/ names *evaluation.Store: the report service takes its own small interface (ReportStore)")
	}
}

func TestServicesAreBuiltInCmd(t *testing.T) {
	used := selectors(t, filepath.Join("..", "api"), "reports")
	for _, ctor := range []string{"NewService", "NewRenderer"} {
		if used[ctor] {
			t.Errorf("api/ calls reports.%s: cmd/evald builds the services and api.New takes them", ctor)
		}
	}
}

func TestFixturesDoNotBuildOnTheDemo(t *testing.T) {
	for _, p := range goList(t, "./evaltest") {
		if slices.Contains(p.Deps, module+"/demo") {
			t.Errorf("%s depends on the demo package: fixtures keep their own data", p.ImportPath)
		}
	}
	for _, p := range goList(t, "../api") {
		if slices.Contains(slices.Concat(p.TestImports, p.XTestImports), module+"/demo") {
			t.Errorf("the tests of %s import the demo package: fixtures keep their own data", p.ImportPath)
		}
	}
}
