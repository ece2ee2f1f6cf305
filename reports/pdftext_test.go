package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// needTool skips the test when a command-line tool (from poppler-utils) is
// missing — unless EVAL_TEST_STRICT=1, as in CI, where that is a failure.
func needTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("EVAL_TEST_STRICT") == "1" {
			t.Fatalf("%s is required (apt-get install poppler-utils) when EVAL_TEST_STRICT=1", name)
		}
		t.Skipf("%s not installed (apt-get install poppler-utils); skipping", name)
	}
	return path
}

// pdfPages extracts the text of each page of a PDF with pdftotext.
func pdfPages(t *testing.T, pdf []byte, args ...string) []string {
	t.Helper()
	tool := needTool(t, "pdftotext")
	in := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, append(append(args, "-enc", "UTF-8"), in, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// footerLine matches a page footer; pdftotext sometimes drops the narrow
// spaces of its small type.
var footerLine = regexp.MustCompile(`^第\s*\d+\s*页\s*/\s*共\s*\d+\s*页$`)

// bodyText is the text of a report without its page furniture (running
// header and footer), with all whitespace removed: wrapped lines and page
// breaks then join up, and a stored text must appear in it as is.
func bodyText(pages []string, header, number string) string {
	var sb strings.Builder
	for _, p := range pages {
		for _, line := range strings.Split(p, "\n") {
			line = strings.TrimSpace(line)
			switch {
			case footerLine.MatchString(line), line == number, line == header,
				strings.HasSuffix(line, "…") && strings.HasPrefix(header, strings.TrimSuffix(line, "…")):
				continue
			}
			sb.WriteString(line)
		}
	}
	return squash(sb.String())
}

// squash removes all whitespace.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// assertContainsAll fails for every text that is not in body unchanged.
func assertContainsAll(t *testing.T, body string, texts map[string]string) {
	t.Helper()
	for what, text := range texts {
		if want := squash(text); !strings.Contains(body, want) {
			t.Errorf("%s does not come back from the PDF unchanged:\nwant %.200q\n%s", what, text, nearest(body, want))
		}
	}
}

// nearest shows where in body the text stops matching, to make a failure
// readable.
func nearest(body, want string) string {
	best, at := 0, -1
	br, wr := []rune(body), []rune(want)
	for i := range br {
		n := 0
		for n < len(wr) && i+n < len(br) && br[i+n] == wr[n] {
			n++
		}
		if n > best {
			best, at = n, i
		}
	}
	if at < 0 {
		return "no common prefix in the PDF text"
	}
	end := min(len(br), at+best+20)
	from := max(at, at+best-40)
	return "the PDF has …" + string(br[from:at+best]) + "«here»" + string(br[at+best:end])
}

// pdfOf renders a report with the shared renderer.
func pdfOf(t testing.TB, data any) []byte {
	t.Helper()
	var buf bytes.Buffer
	var err error
	switch d := data.(type) {
	case *EvaluationReport:
		err = renderer(t).EvaluationReport(&buf, d)
	case *RectificationReport:
		err = renderer(t).RectificationReport(&buf, d)
	case *RoundSummary:
		err = renderer(t).RoundSummaryPDF(&buf, d)
	default:
		t.Fatalf("no report for %T", data)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
