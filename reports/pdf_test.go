package reports

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"
)

// trickyEvaluation is an evaluation report whose texts exercise everything
// that can go wrong between a string and a PDF: CJK punctuation, mixed
// digits and Latin, rare place names, a finding of thousands of characters
// that spans pages, runes the font lacks.
func trickyEvaluation() *EvaluationReport {
	r := sampleEvaluation(5, 30, 20)
	r.Findings[0].Description = "2017年完成GDP 1.2万亿元（同比+8.5%），郫都区、邛崃市“双创”指数居全省前列——但《实施细则》……尚未出台。"
	r.Findings[1].Recommendation = "建议：①建立“一事一档”；②对照《四川省优化营商环境条例》第12条、第15条逐项整改；③于2024年Q3前完成。"
	r.Findings[4].Description = longText(4000)
	r.Findings[7].Recommendation = longText(1200)
	return r
}

func evaluationTexts(r *EvaluationReport) map[string]string {
	texts := map[string]string{
		"plan title": r.Plan.Title, "summary": r.Plan.Summary, "round": r.RoundName, "template": r.Template,
		"lead department": r.Plan.LeadDepartment, "issuer": r.Issuer, "report number": r.ReportNumber,
	}
	for i, f := range r.Findings {
		texts[fmt.Sprintf("finding %d description", i+1)] = f.Description
		texts[fmt.Sprintf("finding %d recommendation", i+1)] = f.Recommendation
	}
	for i, in := range r.Indicators {
		texts[fmt.Sprintf("indicator %d", i+1)] = in.Name
	}
	for i, d := range r.Dimensions {
		texts[fmt.Sprintf("dimension %d", i+1)] = d.Name
	}
	for i, a := range r.Agencies {
		texts[fmt.Sprintf("agency %d", i+1)] = a
	}
	return texts
}

func TestEvaluationReportTextFidelity(t *testing.T) {
	data := trickyEvaluation()
	pdf := pdfOf(t, data)
	pages := pdfPages(t, pdf)
	body := bodyText(pages, "《"+data.Plan.Title+"》第三方评估报告", data.ReportNumber)
	assertContainsAll(t, body, evaluationTexts(data))
	// The long finding really did span pages.
	start, end := squash(data.Findings[4].Description)[:30], squash(data.Findings[4].Description)
	end = end[len(end)-30:]
	first, last := -1, -1
	for i, p := range pages {
		s := squash(p)
		if first < 0 && strings.Contains(s, start) {
			first = i
		}
		if strings.Contains(s, end) {
			last = i
		}
	}
	if first < 0 || last <= first {
		t.Errorf("the 4000-character finding should span pages: starts on page %d, ends on page %d", first+1, last+1)
	}
}

func TestRectificationReportTextFidelity(t *testing.T) {
	data := sampleRectification(8)
	data.Findings[1].Response.Measures = longText(3000)
	data.Findings[0].Verifications[0].Comment = "请补充郫都区、邛崃市《台账》（2024年1—7月）……及“蓉易办”v3.2上线截图。"
	pdf := pdfOf(t, data)
	body := bodyText(pdfPages(t, pdf), "《"+data.Plan.Title+"》整改情况报告", data.ReportNumber)
	texts := map[string]string{"plan title": data.Plan.Title, "summary": data.Plan.Summary}
	for i, it := range data.Findings {
		texts[fmt.Sprintf("finding %d description", i+1)] = it.Description
		texts[fmt.Sprintf("finding %d recommendation", i+1)] = it.Recommendation
		if r := it.Response; r != nil {
			texts[fmt.Sprintf("finding %d measures", i+1)] = r.Measures
			texts[fmt.Sprintf("finding %d person", i+1)] = r.ResponsiblePerson
			for j, e := range r.Evidence {
				texts[fmt.Sprintf("finding %d evidence %d", i+1, j)] = e
			}
		}
		for j, v := range it.Verifications {
			texts[fmt.Sprintf("finding %d verification %d", i+1, j)] = v.Comment
		}
	}
	assertContainsAll(t, body, texts)
	for _, want := range []string{"待整改", "已回复", "已退回", "已销号", "推进中", "已完成", "（已逾期）", "退回", "销号"} {
		if !strings.Contains(body, want) {
			t.Errorf("rectification report lacks %q", want)
		}
	}
}

func TestRoundSummaryTextFidelity(t *testing.T) {
	data := sampleSummary(40)
	body := bodyText(pdfPages(t, pdfOf(t, data)), data.RoundName+" 评估结果汇总", data.ReportNumber)
	texts := map[string]string{}
	for i, p := range data.Plans {
		texts[fmt.Sprintf("plan %d title", i+1)] = p.Title
		texts[fmt.Sprintf("plan %d code", i+1)] = p.Code
	}
	for i, d := range data.Departments {
		texts[fmt.Sprintf("department %d", i+1)] = d.Department
	}
	assertContainsAll(t, body, texts)
	if !strings.Contains(body, squash(num(data.Plans[0].Total))) || !strings.Contains(body, num(data.Departments[0].RatePercent)+"%") {
		t.Error("summary lacks its numbers")
	}
}

// TestMissingGlyphs: a rune no font of the chain has, in the BMP or beyond
// it, is drawn as an empty box but still extracts as itself (never as 〓).
func TestMissingGlyphs(t *testing.T) {
	fonts, _, err := renderer(t).chain.pick([]rune{0x3400}) // lacking in the report font: loads the fallbacks
	if err != nil {
		t.Fatal(err)
	}
	lacking := func(from, to rune) rune {
		t.Helper()
		for r := from; r < to; r++ {
			if !invisible(r) && !slices.ContainsFunc(fonts, func(f *Font) bool { return f.HasGlyph(r) }) {
				return r
			}
		}
		t.Fatalf("every font lacks nothing in %U–%U", from, to)
		return 0
	}
	bmp, beyond := lacking(0xE000, 0xF900), lacking(0x30000, 0x40000)
	data := sampleEvaluation(3, 3, 1)
	data.Findings[0].Description = "缺字" + string(bmp) + "测试" + string(beyond) + "𠮷结束"
	body := bodyText(pdfPages(t, pdfOf(t, data)), "", "")
	if want := squash(data.Findings[0].Description); !strings.Contains(body, want) {
		t.Errorf("want %+q in the text, %s", want, nearest(body, want))
	}
}

func TestFooterPageXOfY(t *testing.T) {
	for name, data := range map[string]any{
		"evaluation":    trickyEvaluation(),
		"rectification": sampleRectification(6),
		"summary":       sampleSummary(30),
	} {
		t.Run(name, func(t *testing.T) {
			pdf := pdfOf(t, data)
			// The content of each page draws the footer text exactly.
			streams := pageStreams(t, pdf)
			for i, s := range streams {
				want := fmt.Sprintf("第 %d 页 / 共 %d 页", i+1, len(streams))
				if !bytes.Contains(s, utf16be(want)) {
					t.Errorf("page %d does not draw %q", i+1, want)
				}
			}
			// And it reads back as such, page by page.
			pages := pdfPages(t, pdf)
			if len(pages) != len(streams) || len(pages) < 2 {
				t.Fatalf("pdftotext finds %d pages, the PDF has %d", len(pages), len(streams))
			}
			for i, p := range pages {
				want := fmt.Sprintf("第%d页/共%d页", i+1, len(pages))
				if !strings.Contains(squash(p), want) {
					t.Errorf("page %d lacks footer %q", i+1, want)
				}
			}
		})
	}
}

// pageStreams returns the decompressed content stream of every page, in
// order (gofpdf writes each page object followed by its content).
func pageStreams(t *testing.T, pdf []byte) [][]byte {
	t.Helper()
	re := regexp.MustCompile(`(?s)/Type /Page\n.*?stream\n(.*?)endstream`)
	var out [][]byte
	for _, m := range re.FindAllSubmatch(pdf, -1) {
		zr, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// utf16be is how gofpdf writes text with a Unicode font in a content stream.
func utf16be(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

// TestTableHeaderRepeats: a table that runs onto further pages shows its
// header again at the top of each.
func TestTableHeaderRepeats(t *testing.T) {
	data := sampleEvaluation(5, 80, 0)
	pages := pdfPages(t, pdfOf(t, data), "-layout")
	header := regexp.MustCompile(`编号\s+指标名称\s+分值\s+平均分\s+最低分\s+最高分`)
	row := regexp.MustCompile(`第\d+项指标`)
	withRows := 0
	for i, p := range pages {
		if !row.MatchString(p) {
			continue
		}
		withRows++
		loc := header.FindStringIndex(p)
		if loc == nil {
			t.Errorf("page %d has indicator rows but no table header", i+1)
			continue
		}
		if first := row.FindStringIndex(p); first[0] < loc[0] {
			t.Errorf("page %d: rows before the header", i+1)
		}
	}
	if withRows < 3 {
		t.Errorf("80 indicators on %d pages: the table should span at least 3", withRows)
	}
}

// TestChartIsVector: the dimension chart is drawn with PDF path operators,
// not an image: a track as wide as the plot for each dimension, and a bar
// whose width is the share of the score.
func TestChartIsVector(t *testing.T) {
	if bytes.Contains(pdfOf(t, sampleEvaluation(5, 10, 0)), []byte("/Subtype /Image")) {
		t.Error("the evaluation report contains an image")
	}
	var buf bytes.Buffer
	blocks := []block{barChart{title: "图 1", bars: []bar{{"甲", 10, 20}, {"乙", 7.5, 10}, {"丙", 0, 5}}}}
	if err := renderer(t).render(&buf, docMeta{title: "t", date: "2024-01-01"}, blocks); err != nil {
		t.Fatal(err)
	}
	content := string(pageStreams(t, buf.Bytes())[0])
	k := 72 / 25.4
	plotW := contentWidth - chartLabelW - chartValueW
	for name, w := range map[string]float64{"track": plotW, "half bar": plotW / 2, "three-quarter bar": plotW * 0.75} {
		op := fmt.Sprintf(" %.2f -%.2f re f", w*k, chartBarH*k)
		if n := strings.Count(content, op); n == 0 {
			t.Errorf("no %s (%q) in the chart", name, op)
		}
	}
	if n := strings.Count(content, fmt.Sprintf(" %.2f -%.2f re f", plotW*k, chartBarH*k)); n != 3 {
		t.Errorf("%d tracks, want 3", n)
	}
}

func TestDeterministic(t *testing.T) {
	data := trickyEvaluation()
	a := pdfOf(t, data)
	b := pdfOf(t, data)
	other, err := NewRenderer(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := other.EvaluationReport(&c, trickyEvaluation()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) || !bytes.Equal(a, c.Bytes()) {
		t.Fatalf("same data, different bytes: %x %x %x", sha256.Sum256(a), sha256.Sum256(b), sha256.Sum256(c.Bytes()))
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20240628000000)")) {
		t.Error("creation date is not the report date")
	}
	changed := trickyEvaluation()
	changed.Findings[3].Recommendation += "。"
	if bytes.Equal(a, pdfOf(t, changed)) {
		t.Error("different data, same bytes")
	}
	rect := sampleRectification(5)
	if !bytes.Equal(pdfOf(t, rect), pdfOf(t, sampleRectification(5))) {
		t.Error("rectification report is not deterministic")
	}
	sum := sampleSummary(20)
	if !bytes.Equal(pdfOf(t, sum), pdfOf(t, sampleSummary(20))) {
		t.Error("round summary is not deterministic")
	}
}

// TestConcurrentRendering renders different reports from many goroutines
// with one Renderer; each must equal its sequential rendering (run with -race).
func TestConcurrentRendering(t *testing.T) {
	const n = 12
	want := make([][]byte, n)
	data := make([]*EvaluationReport, n)
	for i := range n {
		data[i] = sampleEvaluation(3+i%4, 10+i, i)
		data[i].Plan.Title += strconv.Itoa(i)
		want[i] = pdfOf(t, data[i])
	}
	r := renderer(t)
	var wg sync.WaitGroup
	got := make([][]byte, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			var buf bytes.Buffer
			errs[i] = r.EvaluationReport(&buf, data[i])
			got[i] = buf.Bytes()
		})
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("report %d differs when rendered concurrently", i)
		}
	}
}

// TestFontEmbeddedAsSubset: the PDF carries only the glyphs it uses, under a
// subset name, with a ToUnicode map.
func TestFontEmbeddedAsSubset(t *testing.T) {
	pdf := pdfOf(t, trickyEvaluation())
	if len(pdf) > 400<<10 || len(pdf) > len(builtinFont)/8 {
		t.Errorf("a report is %d bytes; the whole font is %d", len(pdf), len(builtinFont))
	}
	if !regexp.MustCompile(`/BaseFont /[A-Z]{6}\+wenquanyimicrohei`).Match(pdf) {
		t.Error("the font is not named as a subset (ABCDEF+name)")
	}
	for _, want := range []string{"/FontFile2", "/ToUnicode", "/CIDToGIDMap"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("PDF lacks %s", want)
		}
	}
	out := pdffonts(t, pdf)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("pdffonts lists %d fonts, want 1:\n%s", len(lines)-2, out)
	}
	fields := strings.Fields(lines[2])
	// name type type encoding emb sub uni object ID
	if n := len(fields); n < 8 || fields[n-5] != "yes" || fields[n-4] != "yes" || fields[n-3] != "yes" {
		t.Errorf("pdffonts: want embedded, subset, with ToUnicode:\n%s", out)
	}
}

func TestVerificationCode(t *testing.T) {
	data := trickyEvaluation()
	code, err := data.VerificationCode()
	if err != nil {
		t.Fatal(err)
	}
	if again, err := trickyEvaluation().VerificationCode(); err != nil || again != code || len(code) != 64 {
		t.Fatalf("code %q is not stable (%q, %v)", code, again, err)
	}
	for name, change := range map[string]func(*EvaluationReport){
		"a number":     func(r *EvaluationReport) { r.Indicators[4].Mean = 2.84 },
		"a text":       func(r *EvaluationReport) { r.Findings[2].Description += " " },
		"the date":     func(r *EvaluationReport) { r.Date = "2024-06-29" },
		"a rater mark": func(r *EvaluationReport) { r.Raters[1].Outlier = true },
	} {
		other := trickyEvaluation()
		change(other)
		if c, err := other.VerificationCode(); err != nil || c == code {
			t.Errorf("changing %s keeps the code (%v)", name, err)
		}
	}
	rect, err := sampleRectification(3).VerificationCode()
	if err != nil || rect == code {
		t.Errorf("codes of different kinds collide (%v)", err)
	}
	short := ShortCode(code)
	for typed, want := range map[string]bool{
		code: true, short: true, strings.ToUpper(short): true, short[:8] + " " + short[8:]: true,
		short[:15]: false, "": false, strings.Repeat("0", 16): false,
	} {
		if got := MatchesCode(typed, code); got != want {
			t.Errorf("MatchesCode(%q) = %v, want %v", typed, got, want)
		}
	}
	// The cover prints the short code.
	body := bodyText(pdfPages(t, pdfOf(t, data)), "", "")
	if !strings.Contains(body, "验证码："+short) {
		t.Errorf("cover does not show 验证码：%s", short)
	}
	data.Result.Total = math.NaN()
	if err := renderer(t).EvaluationReport(&bytes.Buffer{}, data); !errors.Is(err, ErrInvalidReport) {
		t.Errorf("NaN: err = %v, want ErrInvalidReport", err)
	}
}

func TestInvalidDate(t *testing.T) {
	for _, date := range []string{"", "2024-6-1", "28/06/2024"} {
		data := sampleEvaluation(3, 3, 0)
		data.Date = date
		if err := renderer(t).EvaluationReport(&bytes.Buffer{}, data); !errors.Is(err, ErrInvalidReport) {
			t.Errorf("date %q: err = %v, want ErrInvalidReport", date, err)
		}
	}
}

// TestNoResultYet: a plan without submitted scoresheets still gets a report.
func TestNoResultYet(t *testing.T) {
	data := sampleEvaluation(0, 10, 2)
	body := bodyText(pdfPages(t, pdfOf(t, data)), "", "")
	if !strings.Contains(body, "暂无评估结果") {
		t.Error("report of an unscored plan does not say so")
	}
}

// TestCrossReferenceTable: every xref entry points at its object, startxref
// at the table, and every stream is compressed.
func TestCrossReferenceTable(t *testing.T) {
	pdf := pdfOf(t, trickyEvaluation())
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref at the end")
	}
	at, err := strconv.Atoi(string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf[at:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the xref table", at)
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(pdf[at:], -1)
	if len(entries) < 20 {
		t.Fatalf("only %d xref entries", len(entries))
	}
	for i, e := range entries {
		off, err := strconv.Atoi(string(e[1]))
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("%d 0 obj\n", i+1); !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", i+1, pdf[off:min(len(pdf), off+12)])
		}
	}
	if bytes.Contains(pdf, []byte("<</Length ")) && regexp.MustCompile(`<</Length \d+>>\nstream`).Match(pdf) {
		t.Error("an uncompressed stream is left")
	}
}

// TestSummaryKeepsPlanCodesWhole: a plan code is one word to its readers; the
// summary's code column widens to the longest code (taking width from the
// titles) instead of breaking it across lines.
func TestSummaryKeepsPlanCodesWhole(t *testing.T) {
	data := sampleSummary(12)
	codes := []string{"CD-2017-001", "CDGG-2019-0017", "SCZJ-2021-ZX-008", "CD-2018-012-A"}
	for i := range data.Plans {
		data.Plans[i].Code = codes[i%len(codes)] + fmt.Sprint(i%3)
	}
	pages := pdfPages(t, pdfOf(t, data), "-layout")
	text := strings.Join(pages, "\n")
	for _, p := range data.Plans {
		if !regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(p.Code) + `\s`).MatchString(text) {
			t.Errorf("plan code %s is not printed whole on one line", p.Code)
		}
	}
}
