package e2e

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// question is the CSS selector of the i-th question (from 0) in the designer.
func question(i int) string { return fmt.Sprintf(`[data-testid="question-%d"]`, i) }

// pick chooses an option of the Element Plus select found by CSS.
func (a *app) pick(css, option string) {
	a.t.Helper()
	a.click(css)
	a.clickText(".el-select-dropdown__item", option)
	a.gone(".el-select-dropdown")
}

// The office designs a survey in the web UI — a question shown only to
// those who answered an earlier one with 是 — sees a rule broken beside its
// field, sees the condition work in the phone preview, saves, publishes and
// gets the public link and its QR code.
func TestAdminDesignsAndPublishesSurvey(t *testing.T) {
	a := newApp(t)
	w := a.world
	ctx := context.Background()
	const title = "政务服务“一网通办”群众满意度调查"

	a.login("admin")
	a.clickText(".el-menu-item", "群众满意度调查")
	a.untilPath("/admin/surveys")
	a.click(`[data-testid="survey-new"]`)
	a.untilPath("/admin/surveys/new")
	a.fill("#survey-title", title)
	a.fill("#survey-intro", "本调查匿名进行，约需一分钟。")
	a.pick("#survey-round", w.Round.Name)
	a.pick("#survey-plan", w.P1.Code)

	// A new survey starts with a five-point question.
	a.fill(question(0)+" textarea", "您对“一网通办”的总体满意度")
	a.click(`[data-testid="add-single"]`)
	a.fill(question(1)+" textarea", "过去一年您是否在网上办理过政务服务事项？")
	a.fill(question(1)+` input[data-testid="option-0"]`, "是")
	// The second option is left empty: refused beside it, nothing is sent.
	a.click(`[data-testid="survey-save"]`)
	a.untilText(question(1)+" .el-form-item.is-error", "选项不能为空")
	a.toast("问卷还有需要修改的地方")
	if n := a.surveys(); n != 0 {
		t.Fatalf("%d surveys stored although the form was refused", n)
	}
	a.fill(question(1)+` input[data-testid="option-1"]`, "否")
	a.until("the error to clear", fmt.Sprintf(`!document.querySelector(%s)`, js(question(1)+" .el-form-item.is-error")))

	a.click(`[data-testid="add-likert5"]`)
	a.fill(question(2)+" textarea", "网上办事的便捷程度")
	a.click(question(2) + ` [data-testid="show-if-toggle"]`)
	// The condition names the nearest earlier question it may: 第 2 题.
	a.untilText(question(2)+` [data-testid="show-if-question"]`, "q2")
	a.pick(question(2)+` [data-testid="show-if-equals"]`, "是")

	// The preview hides 第 3 题 until 是 is chosen for 第 2 题.
	preview := `[data-testid="survey-preview"]`
	a.untilText(preview, "过去一年您是否在网上办理过政务服务事项？")
	if evaluate[bool](a, `!!document.querySelector('[data-preview-question="q3"]')`) {
		t.Error("the preview shows the conditional question before its condition holds")
	}
	a.clickText(`[data-preview-question="q2"] label`, "是")
	a.visible(`[data-preview-question="q3"]`)
	a.untilText(`[data-preview-question="q3"]`, "网上办事的便捷程度")
	a.clickText(`[data-preview-question="q2"] label`, "否")
	a.gone(`[data-preview-question="q3"]`)
	a.clickText(`[data-preview-question="q2"] label`, "是")
	a.visible(`[data-preview-question="q3"]`)
	// Submitting the preview checks the required questions beside each.
	a.click(`[data-testid="preview-submit"]`)
	a.untilText(`[data-preview-question="q1"] .pv-err`, "此题为必答题")
	a.settle()
	a.screenshot("designer")

	a.click(`[data-testid="survey-save"]`)
	a.toast("问卷已保存")
	a.until("the survey's page", `/^\/admin\/surveys\/\d+$/.test(location.pathname)`)
	// Saved, the new survey moves to its own page, whose last crumb names it.
	a.untilCrumbs("工作台 / 群众满意度调查 / 问卷设计：" + title)
	id, err := strconv.ParseInt(regexp.MustCompile(`\d+$`).FindString(a.location()), 10, 64)
	if err != nil {
		t.Fatalf("survey id in %s: %v", a.location(), err)
	}
	s, err := a.env.Store.Survey(ctx, evaluation.System, id)
	if err != nil {
		t.Fatalf("the survey is not in the store: %v", err)
	}
	if s.Title != title || s.Status != evaluation.SurveyDraft || s.RoundID == nil || *s.RoundID != w.Round.ID ||
		s.PlanID == nil || *s.PlanID != w.P1.ID {
		t.Errorf("stored %+v, want the draft %q linked to round %d and plan %d", s, title, w.Round.ID, w.P1.ID)
	}
	if got := questionSummary(s.Questions); got != `q1 likert5 required; q2 single [是 否] required; q3 likert5 required if q2="是"` {
		t.Errorf("stored questions: %s", got)
	}

	a.click(`[data-testid="survey-publish"]`)
	a.untilText(".el-message-box", "题目即被冻结")
	a.confirm("确认发布")
	a.toast("问卷已发布")
	s, err = a.env.Store.Survey(ctx, evaluation.System, id)
	if err != nil {
		t.Fatal(err)
	}
	if s.Status != evaluation.SurveyPublished || s.Token == nil {
		t.Fatalf("after publishing the survey is %s with token %v", s.Status, s.Token)
	}
	a.until("the public link", fmt.Sprintf(`document.querySelector('[data-testid="survey-public-url"] input, input[data-testid="survey-public-url"]')?.value === %s`,
		js(a.url+"/s/"+*s.Token)))
	a.until("the QR code", `(() => {
		const img = document.querySelector('[data-testid="survey-qr"]')
		return !!img && img.complete && img.naturalWidth === 512 && img.src.startsWith('blob:')
	})()`)
	// Published: the questions are frozen.
	if n := evaluate[int](a, `document.querySelectorAll('[data-testid="question-0"] textarea:not([disabled])').length`); n != 0 {
		t.Error("the questions of a published survey can still be edited")
	}
	a.settle()
	a.screenshot("published")
}

// questionSummary describes questions in one line, to compare them.
func questionSummary(qs []evaluation.SurveyQuestion) string {
	parts := make([]string, len(qs))
	for i, q := range qs {
		p := q.Code + " " + string(q.Kind)
		if len(q.Options) > 0 {
			p += " [" + strings.Join(q.Options, " ") + "]"
		}
		if q.Required {
			p += " required"
		}
		if q.ShowIf != nil {
			p += " if " + q.ShowIf.Question + "=" + string(q.ShowIf.Equals)
		}
		parts[i] = p
	}
	return strings.Join(parts, "; ")
}

// surveys counts the surveys in the store.
func (a *app) surveys() int {
	a.t.Helper()
	list, err := a.env.Store.Surveys(context.Background(), evaluation.System, evaluation.SurveyFilter{Page: evaluation.Page{PerPage: 1}})
	if err != nil {
		a.t.Fatalf("list surveys: %v", err)
	}
	return int(list.Total)
}

// linkedSurvey publishes the fixture survey linked to a round and plan, with
// n random valid responses, and returns it with its results.
func (a *app) linkedSurvey(round *evaluation.Round, plan *evaluation.Plan, n int) (*evaluation.Survey, *evaluation.SurveyResults) {
	a.t.Helper()
	ctx := context.Background()
	req := evaltest.SurveyRequest()
	req.RoundID, req.PlanID = &round.ID, &plan.ID
	s := a.world.PublishedSurvey(req)
	rng := rand.New(rand.NewPCG(7, 11))
	for range n {
		if err := a.env.Store.AnswerSurvey(ctx, *s.Token, evaltest.RawAnswers(a.t, evaltest.SurveyAnswers(rng))); err != nil {
			a.t.Fatalf("answer the survey: %v", err)
		}
	}
	res, err := a.env.Store.SurveyResults(ctx, evaluation.System, s.ID)
	if err != nil {
		a.t.Fatalf("survey results: %v", err)
	}
	return s, res
}

// An evaluator scoring a plan sees, beside its satisfaction indicator (4.2
// 群众满意度), the survey linked to the plan in the round: its title,
// responses and satisfaction index, as the server computed them.
func TestEvaluatorSeesSurveyBesideSatisfaction(t *testing.T) {
	a := newApp(t)
	w := a.world
	round := a.currentRound("2026年度专项改革方案第三方评估")
	asg := w.Assign(round, w.P1, w.Eval1)
	w.Move(round, evaluation.RoundOpen)
	s, res := a.linkedSurvey(round, w.P1, 12)
	if res.SatisfactionIndex == nil {
		t.Fatal("the fixture survey has no satisfaction index")
	}

	a.login("eval1")
	a.open(fmt.Sprintf("/tasks/%d", asg.ID))
	card := `[data-indicator="4.2"] + [data-testid="survey-reference"]`
	a.visible(card)
	a.untilText(card, s.Title)
	if got := a.text(card + ` [data-testid="survey-responses"]`); got != "12" {
		t.Errorf("responses shown %q, want 12", got)
	}
	if got, want := a.text(card+` [data-testid="survey-index"]`), res.SatisfactionIndex.String()+" / 100"; got != want {
		t.Errorf("satisfaction index shown %q, want %q", got, want)
	}
	a.untilText(card, "进行中")
	a.untilText(card, "仅供评分时参考")
	if n := evaluate[int](a, `document.querySelectorAll('[data-testid="survey-reference"]').length`); n != 1 {
		t.Errorf("%d survey cards, want one beside 4.2", n)
	}
	a.settle()
	a.screenshot("scoresheet")
}

// A city leader (viewer) finds the surveys in the menu, reads the list —
// the drafts too, but without any of the office's buttons — and opens a
// published survey's results, which count its responses as the server does.
// The survey's round is published: before, it is not the viewer's to see.
func TestViewerReadsSurveyResults(t *testing.T) {
	a := newApp(t)
	w := a.world
	a.published()
	s, res := a.linkedSurvey(w.Round, w.P1, 8)
	if res.SatisfactionIndex == nil {
		t.Fatal("the fixture survey has no satisfaction index")
	}
	draftReq := evaltest.SurveyRequest()
	draftReq.Title = "营商环境满意度调查（设计中）"
	if _, err := a.env.Store.CreateSurvey(context.Background(), w.AdminActor(), draftReq); err != nil {
		t.Fatalf("create the draft: %v", err)
	}

	a.login("leader")
	a.clickText(".el-menu-item", "群众满意度调查")
	a.untilPath("/surveys")
	table := `[data-testid="surveys"]`
	a.untilText(table, s.Title)
	a.untilText(table, draftReq.Title)
	row := fmt.Sprintf(`[...document.querySelectorAll('[data-testid="surveys"] .el-table__row')].find((r) => r.innerText.includes(%s))`, js(s.Title))
	if got := evaluate[string](a, row+`?.innerText ?? ''`); !strings.Contains(got, "进行中") || !strings.Contains(got, "8") ||
		!strings.Contains(got, w.Round.Name) {
		t.Errorf("the survey's row says %q, want 进行中, 8 responses and round %q", got, w.Round.Name)
	}
	// Read-only: no button to create, edit, publish, close or download, no
	// link into the designer, and nothing the server refused.
	if n := evaluate[int](a, `document.querySelectorAll('[data-testid="survey-new"], [data-testid="surveys"] .el-table__body button').length`); n != 0 {
		t.Errorf("%d buttons of the office shown to a viewer", n)
	}
	for _, word := range []string{"新建问卷", "编辑", "操作", "二维码", "下载"} {
		if strings.Contains(a.text(".page"), word) {
			t.Errorf("the viewer's survey list says %q", word)
		}
	}
	if n := evaluate[int](a, `[...document.querySelectorAll('[data-testid="surveys"] a')].filter((l) => !/^\/surveys\/\d+\/results$/.test(l.getAttribute('href') ?? '')).length`); n != 0 {
		t.Errorf("%d links of the list lead elsewhere than to a survey's results", n)
	}
	if n := evaluate[int](a, `document.querySelectorAll('.el-message--error').length`); n != 0 {
		t.Errorf("%d error messages on the viewer's survey list: %s", n, a.text(".el-message--error"))
	}
	if got := a.text(".el-menu-item.is-active"); got != "群众满意度调查" {
		t.Errorf("the menu highlights %q", got)
	}
	a.settle()
	a.screenshot("list")

	a.clickText(`[data-testid="survey-results-link"]`, s.Title)
	a.untilPath(fmt.Sprintf("/surveys/%d/results", s.ID))
	a.visible(`[data-result="q1"] svg`)
	if got := a.text(`[data-testid="results-responses"]`); got != "8" {
		t.Errorf("responses shown %q, want 8", got)
	}
	if got, want := a.text(`[data-testid="results-index"]`), res.SatisfactionIndex.String(); got != want {
		t.Errorf("satisfaction index shown %q, want %q", got, want)
	}
	if evaluate[bool](a, `!!document.querySelector('[data-testid="results-xlsx"]')`) {
		t.Error("a viewer is offered the responses workbook, which only the office may download")
	}
	if got := a.text(".el-menu-item.is-active"); got != "群众满意度调查" {
		t.Errorf("on the results the menu highlights %q", got)
	}
	a.settle()
	a.screenshot("results")

	a.click(`[data-testid="results-back"]`)
	a.untilPath("/surveys")
	a.untilText(table, s.Title)
}
