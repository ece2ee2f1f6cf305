package e2e

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// ledgerRounds publishes the world's round (2026-05-10: P1 and P2, three
// findings), has P1's minor finding accepted and P1's report reissued, then
// runs a second round on P1 and P2 that opens (carrying the findings not
// accepted), is scored and published today.
func (a *app) ledgerRounds() (*evaltest.Published, *evaluation.Round) {
	a.t.Helper()
	ctx := context.Background()
	w := a.world
	pub := a.published()
	dept, ev := evaluation.ActorOf(w.DeptFinance), evaluation.ActorOf(w.Eval2)
	if _, err := w.Store.SaveResponse(ctx, dept, pub.P1Minor.ID, evaltest.DeptAnswer()); err != nil {
		a.t.Fatal(err)
	}
	if _, err := w.Store.SubmitResponse(ctx, dept, pub.P1Minor.ID, nil); err != nil {
		a.t.Fatal(err)
	}
	if _, err := w.Store.Verify(ctx, ev, pub.P1Minor.ID, evaluation.VerifyRequest{Verdict: evaluation.VerdictAccepted}); err != nil {
		a.t.Fatal(err)
	}
	if _, err := w.Store.ReissueEvaluationReport(ctx, w.AdminActor(), pub.Round.ID, w.P1.ID,
		evaluation.ReissueRequest{Reason: "更正方案名称"}); err != nil {
		a.t.Fatal(err)
	}
	second := a.currentRound("2026年度第二轮评估")
	a1, a2 := w.Assign(second, w.P1, w.Eval3), w.Assign(second, w.P2, w.Eval3)
	w.Move(second, evaluation.RoundOpen)
	w.Score(a1, w.Eval3, w.FullAnswers(0.9))
	w.Score(a2, w.Eval3, w.FullAnswers(0.6))
	w.Move(second, evaluation.RoundScoringClosed)
	w.Move(second, evaluation.RoundPublished)
	return pub, second
}

// The office reads P1's ledger over two rounds — both rounds' totals, the
// dimension chart with its table of two rows, the finding carried into the
// second round marked 上轮未整改, the first round's report in two versions
// (the first superseded, the second downloadable) — and opens it from the
// plan result page; the department reaches it from its 报告下载.
func TestPlanHistoryOverTwoRounds(t *testing.T) {
	a := newApp(t)
	w := a.world
	pub, second := a.ledgerRounds()

	a.login("admin")
	a.open(fmt.Sprintf("/results/%d/plans/%d", pub.Round.ID, w.P1.ID))
	a.click(`[data-testid="plan-history-link"]`)
	a.untilPath(fmt.Sprintf("/plans/%d/history", w.P1.ID))
	a.untilText(`[data-testid="history-title"]`, "方案台账："+w.P1.Code)
	a.untilText(`[data-testid="history-rounds"]`, second.Name)
	rounds := a.text(`[data-testid="history-rounds"] .el-table__body`)
	for _, want := range []string{pub.Round.Name, second.Name, "1 / 2", "2026-05-10"} {
		if !strings.Contains(rounds, want) {
			t.Errorf("the rounds table lacks %q:\n%s", want, rounds)
		}
	}
	a.visible(`[data-testid="history-chart"] [role="img"] canvas`)
	if n := evaluate[int](a, `document.querySelectorAll('[data-testid="history-chart"] [data-testid="echart-alt"] tbody tr').length`); n != 2 {
		t.Errorf("the chart's table has %d rows, want one per round", n)
	}
	a.untilText(fmt.Sprintf(`[data-testid="history-round-%d"]`, second.ID), "上轮未整改")
	if got := a.text(fmt.Sprintf(`[data-testid="history-round-%d"]`, pub.Round.ID)); strings.Contains(got, "上轮未整改") {
		t.Errorf("the first round marks a finding carried:\n%s", got)
	}
	first := a.text(fmt.Sprintf(`[data-testid="history-round-%d"]`, pub.Round.ID))
	for _, want := range []string{"第 1 版", "已被后续版本取代", "第 2 版", "更正方案名称", "下载当前版本", "下载此版本", "已销号 1"} {
		if !strings.Contains(first, want) {
			t.Errorf("the first round's card lacks %q:\n%s", want, first)
		}
	}
	a.settle()
	a.screenshot("admin")
	a.checkA11y("/plans/:id/history")

	a.run("sign out", chromedp.Evaluate[chromedp.Void](`localStorage.clear(); sessionStorage.clear()`))
	a.login("finance")
	a.open("/my-reports")
	a.clickText(".el-table a", w.P1.Code)
	a.untilPath(fmt.Sprintf("/plans/%d/history", w.P1.ID))
	a.untilText(`[data-testid="history-rounds"]`, second.Name)
	a.settle()
	a.screenshot("department")
}

// The office closes a plan out from the plans list: the dialog says that its
// two findings not accepted stay tracked and that it leaves future rounds,
// asks the reason, and the row then says 已销账; the 已销账 filter lists it
// alone; the plan's ledger says so too.
func TestCloseOutFromPlansList(t *testing.T) {
	a := newApp(t)
	w := a.world
	a.published()

	a.login("admin")
	a.open("/admin/plans")
	a.click(fmt.Sprintf(`[data-testid="plan-close-out-%s"]`, w.P1.Code))
	a.untilText(`[data-testid="close-out-explain"]`, "尚有 2 个问题未销号")
	a.untilText(`[data-testid="close-out-explain"]`, "不再参加新的评估轮次")
	a.settle()
	a.screenshot("dialog")
	a.checkA11y("/admin/plans (销账)")
	a.fill("#close-out-reason", "改革任务已全部完成")
	a.click(`[data-testid="close-out-confirm"]`)
	a.toast("已销账")
	a.visible(fmt.Sprintf(`[data-testid="plan-closed-%s"]`, w.P1.Code))
	var p evaluation.Plan
	if err := a.env.DB.Gorm.First(&p, w.P1.ID).Error; err != nil {
		t.Fatal(err)
	}
	if p.ClosedAt == nil || p.CloseReason == nil || *p.CloseReason != "改革任务已全部完成" {
		t.Errorf("P1 after 销账: closed_at %v, reason %v", p.ClosedAt, p.CloseReason)
	}

	a.click(`[data-testid="plan-closed-filter"]`)
	a.clickText(".el-select-dropdown__item", "已销账")
	a.until("the list of closed plans", `document.querySelectorAll('.el-table__body-wrapper tbody tr').length === 1`)
	a.untilText(".el-table__body-wrapper tbody", w.P1.Code)
	a.settle()
	a.screenshot("closed-filter")

	a.open(fmt.Sprintf("/plans/%d/history", w.P1.ID))
	a.untilText(`[data-testid="history-closed"]`, "已销账")
	a.untilText(`[data-testid="history-closed"]`, "改革任务已全部完成")
}

// The scorecard opens on the year of the latest published round, lists
// both departments with their figures, and its 导出 XLSX gives a workbook
// with the same rows; a department sees its own row only (我的考核).
func TestScorecardWithExport(t *testing.T) {
	a := newApp(t)
	w := a.world
	a.ledgerRounds()

	a.login("admin")
	a.clickText(".el-menu-item", "考核评分表")
	a.untilPath("/scorecard")
	a.untilText(`[data-testid="scorecard-table"] .el-table__body`, w.StateAssets.Name)
	a.untilText(`[data-testid="scorecard-table"] .el-table__body`, w.Finance.Name)
	a.visible(`[data-testid="scorecard-chart"] [role="img"] canvas`)
	a.settle()
	a.screenshot("admin")
	a.checkA11y("/scorecard")

	a.clickable(`[data-testid="scorecard-export"]`)
	name, data := a.download("export the scorecard", chromedp.Click(chromedp.CSS(`[data-testid="scorecard-export"]`)))
	if !strings.HasSuffix(name, ".xlsx") {
		t.Errorf("downloaded as %q", name)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	defer func() { _ = f.Close() }()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, r := range rows {
		all.WriteString(strings.Join(r, "|") + "\n")
	}
	for _, want := range []string{w.Finance.Name, w.StateAssets.Name} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the workbook lacks %s:\n%s", want, all.String())
		}
	}
	// The PDF beside it is the recorded, verifiable document.
	a.clickable(`[data-testid="scorecard-pdf"]`)
	name, data = a.download("download the scorecard PDF", chromedp.Click(chromedp.CSS(`[data-testid="scorecard-pdf"]`)))
	if !strings.HasSuffix(name, ".pdf") || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Errorf("the scorecard PDF: %q, %d bytes starting %q", name, len(data), data[:min(8, len(data))])
	}

	a.run("sign out", chromedp.Evaluate[chromedp.Void](`localStorage.clear(); sessionStorage.clear()`))
	a.login("finance")
	a.clickText(".el-menu-item", "我的考核")
	a.untilText(`[data-testid="scorecard-table"] .el-table__body`, w.Finance.Name)
	if got := a.text(`[data-testid="scorecard-table"] .el-table__body`); strings.Contains(got, w.StateAssets.Name) {
		t.Errorf("a department sees another's row:\n%s", got)
	}
	a.settle()
	a.screenshot("department")
}

// A leader's home is the dashboard of the latest published round and the
// year: its figures are drawn with their tables and each number opens its
// list — the results of the round, its rectification, the year's scorecard.
func TestLeadersDashboard(t *testing.T) {
	a := newApp(t)
	_, second := a.ledgerRounds()
	round := fmt.Sprint(second.ID)

	a.login("leader")
	a.untilText(`[data-testid="leaders-dashboard"]`, second.Name)
	a.untilText(`[data-testid="dash-plans"]`, "2")
	a.visible(`[data-testid="dash-grade-chart"] [role="img"] canvas`)
	a.visible(`[data-testid="dash-rect-chart"] [role="img"] canvas`)
	a.visible(`[data-testid="dash-bottom"]`)
	a.settle()
	a.screenshot("dashboard")
	a.checkA11y("/ (领导驾驶舱)")

	a.click(`[data-testid="dash-plans"]`)
	a.untilPath("/results?round=" + round)
	a.open("/")
	a.click(`[data-testid="dash-findings"]`)
	a.untilPath("/rectification?round=" + round)
	a.open("/")
	a.click(`[data-testid="dash-year-rounds"]`)
	a.untilPath(fmt.Sprintf("/scorecard?year=%d", a.env.Clock.Now().In(evaltest.Shanghai).Year()))
	a.untilText(`[data-testid="scorecard-table"] .el-table__body`, a.world.Finance.Name)
}

// Each grade count of the dashboard opens the round's results narrowed to
// that grade (未评分 to the plans without a grade): as many rows as the count
// said, and the grade filter names the grade.
func TestDashboardGradeCountsOpenTheirRows(t *testing.T) {
	a := newApp(t)
	_, second := a.ledgerRounds()

	a.login("leader")
	a.visible(`.grade-link`)
	type gradeCount struct {
		Grade string
		Count int
	}
	counts := evaluate[[]gradeCount](a, `[...document.querySelectorAll('.grade-link')].map((e) => {
		const [grade, n] = e.innerText.trim().split(/\s+/)
		return { Grade: grade, Count: Number(n) }
	})`)
	if len(counts) != 5 {
		t.Fatalf("grade links %v, want the four bands and 未评分", counts)
	}
	sum, nonzero := 0, 0
	for _, c := range counts {
		sum += c.Count
		if c.Count > 0 {
			nonzero++
		}
	}
	if sum != 2 || nonzero == 0 {
		t.Fatalf("grade counts %v, want the round's 2 plans", counts)
	}
	rows := `document.querySelectorAll('[data-testid="results-table"] .el-table__body-wrapper .el-table__row').length`
	for i, c := range counts {
		if i > 0 {
			a.open("/")
		}
		a.click(fmt.Sprintf(`[data-testid="grade-link-%s"]`, c.Grade))
		a.untilPath(fmt.Sprintf("/results?round=%d&grade=%s", second.ID, c.Grade))
		count := fmt.Sprintf("共 %d 个方案", c.Count)
		if c.Count != sum {
			count += fmt.Sprintf("（本轮共 %d 个）", sum)
		}
		a.until(fmt.Sprintf("%s: %d rows", c.Grade, c.Count), fmt.Sprintf(`%s === %d && document.querySelector('[data-testid="results-count"]')?.innerText.trim() === %s`,
			rows, c.Count, js(count)))
		a.settle()
		if got := evaluate[int](a, rows); got != c.Count {
			t.Errorf("%s: %d rows, want %d", c.Grade, got, c.Count)
		}
		if got := a.text(`[data-testid="results-grade"]`); !strings.Contains(got, c.Grade) {
			t.Errorf("%s: the grade filter shows %q", c.Grade, got)
		}
		if c.Count > 0 {
			a.screenshot("results-" + c.Grade)
		}
	}

	// Cleared, the filter shows every plan and leaves the URL.
	a.click(`[data-testid="results-grade"]`)
	a.click(`[data-testid="results-grade"] .el-select__clear`)
	a.untilPath(fmt.Sprintf("/results?round=%d", second.ID))
	a.until("every plan", fmt.Sprintf(`%s === %d`, rows, sum))
}
