package e2e

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// published publishes the fixture round with its findings (P1 of 市财政局
// has two). The round's dates are fixed, so this happens at the fixture's
// time; the clock then comes back to now.
func (a *app) published() *evaltest.Published {
	a.t.Helper()
	a.env.Clock.Set(evaltest.Epoch())
	p := a.world.PublishRound()
	a.env.Clock.Set(time.Now().In(evaltest.Shanghai))
	return p
}

// evidencePNG writes a small PNG (a real image, as the server judges files
// by content) named for a department's evidence and returns its path.
func evidencePNG(t *testing.T) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := range 40 {
		for y := range 20 {
			img.Set(x, y, color.RGBA{R: uint8(6 * x), G: 90, B: 160, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "整改会议纪要.png")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A department opens a finding from the link the server sends it, writes its
// response, saves the draft, attaches a file and submits for verification.
func TestDepartmentAnswersWithEvidence(t *testing.T) {
	a := newApp(t)
	p := a.published()
	f := p.P1Critical

	a.login("finance")
	// The link of a todo item or a notification leads to the response form.
	a.open(fmt.Sprintf("/findings/%d", f.ID))
	a.untilPath(fmt.Sprintf("/rectify/%d", f.ID))
	a.untilText(".page", f.Description)

	a.fill("#resp-measures", "已起草《绩效目标管理办法》，完成征求意见和合法性审查，拟于下月提请市政府常务会审议。")
	a.fill("#resp-person", "张三（预算处处长）")
	a.fill("#resp-evidence", "征求意见稿、合法性审查意见书及会议纪要")
	a.click(`[data-testid="response-save"]`)
	a.toast("草稿已保存")

	a.run("attach the evidence", chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="evidence"] input[type="file"]`), []string{evidencePNG(t)}))
	a.toast("“整改会议纪要.png”已上传")
	a.untilText(`[data-testid="evidence-files"]`, "整改会议纪要.png")
	a.settle()
	a.screenshot("draft")

	a.click(`[data-testid="response-submit"]`)
	a.confirm("确认提交")
	a.toast("整改回复已提交，等待核验")
	a.untilText(".page", "整改回复已提交，等待核验。")
	a.untilText(`[data-testid="finding-history"]`, "第 1 次整改回复")
	a.untilText(`[data-testid="finding-history"]`, "整改会议纪要.png")
	if evaluate[bool](a, `!!document.querySelector('[data-testid="response-submit"]')`) {
		t.Error("the form can still be submitted after the response was submitted")
	}
	a.settle()
	a.screenshot("submitted")

	view, err := a.env.Store.Finding(context.Background(), evaluation.ActorOf(a.world.DeptFinance), f.ID)
	if err != nil {
		t.Fatal(err)
	}
	if view.Status != evaluation.FindingResponded {
		t.Errorf("finding status %s, want responded", view.Status)
	}
	r := view.Response
	switch {
	case r == nil:
		t.Fatal("no response stored")
	case r.Number != 1 || r.ResponsiblePerson != "张三（预算处处长）" || !strings.Contains(r.Measures, "绩效目标管理办法"):
		t.Errorf("stored response %+v", r)
	case len(r.Attachments) != 1 || r.Attachments[0].Name != "整改会议纪要.png" || r.Attachments[0].ContentType != "image/png":
		t.Errorf("stored attachments %+v, want the PNG", r.Attachments)
	case r.Attachments[0].SubmittedIn == nil || *r.Attachments[0].SubmittedIn != 1:
		t.Errorf("the attachment was not submitted with the response: %+v", r.Attachments[0])
	}
}

// A department's 待整改问题 narrow by keyword (the finding's words, or its
// plan's code in either case) from the first page; the keyword stays in the
// URL through a reload, and clearing it shows every finding again. A finding
// opened from the list names itself in the last crumb.
func TestDepartmentSearchesItsFindings(t *testing.T) {
	a := newApp(t)
	w := a.world
	p := a.published()

	a.login("finance")
	a.open("/rectify")
	rows := `document.querySelectorAll('[data-testid="rectify-table"] .el-table__body-wrapper .el-table__row').length`
	untilRows := func(what string, n int) {
		t.Helper()
		a.until(fmt.Sprintf("%s: %d rows", what, n), fmt.Sprintf(`%s === %d`, rows, n))
	}
	search := func(q string, n int) {
		t.Helper()
		a.fill("#rectify-q", q)
		a.clickText(".filters .el-button--primary", "查询")
		untilRows(q, n)
	}
	untilRows("every finding of 市财政局", 2)

	search("绩效目标管理办法", 1)
	a.untilPath("/rectify?q=绩效目标管理办法")
	a.untilText(`[data-testid="rectify-table"]`, p.P1Critical.Description)
	a.untilText(".tabs", "全部 1")
	a.settle()
	a.screenshot("searched")
	a.open("/rectify?q=" + "绩效目标管理办法")
	untilRows("after a reload", 1)
	if got := evaluate[string](a, `document.querySelector('#rectify-q').value`); got != "绩效目标管理办法" {
		t.Errorf("the search box after a reload: %q", got)
	}

	search(strings.ToLower(w.P1.Code), 2)
	search(p.P2Major.Description, 0) // 市国资委's finding is not listed here
	a.untilText(`[data-testid="rectify-table"]`, "没有符合关键字的问题")
	search("", 2)
	a.untilPath("/rectify")
	a.checkA11y("/rectify with the keyword box")

	a.clickText(`[data-testid="rectify-table"] .el-button`, "整改回复")
	a.untilCrumbs(fmt.Sprintf("工作台 / 待整改问题 / 整改回复：%s #%d", w.P1.Code, p.P1Critical.ID))
}

// A department downloads the evaluation report of its plan: the browser
// saves a PDF.
func TestDownloadEvaluationReport(t *testing.T) {
	a := newApp(t)
	a.published()
	code := a.world.P1.Code

	a.login("finance")
	a.open("/my-reports")
	button := fmt.Sprintf(`[data-testid="evaluation-report-%s"]`, code)
	a.visible(button)
	a.settle()
	a.screenshot("reports")
	a.clickable(button)
	name, data := a.download("download the evaluation report", chromedp.Click(chromedp.CSS(button)))
	if !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("%q starts with %q, want a PDF", name, data[:min(len(data), 16)])
	}
	if !strings.HasSuffix(name, ".pdf") || !strings.Contains(name, code) {
		t.Errorf("downloaded as %q, want the plan's report PDF", name)
	}
	a.toast("已下载")
	a.settle()
	a.screenshot("downloaded")
}
