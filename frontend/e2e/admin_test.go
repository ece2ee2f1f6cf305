package e2e

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"github.com/evald/evald/evaluation"
)

// The office creates a round in the round dialog, previews the automatic
// assignment and saves it: every eligible plan gets three evaluators from
// three different agencies.
func TestAdminCreatesRoundAndAutoAssigns(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	now := a.env.Clock.Now()
	starts, due := now.Format(time.DateOnly), now.AddDate(0, 0, 45).Format(time.DateOnly)
	const name = "2026年度第二轮清单式集中评估"

	a.login("admin")
	a.open("/admin/rounds")
	a.click(`[data-testid="round-new"]`)
	a.visible("#round-name")
	a.fill("#round-name", name)
	// The newest template is chosen already.
	a.untilText(`.el-dialog .el-select`, a.world.Template.Name)
	a.fill("#round-starts", starts)
	a.keys("confirm the start date", kb.Enter)
	a.fill("#round-due", due)
	a.keys("confirm the due date", kb.Enter)
	a.settle()
	a.screenshot("new-round")
	a.click(`[data-testid="round-save"]`)

	a.until("the round page", `/^\/admin\/rounds\/\d+$/.test(location.pathname)`)
	id, err := strconv.ParseInt(regexp.MustCompile(`\d+$`).FindString(a.location()), 10, 64)
	if err != nil {
		t.Fatalf("round id in %s: %v", a.location(), err)
	}
	round, err := a.env.Store.Round(ctx, id)
	if err != nil {
		t.Fatalf("the new round is not in the store: %v", err)
	}
	if round.Name != name || round.StartsOn.String() != starts || round.ScoringDue.String() != due ||
		round.TemplateID != a.world.Template.ID || round.Status != evaluation.RoundDraft {
		t.Fatalf("round saved as %+v, want %s from %s to %s on template %d, draft", round, name, starts, due, a.world.Template.ID)
	}
	a.untilText(".page-title", name)

	eligible, err := a.env.Store.EligiblePlans(ctx, id, evaluation.Page{PerPage: 500})
	if err != nil {
		t.Fatal(err)
	}
	if eligible.Total == 0 {
		t.Fatal("no eligible plans in the fixture for a round starting today")
	}
	want := 3 * int(eligible.Total)

	a.click(`[data-testid="auto-assign"]`)
	a.click(`[data-testid="auto-assign-preview-button"]`)
	a.untilText(`[data-testid="auto-assign-preview"]`, fmt.Sprintf("将新增 %d 项分配", want))
	a.settle()
	a.screenshot("preview")
	if n := a.assignments(id); n != 0 {
		t.Fatalf("the preview saved %d assignments", n)
	}

	a.click(`[data-testid="auto-assign-save"]`)
	a.toast(fmt.Sprintf("新增 %d 项评估任务", want))
	a.gone(".el-dialog")
	a.untilText(".el-pagination", fmt.Sprintf("共 %d 条", want))
	a.untilText(`[data-testid="assignments"]`, a.world.P1.Code)
	a.settle()
	a.screenshot("assigned")

	list, err := a.env.Store.RoundAssignments(ctx, evaluation.AssignmentFilter{RoundID: id, Page: evaluation.Page{PerPage: 500}})
	if err != nil {
		t.Fatal(err)
	}
	if int(list.Total) != want {
		t.Fatalf("%d assignments saved, want %d", list.Total, want)
	}
	agencies := map[int64]map[int64]bool{} // plan → agencies
	for _, asg := range list.Items {
		if agencies[asg.Plan.ID] == nil {
			agencies[asg.Plan.ID] = map[int64]bool{}
		}
		agencies[asg.Plan.ID][asg.AgencyID] = true
	}
	for _, p := range eligible.Items {
		if n := len(agencies[p.ID]); n != 3 {
			t.Errorf("plan %s has evaluators from %d agencies, want 3", p.Code, n)
		}
	}
}

// assignments counts the assignments of a round in the store.
func (a *app) assignments(roundID int64) int {
	a.t.Helper()
	list, err := a.env.Store.RoundAssignments(context.Background(), evaluation.AssignmentFilter{RoundID: roundID, Page: evaluation.Page{PerPage: 1}})
	if err != nil {
		a.t.Fatalf("list assignments: %v", err)
	}
	return int(list.Total)
}
