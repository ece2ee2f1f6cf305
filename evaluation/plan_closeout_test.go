package evaluation_test

import (
	"context"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// A plan closed out (销账) keeps its open findings where they are, cannot be
// assigned (409), is left out of the eligible plans and of auto-assignment,
// is listed with its reason and found by ?closed; reopened, it is eligible
// again. Both steps are audited.
func TestCloseOutAndEligibility(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		ctx := context.Background()
		w := evaltest.Seed(t, env)
		pub := w.PublishRound()
		admin := w.AdminActor()

		if _, err := w.Store.CloseOutPlan(ctx, admin, w.P1.ID, evaluation.CloseOutRequest{}); err == nil {
			t.Fatal("closed out without a reason")
		} else {
			wantInvalid(t, err, "reason")
		}
		p, err := w.Store.CloseOutPlan(ctx, admin, w.P1.ID, evaluation.CloseOutRequest{Reason: "方案已到期，任务全部完成"})
		if err != nil {
			t.Fatal(err)
		}
		if p.ClosedAt == nil || p.CloseReason == nil || *p.CloseReason != "方案已到期，任务全部完成" {
			t.Fatalf("closed plan: %+v", p)
		}
		_, err = w.Store.CloseOutPlan(ctx, admin, w.P1.ID, evaluation.CloseOutRequest{Reason: "again"})
		wantConflict(t, err, "already_closed")

		// Its open findings stay tracked in their round.
		f, err := w.Store.Finding(ctx, admin, pub.P1Critical.ID)
		if err != nil || f.Status != evaluation.FindingOpen {
			t.Fatalf("finding of the closed plan: %+v, %v", f, err)
		}

		next := w.NewRound("2027年第一轮")
		_, err = w.Store.CreateAssignment(ctx, admin, next.ID, evaluation.AssignmentRequest{PlanID: w.P1.ID, EvaluatorID: w.Eval1.ID})
		wantConflict(t, err, "plan_closed")
		eligible, err := w.Store.EligiblePlans(ctx, next.ID, evaluation.Page{})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range eligible.Items {
			if e.ID == w.P1.ID {
				t.Error("a closed plan is eligible")
			}
		}
		res, err := w.Store.AutoAssign(ctx, admin, next.ID, 1, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range res.Assignments {
			if a.Plan.ID == w.P1.ID {
				t.Error("auto-assignment proposes a closed plan")
			}
		}

		closed, open := true, false
		for want, filter := range map[int64]*bool{1: &closed, 3: &open, 4: nil} {
			l, err := w.Store.Plans(ctx, evaluation.PlanFilter{Closed: filter})
			if err != nil || l.Total != want {
				t.Errorf("plans with closed=%v: %d, %v; want %d", filter, l.Total, err, want)
			}
		}

		p, err = w.Store.ReopenPlan(ctx, admin, w.P1.ID)
		if err != nil || p.ClosedAt != nil || p.CloseReason != nil {
			t.Fatalf("reopened: %+v, %v", p, err)
		}
		_, err = w.Store.ReopenPlan(ctx, admin, w.P1.ID)
		wantConflict(t, err, "not_closed")
		w.Assign(next, w.P1, w.Eval1)

		events, err := w.Store.ListAudit(ctx, evaluation.AuditFilter{Entity: "plan", EntityID: w.P1.ID})
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range events.Items {
			actions = append(actions, e.Action)
		}
		if len(actions) < 3 || actions[0] != "plan.reopen" || actions[1] != "plan.close_out" {
			t.Errorf("audit of the plan: %v", actions)
		}
	})
}

// An import closes a plan out when its row gives a 销账原因, and never
// reopens one: an empty reason leaves the plan as it is.
func TestImportClosesOut(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		ctx := context.Background()
		w := evaltest.Seed(t, env)
		csv := "编号,方案名称,牵头单位,印发日期,销账原因\n" +
			"CD-2017-001,以绩效为导向的财政预算制度改革方案,市财政局,2017-11-20,已全面完成\n" +
			"CD-2017-002,以效率为导向的国资经营评价制度改革方案,市国资委,2017-11-20,\n" +
			"CD-2030-001,新方案,市财政局,2025-01-01,并入其他方案\n"
		if _, err := w.Store.ImportPlans(ctx, w.AdminActor(), "plans.csv", []byte(csv)); err != nil {
			t.Fatal(err)
		}
		plan := func(id int64) *evaluation.Plan {
			t.Helper()
			p, err := w.Store.Plan(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		p1, p2 := plan(w.P1.ID), plan(w.P2.ID)
		if p1.ClosedAt == nil || *p1.CloseReason != "已全面完成" || p2.ClosedAt != nil {
			t.Fatalf("after import: P1 %v %v, P2 %v", p1.ClosedAt, p1.CloseReason, p2.ClosedAt)
		}
		closed := true
		l, err := w.Store.Plans(ctx, evaluation.PlanFilter{Closed: &closed})
		if err != nil || l.Total != 2 {
			t.Fatalf("closed plans after import: %d, %v", l.Total, err)
		}
		// Imported again without reasons: still closed, same day.
		csv = "编号,方案名称,牵头单位,印发日期,销账原因\nCD-2017-001,以绩效为导向的财政预算制度改革方案,市财政局,2017-11-20,\n"
		if _, err := w.Store.ImportPlans(ctx, w.AdminActor(), "plans.csv", []byte(csv)); err != nil {
			t.Fatal(err)
		}
		again := plan(w.P1.ID)
		if again.ClosedAt == nil || !again.ClosedAt.Equal(*p1.ClosedAt) || *again.CloseReason != "已全面完成" {
			t.Fatalf("imported again: %v %v", again.ClosedAt, again.CloseReason)
		}
	})
}
