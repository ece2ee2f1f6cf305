package reports

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rareTexts are characters the report font (WenQuanYi Micro Hei) lacks, or
// that gofpdf alone cannot encode, each as it appears in real data: CJK
// Extension B and beyond in personal and place names, Extension A, radicals,
// emoji (a flag is two regional indicators, ❤️ a heart and a variation
// selector), a Private Use Area character, and the Chinese punctuation that
// the report font does have.
var rareTexts = []string{
	"𠀀", "𪚥", "𠮷野家", "𡈽", "𤭢", "𨋢", "𪜀", "𫝀", "𬺰", // Ext B, C, D, E, F
	"〇", "㐀", "䶵", "⺀", "⻆", "㊣", "豈", // Ext A, radicals, circled ideograph, compatibility ideograph
	"😀", "👍", "🇨🇳", "❤️", "☃", "♻", // emoji and symbols
	"\ue000", "\U00030000", // Private Use Area and Ext G: no font has them; drawn as boxes, extracted as themselves
	"《》“”——……、",
}

// rareLine joins the rare texts with a label, as a field of a report would hold them.
func rareLine(label string) string {
	return label + "：" + strings.Join(rareTexts, "") + "。"
}

// assertRare checks that the text of a PDF contains every rare text of
// fields (label → stored text) unchanged, and nowhere 〓.
func assertRare(t *testing.T, pdf []byte, fields map[string]string) {
	t.Helper()
	pages := pdfPages(t, pdf)
	all := squash(strings.Join(pages, ""))
	for _, label := range slices.Sorted(maps.Keys(fields)) {
		want := squash(fields[label])
		if !strings.Contains(all, want) {
			t.Errorf("%s does not come back from the PDF unchanged:\nwant %+q\n%s", label, want, nearest(all, want))
		}
	}
	if strings.Contains(all, "〓") {
		t.Error("the PDF text contains 〓")
	}
}

func TestRareCharactersEveryReport(t *testing.T) {
	ev := sampleEvaluation(3, 5, 3)
	ev.Plan.Title = "关于𠀀𪚥🇨🇳的实施方案"
	ev.Plan.Summary = rareLine("摘要")
	ev.Findings[0].Description = rareLine("问题")
	ev.Findings[1].Recommendation = rareLine("建议")
	ev.Findings[2].Description = strings.Repeat(rareLine("长文"), 12) // wraps over many lines
	t.Run("evaluation", func(t *testing.T) {
		assertRare(t, pdfOf(t, ev), map[string]string{
			"summary": ev.Plan.Summary, "description": ev.Findings[0].Description,
			"recommendation": ev.Findings[1].Recommendation, "long description": ev.Findings[2].Description,
			"title": ev.Plan.Title,
		})
		// The document information too: pdfinfo shows the title as stored.
		if title := pdfinfoField(t, pdfOf(t, ev), "Title"); !strings.Contains(title, ev.Plan.Title) {
			t.Errorf("PDF title %+q does not hold the plan title %+q", title, ev.Plan.Title)
		}
	})

	rect := sampleRectification(4)
	rect.Plan = ev.Plan
	rect.Findings[0].Description = rareLine("问题")
	rect.Findings[0].Response.Measures = rareLine("措施")
	rect.Findings[0].Response.ResponsiblePerson = "𠮷田𡈽"
	rect.Findings[0].Verifications[1].Comment = rareLine("结论")
	t.Run("rectification", func(t *testing.T) {
		assertRare(t, pdfOf(t, rect), map[string]string{
			"summary": rect.Plan.Summary, "description": rect.Findings[0].Description,
			"measures": rect.Findings[0].Response.Measures, "person": rect.Findings[0].Response.ResponsiblePerson,
			"verification": rect.Findings[0].Verifications[1].Comment,
		})
	})

	sum := sampleSummary(6)
	sum.Plans[0].Title = rareLine("方案")
	sum.Plans[1].LeadDepartment = "𨋢𤭢区人民政府"
	sum.Departments[0].Department = "𪚥😀局"
	t.Run("round summary", func(t *testing.T) {
		assertRare(t, pdfOf(t, sum), map[string]string{
			"plan title": sum.Plans[0].Title, "department": sum.Departments[0].Department,
		})
	})
	t.Run("round summary xlsx", func(t *testing.T) {
		var buf bytes.Buffer
		if err := RoundSummaryXLSX(&buf, sum); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for sheet, want := range map[string]string{SheetPlans: sum.Plans[0].Title, SheetDepartments: sum.Departments[0].Department} {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(rows, func(row []string) bool { return slices.Contains(row, want) }) {
				t.Errorf("sheet %s lacks %+q", sheet, want)
			}
		}
	})
}

// TestRareCharactersDrawn: every rare character is drawn by a font of the
// chain that has its glyph (not a .notdef box), except the one that no font
// has; and the fonts are embedded only as far as a document needs them.
func TestRareCharactersDrawn(t *testing.T) {
	r := renderer(t)
	runes := []rune(strings.Join(rareTexts, ""))
	fonts, which, err := r.chain.pick(runes)
	if err != nil {
		t.Fatal(err)
	}
	if len(fonts) != 4 {
		t.Fatalf("chain of %d fonts, want WenQuanYi and three fallbacks", len(fonts))
	}
	for i, c := range runes {
		f := fonts[which[i]]
		switch {
		case c == 0x30000 || c == 0xE000:
			if slices.ContainsFunc(fonts, func(f *Font) bool { return f.HasGlyph(c) }) {
				t.Errorf("%U: expected no font to have it; update the test", c)
			}
		case invisible(c):
			if f.width(c) != 0 {
				t.Errorf("%U is invisible but takes room", c)
			}
		case !f.HasGlyph(c):
			t.Errorf("%q (%U) is drawn by %s, which lacks it", c, c, f.Name())
		}
	}
	want := map[rune]string{'𠀀': "hanaminb", '㐀': "hanamina", '😀': "symbola", '〇': "wenquanyimicrohei", '𪚥': "hanaminb"}
	for i, c := range runes {
		if name, ok := want[c]; ok && fonts[which[i]].Name() != name {
			t.Errorf("%q is drawn by %s, want %s", c, fonts[which[i]].Name(), name)
		}
	}

	// A document with rare characters embeds the fonts it needs, each as a
	// subset with a ToUnicode map.
	data := sampleEvaluation(3, 3, 1)
	data.Findings[0].Description = rareLine("问题")
	out := pdffonts(t, pdfOf(t, data))
	for _, name := range []string{"wenquanyimicrohei", "hanamina", "hanaminb", "symbola"} {
		re := regexp.MustCompile(`(?m)^[A-Z]{6}\+` + name + `\s.*\syes\s+yes\s+yes\s`)
		if !re.MatchString(out) {
			t.Errorf("pdffonts does not list %s as embedded subset with ToUnicode:\n%s", name, out)
		}
	}
}

// pdffonts lists the fonts of a PDF.
func pdffonts(t *testing.T, pdf []byte) string {
	t.Helper()
	tool := needTool(t, "pdffonts")
	in := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, in).Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// pdfinfoField is one field of pdfinfo's answer for a PDF.
func pdfinfoField(t *testing.T, pdf []byte, field string) string {
	t.Helper()
	tool := needTool(t, "pdfinfo")
	in := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", in).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	t.Fatalf("pdfinfo shows no %s:\n%s", field, out)
	return ""
}

// TestAssignCodes: runes beyond the BMP get Private Use Area codes that no
// real character of the same font uses, and a ToUnicode entry each.
func TestAssignCodes(t *testing.T) {
	chars, toUnicode, err := assignCodes([]rune{'中', 0xE000, 0xE002, 0x20000, 0x2A6A5, 0x1F600})
	if err != nil {
		t.Fatal(err)
	}
	want := []codeChar{{'中', '中'}, {0xE000, 0xE000}, {0xE002, 0xE002}, {0xE001, 0x20000}, {0xE003, 0x2A6A5}, {0xE004, 0x1F600}}
	if !slices.Equal(chars, want) {
		t.Errorf("codes %x, want %x", chars, want)
	}
	if fmt.Sprint(toUnicode) != fmt.Sprint(map[int]rune{0xE001: 0x20000, 0xE003: 0x2A6A5, 0xE004: 0x1F600}) {
		t.Errorf("ToUnicode overrides %x", toUnicode)
	}
	many := make([]rune, 0x1901)
	for i := range many {
		many[i] = 0x20000 + rune(i)
	}
	if _, _, err := assignCodes(many); err == nil {
		t.Error("more runes beyond the BMP than PUA codes: no error")
	}
}

// TestOrdinaryReportsNeedNoFallback: the sample reports, line breaks and
// all, are drawn with the report font alone, so rendering them never loads
// the fallback fonts.
func TestOrdinaryReportsNeedNoFallback(t *testing.T) {
	var texts []string
	add := func(s string) { texts = append(texts, s) }
	for _, b := range trickyEvaluation().blocks("0123456789abcdef") {
		b.texts(add)
	}
	for _, b := range sampleRectification(8).blocks("0123456789abcdef") {
		b.texts(add)
	}
	add(furniture)
	var runes []rune
	for _, s := range texts {
		runes = append(runes, []rune(s)...)
	}
	chain := renderer(t).chain
	chain.fallbacks = func() ([]*Font, error) { return nil, errors.New("fallback fonts loaded") }
	if _, _, err := chain.pick(runes); err != nil {
		t.Error(err)
	}
}

// TestRareCharactersDeterministic: with several fonts and stand-in codes,
// the same data still gives the same bytes, from any renderer.
func TestRareCharactersDeterministic(t *testing.T) {
	data := func() *EvaluationReport {
		r := sampleEvaluation(3, 3, 2)
		r.Plan.Title = "关于𠀀𪚥🇨🇳的实施方案"
		r.Findings[0].Description = rareLine("问题")
		return r
	}
	a, b := pdfOf(t, data()), pdfOf(t, data())
	other, err := NewRenderer(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := other.EvaluationReport(&c, data()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) || !bytes.Equal(a, c.Bytes()) {
		t.Fatal("same data with rare characters, different bytes")
	}
}
