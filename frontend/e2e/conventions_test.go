package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// untilCrumbs waits for the breadcrumb trail to read want.
func (a *app) untilCrumbs(want string) {
	a.t.Helper()
	a.until("breadcrumbs "+want, fmt.Sprintf(`[...document.querySelectorAll('[data-testid="breadcrumbs"] .el-breadcrumb__inner')].map((e) => e.innerText.trim()).join(' / ') === %s`, js(want)))
}

// pickEntity chooses an object type in the audit log's filter. The option is
// clicked from the page's script, not with the mouse: the filterable select's
// list may still be sliding open, and a mouse click then misses it.
func (a *app) pickEntity(label string) {
	a.t.Helper()
	a.click("#audit-entity")
	a.until("the option "+label, fmt.Sprintf(`(() => {
		const li = [...document.querySelectorAll('.el-select-dropdown__item')].find((e) => e.getClientRects().length && e.innerText.trim() === %s)
		if (li) li.click()
		return !!li
	})()`, js(label)))
	a.until("the filter showing "+label, fmt.Sprintf(`document.querySelector('#audit-entity').closest('.el-select').innerText.includes(%s)`, js(label)))
}

// sidebarWidth is the width of the left menu in CSS pixels.
func (a *app) sidebarWidth() int {
	a.t.Helper()
	return evaluate[int](a, `Math.round(document.querySelector('[data-testid="sidebar"]').getBoundingClientRect().width)`)
}

// Every page shows where it is (工作台 › menu entry › page, a detail page
// with its object's name: a plan's result, a round, a template, a survey, a plan's ledger); the sidebar folds from the header, stays folded
// after a reload, and folds by itself at 1024 px, where the list pages fit
// the window without a horizontal scroll bar.
func TestBreadcrumbsAndSidebar(t *testing.T) {
	a := newApp(t)
	w := a.world
	a.published()
	a.login("admin")
	a.untilCrumbs("工作台")
	a.open("/admin/audit")
	a.untilCrumbs("工作台 / 审计日志")
	a.open(fmt.Sprintf("/results/%d/plans/%d", w.Round.ID, w.P1.ID))
	a.untilCrumbs("工作台 / 评估结果 / 方案评估结果：" + w.P1.Code)
	a.clickText(`[data-testid="breadcrumbs"] a`, "评估结果")
	a.untilPath("/results")
	a.untilCrumbs("工作台 / 评估结果")
	// The round, template and survey pages (and a plan's ledger) name their object once it is loaded.
	a.open(fmt.Sprintf("/admin/rounds/%d", w.Round.ID))
	a.untilCrumbs("工作台 / 评估轮次 / 轮次详情：" + w.Round.Name)
	a.open(fmt.Sprintf("/admin/templates/%d", w.Template.ID))
	a.untilCrumbs("工作台 / 指标体系 / 指标体系详情：" + w.Template.Name)
	survey := w.PublishedSurvey(evaltest.SurveyRequest())
	a.open(fmt.Sprintf("/admin/surveys/%d", survey.ID))
	a.untilCrumbs("工作台 / 群众满意度调查 / 问卷设计：" + survey.Title)
	a.settle()
	a.screenshot("survey-crumb")
	a.open(fmt.Sprintf("/plans/%d/history", w.P1.ID))
	a.untilCrumbs("工作台 / 方案台账：" + w.P1.Code)

	if got := a.sidebarWidth(); got != 220 {
		t.Fatalf("sidebar at 1440 px: %d px wide, want 220", got)
	}
	a.click(`[data-testid="sidebar-toggle"]`)
	a.until("the sidebar folded", `document.querySelector('[data-testid="sidebar"]').getBoundingClientRect().width === 64`)
	a.open("/admin/plans")
	a.visible(".el-table__row")
	if got := a.sidebarWidth(); got != 64 {
		t.Errorf("sidebar after a reload: %d px wide, want 64 (the choice is kept)", got)
	}
	a.click(`[data-testid="sidebar-toggle"]`)
	a.until("the sidebar unfolded", `document.querySelector('[data-testid="sidebar"]').getBoundingClientRect().width === 220`)

	a.run("a 1024×768 window", chromedp.EmulateViewport(1024, 768))
	a.until("the sidebar folded at 1024 px", `document.querySelector('[data-testid="sidebar"]').getBoundingClientRect().width === 64`)
	for _, path := range []string{"/admin/plans", "/admin/findings", "/admin/audit", "/admin/rounds"} {
		a.open(path)
		a.visible(".el-table__row")
		a.settle()
		if over := evaluate[int](a, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
			t.Errorf("%s at 1024 px: %d px wider than the window", path, over)
		}
	}
	a.open("/admin/plans")
	a.visible(".el-table__row")
	a.settle()
	a.screenshot("plans-1024")
	a.checkA11y("/admin/plans at 1024 px, sidebar folded")
	// Folded, the menu still works: its entries name themselves on hover and open their pages.
	a.click(`.el-menu-item:nth-child(2)`)
	a.untilPath("/admin/rounds")
	a.untilCrumbs("工作台 / 评估轮次")
}

// The keyword of findings, rounds and surveys narrows their lists.
func TestKeywordSearch(t *testing.T) {
	a := newApp(t)
	w := a.world
	a.published()
	a.currentRound("2027年度专项改革方案第三方评估")
	other := evaltest.SurveyRequest()
	other.Title = "营商环境满意度调查"
	w.PublishedSurvey(other)
	w.PublishedSurvey(evaltest.SurveyRequest())
	a.login("admin")

	rows := func(table string) int {
		return evaluate[int](a, fmt.Sprintf(`document.querySelectorAll(%s).length`, js(table+" .el-table__body-wrapper .el-table__row")))
	}
	search := func(path, input, q, table string, want int) {
		t.Helper()
		a.open(path)
		a.visible(table + " .el-table__row")
		a.fill(input, q)
		a.clickText(".filters .el-button--primary", "查询")
		a.until(fmt.Sprintf("%s: %d rows for %s", path, want, q), fmt.Sprintf(`document.querySelectorAll(%s).length === %d`,
			js(table+" .el-table__body-wrapper .el-table__row"), want))
		if got := rows(table); got != want {
			t.Errorf("%s q=%s: %d rows, want %d", path, q, got, want)
		}
	}
	search("/admin/findings", "#f-q", "绩效目标管理办法", "", 1)
	search("/admin/findings", "#f-q", w.P2.Code, "", 1)
	a.settle()
	a.screenshot("findings-search")
	search("/admin/rounds", "#round-q", "2027年", "", 1)
	search("/admin/surveys", "#survey-q", "营商", `[data-testid="surveys"]`, 1)
	a.settle()
	a.checkA11y("/admin/surveys with a keyword")
}

// An evaluator ticks the responses awaiting its verdict and accepts them
// together, after a confirmation that names the count; the summary says
// how many went through.
func TestBatchVerifyAccept(t *testing.T) {
	a := newApp(t)
	w := a.world
	ctx := context.Background()
	p := a.published()
	for _, f := range []struct {
		dept *evaluation.User
		id   int64
	}{{w.DeptFinance, p.P1Minor.ID}, {w.DeptStateAssets, p.P2Major.ID}} {
		actor := evaluation.ActorOf(f.dept)
		if _, err := a.env.Store.SaveResponse(ctx, actor, f.id, evaltest.DeptAnswer()); err != nil {
			t.Fatal(err)
		}
		if _, err := a.env.Store.SubmitResponse(ctx, actor, f.id, nil); err != nil {
			t.Fatal(err)
		}
	}
	a.login("eval2")
	a.open("/verify")
	a.visible(".el-table__row")
	a.until("two responses awaiting a verdict", `document.querySelectorAll('.el-table__body-wrapper .el-table__row').length === 2`)
	if evaluate[bool](a, `!document.querySelector('[data-testid="batch-accept"]').disabled`) {
		t.Error("批量核验通过 is enabled with nothing ticked")
	}
	a.click(".el-table__header .el-checkbox")
	a.untilText(`[data-testid="batch-accept"]`, "批量核验通过（2）")
	a.settle()
	a.screenshot("ticked")
	a.checkA11y("/verify with rows ticked")
	a.click(`[data-testid="batch-accept"]`)
	a.untilText(".el-message-box__message", "选中的 2 条问题")
	a.screenshot("confirm")
	a.confirm("通过 2 条")
	a.toast("已通过 2 条")
	for _, id := range []int64{p.P1Minor.ID, p.P2Major.ID} {
		f, err := a.env.Store.Finding(ctx, evaluation.ActorOf(w.Eval2), id)
		if err != nil {
			t.Fatal(err)
		}
		if f.Status != evaluation.FindingAccepted {
			t.Errorf("finding %d is %s after the batch, want accepted", id, f.Status)
		}
	}
}

// The audit log reads as Chinese: the action and object type in words, the
// operator by name, the object linked, and an edit as the fields it changed.
func TestAuditViewForPeople(t *testing.T) {
	a := newApp(t)
	w := a.world
	ctx := context.Background()
	name := "2026年度第一轮（更名）"
	if _, err := a.env.Store.UpdateRound(ctx, w.AdminActor(), w.Round.ID, evaluation.RoundPatch{Name: &name}); err != nil {
		t.Fatal(err)
	}
	a.login("admin")
	a.open("/admin/audit")
	a.visible(".el-table__row")
	a.pickEntity("评估轮次")
	a.untilText(`[data-testid="audit"] .el-table__body-wrapper .el-table__row`, "修改轮次")
	row := `[data-testid="audit"] .el-table__body-wrapper .el-table__row`
	if got := a.text(row); !strings.Contains(got, w.Admin.DisplayName) || !strings.Contains(got, fmt.Sprintf("评估轮次 #%d", w.Round.ID)) || !strings.Contains(got, "名称") {
		t.Errorf("the newest row reads %q", got)
	}
	a.click(row + " .el-table__expand-icon")
	a.visible(`[data-testid="audit-diff"]`)
	diff := a.text(`[data-testid="audit-diff"]`)
	if !strings.Contains(diff, "名称") || !strings.Contains(diff, w.Round.Name) || !strings.Contains(diff, name) || strings.Contains(diff, "{") {
		t.Errorf("the difference reads %q", diff)
	}
	a.settle()
	a.screenshot("diff")
	a.checkA11y("/admin/audit with a difference open")
	a.clickText(row+" a", "评估轮次")
	a.untilPath(fmt.Sprintf("/admin/rounds/%d", w.Round.ID))
}
