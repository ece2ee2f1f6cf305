package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// switchUser ends the session in the browser and signs in as someone else.
func (a *app) switchUser(username string) {
	a.t.Helper()
	a.run("sign out", chromedp.Evaluate[chromedp.Void](`localStorage.clear()`))
	a.login(username)
}

// The main pages of every role, and the public survey page on a phone, pass
// the WCAG 2 A and AA rules of axe-core with no violation.
func TestAccessibility(t *testing.T) {
	a := newApp(t)
	w := a.world
	ctx := context.Background()
	p := a.published()
	round := a.currentRound("2026年度专项改革方案第三方评估")
	asg := w.Assign(round, w.P1, w.Eval1)
	w.Move(round, evaluation.RoundOpen)
	linked, _ := a.linkedSurvey(round, w.P1, 5)
	reported, _ := a.linkedSurvey(p.Round, w.P1, 5) // viewers see surveys of published rounds only
	draft, err := a.env.Store.CreateSurvey(ctx, w.AdminActor(), evaltest.SurveyRequest())
	if err != nil {
		t.Fatal(err)
	}

	// check opens a page, waits for what shows it is loaded and checks it.
	check := func(path, ready string) {
		t.Helper()
		a.open(path)
		a.visible(ready)
		a.settle()
		a.checkA11y(path)
	}

	a.open("/login")
	a.visible("#login-username")
	a.settle()
	a.checkA11y("/login (登录)")

	a.login("admin")
	check("/admin/rounds", ".el-table__row")
	check(fmt.Sprintf("/admin/rounds/%d", w.Round.ID), `[data-testid="assignments"]`)
	check("/admin/plans", ".el-table__row")
	check(fmt.Sprintf("/admin/templates/%d", w.Template.ID), `[data-testid="template-total"]`)
	check("/admin/surveys", `[data-testid="surveys"] .el-table__row`)
	a.screenshot("surveys")
	check(fmt.Sprintf("/admin/surveys/%d", draft.ID), `[data-preview-question="q1"]`)
	// The designer with its problems shown next to the fields.
	a.fill(question(1)+` input[data-testid="option-1"]`, "")
	a.click(`[data-testid="survey-save"]`)
	a.visible(question(1) + " .el-form-item.is-error")
	a.settle()
	a.checkA11y("the survey designer with errors")
	check(fmt.Sprintf("/admin/surveys/%d", linked.ID), `[data-testid="survey-qr"]`)
	check(fmt.Sprintf("/surveys/%d/results", linked.ID), `[data-result="q1"] svg`)
	a.screenshot("survey-results")

	a.switchUser("eval1")
	check(fmt.Sprintf("/tasks/%d", asg.ID), `[data-testid="survey-reference"]`)

	a.switchUser("finance")
	check(fmt.Sprintf("/rectify/%d", p.P1Critical.ID), `[data-testid="response-save"]`)

	a.switchUser("leader")
	check("/results", ".el-table__row")
	check(fmt.Sprintf("/results/%d/plans/%d", w.Round.ID, w.P1.ID), ".page-title")
	check("/surveys", `[data-testid="surveys"] .el-table__row`)
	a.screenshot("viewer-surveys")
	check(fmt.Sprintf("/surveys/%d/results", reported.ID), `[data-result="q1"] svg`)

	// The public page, on a phone: as it opens, with an error, and thanked.
	a.phone()
	a.run("open the public survey", chromedp.Navigate(a.url+"/s/"+*linked.Token))
	a.visible("#survey")
	a.checkA11y("/s/{token}")
	a.click(`label[for="in-q2-0"]`)
	a.click("#submit")
	a.visible("#err-q1:not(:empty)")
	a.checkA11y("/s/{token} with errors")
	for _, answer := range []string{"in-q1-3", "in-q3-4", "in-q5-3", "in-q6-10"} {
		a.click(fmt.Sprintf(`label[for="%s"]`, answer))
	}
	a.click("#submit")
	a.visible("#done")
	a.checkA11y("/s/{token} thanked")
}
