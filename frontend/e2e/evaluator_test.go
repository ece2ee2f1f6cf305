package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
)

// currentRound creates a round of the fixture template running from
// yesterday for 30 days, so that it is open for scoring today by the
// browser's clock as well as the server's.
func (a *app) currentRound(name string) *evaluation.Round {
	a.t.Helper()
	now := a.env.Clock.Now()
	r, err := a.env.Store.CreateRound(context.Background(), a.world.AdminActor(), evaluation.RoundRequest{Name: name,
		TemplateID: a.world.Template.ID, StartsOn: now.AddDate(0, 0, -1).Format(time.DateOnly),
		ScoringDue: now.AddDate(0, 0, 30).Format(time.DateOnly)})
	if err != nil {
		a.t.Fatalf("create round: %v", err)
	}
	return r
}

// indicatorField is the CSS selector of an indicator's points field (IndicatorRow.vue).
func indicatorField(code string) string {
	return "#ind-" + strings.ReplaceAll(code, ".", "_")
}

// An evaluator opens the task from the todo list, fills the scoresheet, sees
// an out-of-range value refused next to its field (and not saved), corrects
// it and submits.
func TestEvaluatorScoresAndSubmits(t *testing.T) {
	a := newApp(t)
	w := a.world
	round := a.currentRound("2026年度专项改革方案第三方评估")
	asg := w.Assign(round, w.P1, w.Eval1)
	w.Move(round, evaluation.RoundOpen)

	a.login("eval1")
	a.clickText(`[data-testid="todo-list"] a`, w.P1.Title)
	a.untilPath(fmt.Sprintf("/tasks/%d", asg.ID))
	a.visible(`[data-indicator="4.3"]`)

	// 1.1 is worth 6 points: 8 is refused beside the field.
	scores := map[string]string{"1.1": "8", "1.2": "5", "2.1": "9", "2.2": "8.5", "2.4": "4",
		"3.1": "13", "3.2": "12", "4.1": "8", "4.2": "7", "4.3": "5"}
	for _, code := range []string{"1.1", "1.2", "2.1", "2.2", "2.4", "3.1", "3.2", "4.1", "4.2", "4.3"} {
		a.fill(indicatorField(code), scores[code])
	}
	for _, code := range []string{"1.3", "1.4", "2.3"} {
		a.click(fmt.Sprintf(`[data-indicator="%s"] .el-radio-button:first-child`, code)) // 是
	}
	a.untilText(indicatorField("1.1")+"-err", "得分不能超过分值 6")
	if got := evaluate[string](a, `document.querySelector('#ind-1_1').getAttribute('aria-invalid')`); got != "true" {
		t.Errorf("the refused field has aria-invalid=%q, want true", got)
	}
	if got := evaluate[bool](a, `document.querySelector('[data-indicator="1.1"]').contains(document.querySelector('#ind-1_1-err'))`); !got {
		t.Error("the error is not shown with its indicator")
	}
	// Everything else is saved; the refused value is not.
	a.untilText(`[data-testid="autosave-status"]`, "1 项得分无效，未保存")
	a.untilText(`[data-testid="scoresheet-total"]`, "80.5")
	a.settle()
	a.screenshot("refused")
	sheet := a.scoresheet(asg.ID)
	if v, ok := answerOf(sheet, "1.1"); ok {
		t.Errorf("the refused value was saved: 1.1 = %s", v)
	}
	if v, _ := answerOf(sheet, "3.1"); v != "13" {
		t.Errorf("saved 3.1 = %q, want 13", v)
	}

	a.fill(indicatorField("1.1"), "5.5")
	a.until("the error to clear", `document.querySelector('#ind-1_1-err').innerText === ''`)
	a.untilText(`[data-testid="scoresheet-total"]`, "86")
	a.untilText(`[data-testid="autosave-status"]`, "已自动保存")

	a.click(`[data-testid="scoresheet-submit"]`)
	a.untilText(".el-message-box", "合计 86 分")
	a.confirm("确认提交")
	a.toast("评分表已提交")
	a.untilText(".page", "评分表已提交，不能再修改")
	a.settle()
	a.screenshot("submitted")

	sheet = a.scoresheet(asg.ID)
	if sheet.Status != evaluation.SheetSubmitted {
		t.Fatalf("scoresheet status %s, want submitted", sheet.Status)
	}
	want := map[string]string{"1.1": "5.5", "1.2": "5", "1.3": "yes", "1.4": "yes", "2.1": "9", "2.2": "8.5", "2.3": "yes",
		"2.4": "4", "3.1": "13", "3.2": "12", "4.1": "8", "4.2": "7", "4.3": "5"}
	for code, v := range want {
		if got, _ := answerOf(sheet, code); got != v {
			t.Errorf("submitted %s = %q, want %q", code, got, v)
		}
	}
}

// scoresheet reads an assignment's scoresheet from the store, as its evaluator.
func (a *app) scoresheet(assignmentID int64) *evaluation.Scoresheet {
	a.t.Helper()
	d, err := a.env.Store.Assignment(context.Background(), evaluation.ActorOf(a.world.Eval1), assignmentID)
	if err != nil {
		a.t.Fatalf("read scoresheet: %v", err)
	}
	return d.Scoresheet
}

// answerOf returns an answer as text (points, or yes/no), and whether there is one.
func answerOf(s *evaluation.Scoresheet, code string) (string, bool) {
	for _, ans := range s.Scores {
		switch {
		case ans.IndicatorCode != code:
		case ans.Points != nil:
			return fmt.Sprint(*ans.Points), true
		case ans.Yes != nil && *ans.Yes:
			return "yes", true
		case ans.Yes != nil:
			return "no", true
		}
	}
	return "", false
}
