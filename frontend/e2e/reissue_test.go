package e2e

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/reports"
)

// The office reissues a published evaluation report with a reason: the
// dialog says what will happen, the list then shows version 2, and its
// 历史版本 list downloads version 1 again, the same bytes as were handed out
// before the reissue. On the public
// verify page, without login, the first version's PDF dropped as a file is
// genuine and marked superseded by version 2.
func TestAdminReissuesAndPublicVerifiesTheFile(t *testing.T) {
	a := newApp(t)
	p := a.published()
	ctx := context.Background()
	round, plan := p.Round.ID, a.world.P1

	// Version 1 as handed out (and recorded) before the reissue.
	renderer, err := reports.NewRenderer(reports.Options{})
	if err != nil {
		t.Fatal(err)
	}
	svc := reports.NewService(a.env.Store, renderer, a.env.Store.Blobs(), reports.ServiceOptions{TempDir: t.TempDir()})
	v1, err := svc.Report(ctx, a.world.AdminActor(), round, plan.ID, evaluation.ReportEvaluation)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "评估报告第1版.pdf")
	if err := os.WriteFile(file, v1.Data, 0o644); err != nil {
		t.Fatal(err)
	}

	a.login("admin")
	a.open(fmt.Sprintf("/reports?round=%d", round))
	version := fmt.Sprintf(`[data-testid="report-version-%s"]`, plan.Code)
	a.untilText(version, "第1版")
	a.click(fmt.Sprintf(`[data-testid="reissue-%s"]`, plan.Code))
	a.untilText(`[data-testid="reissue-explain"]`, "将按当前数据出具第2版")
	a.untilText(`[data-testid="reissue-explain"]`, "仍可在“报告真伪查验”页面查验")
	a.fill("#reissue-reason", "方案名称更正，据此重新出具")
	a.settle()
	a.screenshot("dialog")
	a.click(`[data-testid="reissue-confirm"]`)
	a.toast("已出具第2版评估报告")
	a.gone(".el-dialog")
	a.untilText(version, "第2版")
	a.settle()
	a.screenshot("reissued")
	a.checkA11y("/reports (报告下载, versions)")

	list, err := a.env.Store.IssuedVersions(ctx, a.world.AdminActor(), round)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, v := range list.Items {
		if v.PlanID == plan.ID {
			found = v.Version == 2 && v.Reason == "方案名称更正，据此重新出具"
		}
	}
	if !found {
		t.Fatalf("issued versions after the reissue: %+v", list.Items)
	}

	// 历史版本: both versions listed, the current marked 现行; version 1
	// downloads byte for byte as it was handed out before the reissue.
	a.click(fmt.Sprintf(`[data-testid="report-history-%s"]`, plan.Code))
	for _, want := range []string{"方案名称更正，据此重新出具", "现行", "第2版"} {
		a.untilText(`[data-testid="report-versions"]`, want)
	}
	a.untilText(`[data-testid="report-version-row-1"]`, "第1版")
	a.settle()
	a.screenshot("history")
	a.checkA11y("/reports (评估报告历史版本)")
	a.clickable(`[data-testid="download-version-1"]`)
	name, data := a.download("download version 1", chromedp.Click(chromedp.CSS(`[data-testid="download-version-1"]`)))
	if sha256.Sum256(data) != sha256.Sum256(v1.Data) {
		t.Errorf("version 1 downloaded after the reissue (%q, %d bytes) is not the version 1 issued (%d bytes)", name, len(data), len(v1.Data))
	}
	if !strings.Contains(name, plan.Code) || !strings.HasSuffix(name, ".pdf") {
		t.Errorf("version 1 downloaded as %q", name)
	}

	// The public page, logged out: the file itself.
	a.run("log out", chromedp.Evaluate[chromedp.Void](`localStorage.clear(); sessionStorage.clear()`))
	a.open("/verify-report")
	a.visible(`[data-testid="report-file"]`)
	a.run("choose the file", chromedp.SetUploadFiles(`[data-testid="report-file"] input[type=file]`, []string{file}))
	a.untilText(`[data-testid="report-genuine"]`, "已被新版本取代")
	a.untilText(`[data-testid="report-version"]`, "第1版")
	a.untilText(`[data-testid="report-superseded"]`, "已被第2版取代")
	if text := a.text(`[data-testid="report-genuine"]`); !strings.Contains(text, plan.Code) {
		t.Errorf("the answer does not name the plan: %q", text)
	}
	a.settle()
	a.screenshot("verified-file")
	a.checkA11y("/verify-report (报告真伪查验, a file checked)")
}
