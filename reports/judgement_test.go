package reports

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// conclusionText is a section of n characters mixing CJK, Latin words, a URL
// longer than a line, digits, punctuation and a 4-byte character, with line
// breaks between paragraphs.
func conclusionText(seed string, n int) string {
	parts := []string{
		seed, "方案总体设计科学合理，", "2023年度办件量12,345件（同比+17.5%），", "“一网通办”覆盖率达到98.6%；",
		"详见https://zwfw.chengdu.gov.cn/portal/reform/2023/evaluation/appendix-material-list-for-the-third-party-evaluation?id=031&lang=zh-CN ",
		"Internationalization-and-interoperability-of-government-data-platforms ", "𠀀字号的生僻地名𡈼也须原样保留，",
		"建议于Q4前完成API对接——并按GB/T 32170—2015逐项梳理……", "\n",
	}
	var sb strings.Builder
	for i := 0; utf8.RuneCountInString(sb.String()) < n; i++ {
		sb.WriteString(parts[i%len(parts)])
	}
	return string([]rune(sb.String())[:n])
}

func judgedSample() *EvaluationReport {
	r := sampleEvaluation(5, 12, 2)
	self := []float64{18.5, 17, 16.25, 21, 9}
	for i := range r.Dimensions {
		v := self[i%len(self)]
		r.Dimensions[i].SelfScore = &v
	}
	st, gap := 91.75, 7.38
	r.SelfTotal, r.SelfGap = &st, &gap
	r.LeadAgency = "四川大学公共管理学院"
	r.Narrative = &Narrative{
		Overall: conclusionText("总体评价：", 5000), Achievements: conclusionText("主要成效：", 5000),
		Problems: conclusionText("存在问题：", 5000), Recommendations: conclusionText("意见建议：", 5000),
		ApprovedBy: "成都市委全面深化改革委员会办公室", ApprovedOn: "2024-06-20",
	}
	return r
}

// TestConclusionsComeBackWhole: four sections of 5,000 characters each give
// back every character through pdftotext, with the lead agency and the
// approval line.
func TestConclusionsComeBackWhole(t *testing.T) {
	r := judgedSample()
	pages := pdfPages(t, pdfOf(t, r))
	body := bodyText(pages, "《"+r.Plan.Title+"》第三方评估报告", r.ReportNumber)
	assertContainsAll(t, body, map[string]string{
		"总体评价": r.Narrative.Overall, "主要成效": r.Narrative.Achievements,
		"存在问题": r.Narrative.Problems, "意见建议": r.Narrative.Recommendations,
		"lead agency": "牵头评估机构：四川大学公共管理学院",
		"approval":    "审定：成都市委全面深化改革委员会办公室 2024-06-20",
		"heading":     "七、评估结论",
	})
	for _, s := range []string{r.Narrative.Overall, r.Narrative.Recommendations} {
		if utf8.RuneCountInString(s) != 5000 || !strings.Contains(s, "𠀀") {
			t.Fatalf("the sample is not what the test means: %d characters", utf8.RuneCountInString(s))
		}
	}
}

// TestSelfAssessmentComparison: the table of 自评, 第三方 and 差值 per dimension
// and in total, printed only with a self-assessment.
func TestSelfAssessmentComparison(t *testing.T) {
	r := judgedSample()
	body := bodyText(pdfPages(t, pdfOf(t, r)), "《"+r.Plan.Title+"》第三方评估报告", r.ReportNumber)
	d := r.Dimensions[0]
	assertContainsAll(t, body, map[string]string{
		"heading":   "自评与第三方评估对比",
		"header":    "差值",
		"first row": d.Name + num(*d.SelfScore) + num(d.Score) + signed(*d.SelfScore-d.Score),
		"total row": "总分91.75" + num(r.Result.Total) + "+7.38",
		"chart":     "图 2　各维度自评与第三方评估得分",
	})
	r.SelfTotal, r.SelfGap = nil, nil
	body = bodyText(pdfPages(t, pdfOf(t, r)), "《"+r.Plan.Title+"》第三方评估报告", r.ReportNumber)
	if strings.Contains(body, "自评与第三方评估对比") {
		t.Error("the comparison is printed without a self-assessment")
	}
}

// TestDraftWatermark: a preview says 草稿 on every page and its real text
// reads exactly as the same report's without the watermark; an issued
// report has none.
func TestDraftWatermark(t *testing.T) {
	r := judgedSample()
	issued := pdfPages(t, pdfOf(t, r))
	r.Draft = true
	draftPDF := pdfOf(t, r)
	draft := pdfPages(t, draftPDF)
	if len(draft) != len(issued) {
		t.Fatalf("the draft has %d pages, the issued report %d", len(draft), len(issued))
	}
	for i, p := range issued {
		if strings.Contains(p, "草稿") || strings.Contains(squash(p), "草稿") {
			t.Fatalf("issued page %d says 草稿", i+1)
		}
	}
	for i, n := range tintedPixels(t, draftPDF) {
		if n < 200 {
			t.Errorf("draft page %d shows %d pixels of the watermark", i+1, n)
		}
	}
	for i, n := range tintedPixels(t, pdfOf(t, r)) {
		if n > 0 && !r.Draft {
			t.Errorf("issued page %d shows %d pixels of a watermark", i+1, n)
		}
	}
	// The real text, page by page, in the same order: the watermark is no
	// text; only the verification code (the draft has its own) and the
	// cover's status line differ.
	codeOf := func(r *EvaluationReport) string {
		c, err := r.VerificationCode()
		if err != nil {
			t.Fatal(err)
		}
		return ShortCode(c)
	}
	draftCode := codeOf(r)
	r.Draft = false
	issuedCode := codeOf(r)
	for i := range issued {
		want := squash(strings.ReplaceAll(issued[i], issuedCode, ""))
		got := squash(strings.ReplaceAll(draft[i], draftCode, ""))
		got = strings.Replace(got, "状态草稿（发布前预览，不是正式报告）", "", 1)
		if got != want {
			t.Errorf("page %d reads differently under the watermark:\n%s", i+1, nearest(got, want))
		}
	}
}

// tintedPixels renders each page small and counts the pixels in the
// watermark's tint.
func tintedPixels(t *testing.T, pdf []byte) []int {
	t.Helper()
	tool := needTool(t, "pdftoppm")
	dir := t.TempDir()
	in := filepath.Join(dir, "d.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(tool, "-png", "-r", "24", in, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	files, err := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var counts []int
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				r, g, bl = r>>8, g>>8, bl>>8
				if r >= 225 && r < 250 && r-g >= 7 && r-g <= 18 && absDiff(g, bl) <= 3 {
					n++
				}
			}
		}
		counts = append(counts, n)
	}
	return counts
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// TestReissuedVersionPrinted: a reissued report says which version it is and
// why, on its cover and first page.
func TestReissuedVersionPrinted(t *testing.T) {
	r := judgedSample()
	r.Version, r.Reason = 2, "牵头单位名称变更为“成都市政务服务管理和网络理政办公室（市数据局）”，据此重新出具。"
	body := bodyText(pdfPages(t, pdfOf(t, r)), "《"+r.Plan.Title+"》第三方评估报告", r.ReportNumber)
	assertContainsAll(t, body, map[string]string{"cover": "版次第2版", "reason": "重新出具原因：" + r.Reason})
	r.Version, r.Reason = 1, ""
	body = bodyText(pdfPages(t, pdfOf(t, r)), "《"+r.Plan.Title+"》第三方评估报告", r.ReportNumber)
	if strings.Contains(body, "版次") || strings.Contains(body, "重新出具") {
		t.Error("version 1 prints a version line")
	}
	var a, b bytes.Buffer
	if err := renderer(t).EvaluationReport(&a, r); err != nil {
		t.Fatal(err)
	}
	if err := renderer(t).EvaluationReport(&b, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same report renders to different bytes")
	}
}
