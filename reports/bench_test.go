package reports

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/jung-kurt/gofpdf"
)

// Benchmarks. Reproduce with
//
//	go test ./reports/ -run '^$' -bench . -benchtime 3s -cpu 2
//
// BenchmarkEvaluationReport and BenchmarkChromiumEvaluationReport render the
// same report (5 raters, 30 indicators, 20 findings), the second as HTML
// printed by a warm headless Chromium; their ratio is the speed-up.
// BenchmarkRound renders a whole round of evaluation reports on all cores
// (GOMAXPROCS) and reports the process's peak resident memory.

func BenchmarkEvaluationReport(b *testing.B) {
	r := renderer(b)
	data := sampleEvaluation(5, 30, 20)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := r.EvaluationReport(&buf, data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KiB/pdf")
}

func BenchmarkRectificationReport(b *testing.B) {
	r := renderer(b)
	data := sampleRectification(20)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := r.RectificationReport(&buf, data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KiB/pdf")
}

func BenchmarkRoundSummaryPDF(b *testing.B) {
	r := renderer(b)
	data := sampleSummary(349)
	for b.Loop() {
		if err := r.RoundSummaryPDF(io.Discard, data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRoundSummaryXLSX(b *testing.B) {
	data := sampleSummary(349)
	for b.Loop() {
		if err := RoundSummaryXLSX(io.Discard, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFontParse is the once-per-process cost: parsing the built-in font.
func BenchmarkFontParse(b *testing.B) {
	for b.Loop() {
		if _, err := ParseFont(builtinFont, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFallbackFontsLoad is the once-per-process cost of the first
// document with a character the report font lacks: decompressing and
// parsing the fallback fonts.
func BenchmarkFallbackFontsLoad(b *testing.B) {
	for b.Loop() {
		if _, err := loadFallbackFonts(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOnePage compares gofpdf given the whole font (it parses all of it
// for every document: the cost this package avoids) with gofpdf given the
// per-document subset, for a one-page CJK table.
func BenchmarkOnePage(b *testing.B) {
	text := strings.Repeat(trickyFinding, 3)
	page := func(font []byte) {
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.AddUTF8FontFromBytes("f", "", font)
		pdf.SetFont("f", "", 10)
		pdf.AddPage()
		for i := range 30 {
			pdf.Text(25, 30+float64(i)*8, text[:min(len(text), 120)])
		}
		if err := pdf.Output(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("gofpdf-whole-font", func(b *testing.B) {
		for b.Loop() {
			page(builtinFont)
		}
	})
	b.Run("subset-first", func(b *testing.B) {
		f := renderer(b).Font()
		for b.Loop() {
			var runes []rune
			for c := rune(0x20); c < 0x7F; c++ {
				runes = append(runes, c)
			}
			runes = append(runes, []rune(text)...)
			sub, err := f.subset(runes)
			if err != nil {
				b.Fatal(err)
			}
			page(sub)
		}
	})
}

// BenchmarkRound renders a round of evaluation reports (349 plans, as in
// the 2024 round, and four times that) with one worker per core, hashing each
// PDF as the server would, and reports the peak resident memory of the
// process (VmHWM): it stays flat as the round grows.
func BenchmarkRound(b *testing.B) {
	r := renderer(b)
	for _, c := range []struct {
		name   string
		plans  int
		judged bool // with a self-assessment and conclusions of 4 × 1,500 characters
	}{{"plans=349", 349, false}, {"plans=1396", 4 * 349, false}, {"judged/plans=349", 349, true}} {
		plans := c.plans
		b.Run(c.name, func(b *testing.B) {
			data := make([]*EvaluationReport, 8)
			for i := range data {
				data[i] = sampleEvaluation(5, 30, 20)
				if c.judged {
					j := judgedSample()
					data[i].Dimensions, data[i].SelfTotal, data[i].SelfGap, data[i].LeadAgency = j.Dimensions, j.SelfTotal, j.SelfGap, j.LeadAgency
					data[i].Narrative = &Narrative{Overall: conclusionText("总体", 1500), Achievements: conclusionText("成效", 1500),
						Problems: conclusionText("问题", 1500), Recommendations: conclusionText("建议", 1500),
						ApprovedBy: j.Narrative.ApprovedBy, ApprovedOn: j.Narrative.ApprovedOn}
				}
				data[i].Plan.Code += "-" + strconv.Itoa(i)
			}
			workers := runtime.GOMAXPROCS(0)
			for b.Loop() {
				jobs := make(chan int)
				var wg sync.WaitGroup
				for range workers {
					wg.Go(func() {
						h := sha256.New()
						for i := range jobs {
							h.Reset()
							if err := r.EvaluationReport(h, data[i%len(data)]); err != nil {
								b.Error(err)
							}
						}
					})
				}
				for i := range plans {
					jobs <- i
				}
				close(jobs)
				wg.Wait()
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/round")
			if hwm := peakRSS(); hwm > 0 {
				b.ReportMetric(hwm/1024, "peak-RSS-MiB")
			}
		})
	}
}

// peakRSS is the process's peak resident set in KiB (Linux), or 0.
func peakRSS() float64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err != nil {
				return 0
			}
			return v
		}
	}
	return 0
}

// BenchmarkChromiumEvaluationReport prints the HTML rendering of the same
// report with a warm headless Chromium (browser and tab started once, one
// warm-up print): per iteration it sets the page content and prints to PDF.
func BenchmarkChromiumEvaluationReport(b *testing.B) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		b.Skip("chromium not installed (apt-get install chromium)")
	}
	var doc strings.Builder
	if err := evaluationReportHTML(&doc, sampleEvaluation(5, 30, 20)); err != nil {
		b.Fatal(err)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true))
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		b.Skipf("cannot start chromium: %v", err)
	}
	tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		b.Fatal(err)
	}
	params := page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69, PreferCSSPageSize: ptr(true),
		PrintBackground: ptr(true), DisplayHeaderFooter: ptr(true), HeaderTemplate: "<span></span>",
		FooterTemplate: htmlFooterTemplate}
	render := func() []byte {
		if _, err := chromedp.Call(ctx, page.SetDocumentContent, page.SetDocumentContentParams{
			FrameID: tree.FrameTree.Frame.ID, HTML: doc.String()}); err != nil {
			b.Fatal(err)
		}
		res, err := chromedp.Call(ctx, page.PrintToPDF, params)
		if err != nil {
			b.Fatal(err)
		}
		return res.Data
	}
	out := render() // warm-up: fonts loaded, caches filled
	if keep := os.Getenv("EVAL_BENCH_KEEP"); keep != "" {
		if err := os.WriteFile(keep, out, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		out = render()
	}
	b.ReportMetric(float64(len(out))/1024, "KiB/pdf")
}

func ptr[T any](v T) *T { return &v }
