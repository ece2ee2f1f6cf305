package reports

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// carriedGofpdf is the patched copy of gofpdf the reports are drawn with
// (third_party/gofpdf/PATCHES.md).
const carriedGofpdf = "../third_party/gofpdf"

// TestGofpdfPatchesGiveTheCarriedCopy: gofpdf v1.16.2 from the module
// cache, with the .patch files beside PATCHES.md applied in order, is the
// carried copy byte for byte, so the patch files and the code cannot drift
// apart; and every source file of upstream's package is carried.
func TestGofpdfPatchesGiveTheCarriedCopy(t *testing.T) {
	git := needTool(t, "git")
	upstream := upstreamGofpdf(t)
	work := t.TempDir()
	var upstreamFiles []string
	entries, err := os.ReadDir(upstream)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || name != "LICENSE" && (!strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go")) {
			continue
		}
		upstreamFiles = append(upstreamFiles, name)
		b, err := os.ReadFile(filepath.Join(upstream, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(work, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	patches, err := filepath.Glob(filepath.Join(carriedGofpdf, "*.patch"))
	if err != nil {
		t.Fatal(err)
	}
	if len(patches) != 4 {
		t.Fatalf("%d patch files beside PATCHES.md, want 4: %v", len(patches), patches)
	}
	slices.Sort(patches) // 1-…, 2-…, 3-…, 4-…: the order they were made in
	for _, p := range patches {
		abs, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(git, "apply", "--whitespace=nowarn", abs)
		cmd.Dir = work
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git apply %s: %v\n%s", filepath.Base(p), err, out)
		}
	}

	carried, err := os.ReadDir(carriedGofpdf)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range carried {
		name := e.Name()
		if e.IsDir() || name == "PATCHES.md" || name == "go.mod" || strings.HasSuffix(name, ".patch") {
			continue
		}
		names = append(names, name)
		want, err := os.ReadFile(filepath.Join(work, name))
		if err != nil {
			t.Errorf("%s is carried but is neither upstream's nor made by a patch", name)
			continue
		}
		got, err := os.ReadFile(filepath.Join(carriedGofpdf, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from upstream with the patches applied: change it through a .patch file", name)
		}
	}
	for _, name := range upstreamFiles {
		if !slices.Contains(names, name) {
			t.Errorf("upstream's %s is not carried", name)
		}
	}
	// go.mod is upstream's without its requirements, which only its tests
	// and contrib packages (not carried) need.
	mod, err := os.ReadFile(filepath.Join(carriedGofpdf, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	upMod, err := os.ReadFile(filepath.Join(upstream, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(upMod, mod) {
		t.Errorf("go.mod is not the head of upstream's:\n%s", mod)
	}
}

// upstreamGofpdf is the folder of gofpdf v1.16.2 in the module cache,
// downloaded through the module proxy when it is not there yet.
func upstreamGofpdf(t *testing.T) string {
	t.Helper()
	goCmd := needTool(t, "go")
	out, err := exec.Command(goCmd, "mod", "download", "-json", "github.com/jung-kurt/gofpdf@v1.16.2").Output()
	var mod struct{ Dir, Error string }
	if err == nil {
		err = json.Unmarshal(out, &mod)
	}
	if err != nil || mod.Dir == "" {
		if os.Getenv("EVAL_TEST_STRICT") == "1" {
			t.Fatalf("go mod download gofpdf v1.16.2: %v %s", err, mod.Error)
		}
		t.Skipf("upstream gofpdf not available (%v %s); skipping", err, mod.Error)
	}
	return mod.Dir
}
