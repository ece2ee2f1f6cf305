package evaluation_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// ledgerRound creates a draft round starting on starts (YYYY-MM-DD), scoring
// due two months later.
func ledgerRound(t *testing.T, w *evaltest.World, name, starts, due string) *evaluation.Round {
	t.Helper()
	r, err := w.Store.CreateRound(context.Background(), w.AdminActor(), evaluation.RoundRequest{Name: name,
		TemplateID: w.Template.ID, StartsOn: starts, ScoringDue: due})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// accept has the department answer a published finding and its evaluator accept it (销号).
func accept(t *testing.T, w *evaltest.World, f *evaluation.Finding, dept, ev *evaluation.User) {
	t.Helper()
	ctx := context.Background()
	if _, err := w.Store.SaveResponse(ctx, evaluation.ActorOf(dept), f.ID, evaltest.DeptAnswer()); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Store.SubmitResponse(ctx, evaluation.ActorOf(dept), f.ID, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Store.Verify(ctx, evaluation.ActorOf(ev), f.ID, evaluation.VerifyRequest{Verdict: evaluation.VerdictAccepted}); err != nil {
		t.Fatal(err)
	}
}

// A plan's history lists each round that assigned it with its result, its
// findings and their rectification and its issued reports: admins every
// round, viewers and the plan's department the published ones; another
// department and evaluators do not find it.
func TestPlanHistory(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		ctx := context.Background()
		w := evaltest.Seed(t, env)
		pub := w.PublishRound()
		accept(t, w, pub.P1Minor, w.DeptFinance, w.Eval2)
		next := ledgerRound(t, w, "2027年第一轮", "2027-03-01", "2027-04-30")
		w.Assign(next, w.P1, w.Eval3)
		results, err := w.Store.Results(ctx, w.AdminActor(), pub.Round.ID)
		if err != nil {
			t.Fatal(err)
		}
		var p1 evaluation.ResultItem
		for _, r := range results {
			if r.PlanID == w.P1.ID {
				p1 = r
			}
		}

		h, err := w.Store.PlanHistory(ctx, w.AdminActor(), w.P1.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(h.Rounds) != 2 || h.Rounds[0].RoundID != pub.Round.ID || h.Rounds[1].RoundID != next.ID {
			t.Fatalf("admin's history: %+v", h.Rounds)
		}
		first := h.Rounds[0]
		if first.Total == nil || *first.Total != *p1.Total || *first.Grade != *p1.Grade || *first.Rank != *p1.Rank ||
			first.RankedPlans != 2 || len(first.Dimensions) != len(p1.Dimensions) {
			t.Errorf("round 1 result: %+v, want that of the results %+v", first, p1)
		}
		if first.Findings != 2 || first.Accepted != 1 || first.Overdue != 0 || first.Rate == nil || first.Rate.Float64() != 0.5 ||
			len(first.FindingItems) != 2 {
			t.Errorf("round 1 findings: %d, accepted %d, overdue %d, rate %v", first.Findings, first.Accepted, first.Overdue, first.Rate)
		}
		if first.PublishedOn == nil || *first.PublishedOn != "2026-05-10" {
			t.Errorf("published on %v", first.PublishedOn)
		}
		if second := h.Rounds[1]; second.Total != nil || second.ResultStatus != evaluation.ResultNone || second.Rate != nil ||
			second.Findings != 0 || len(second.Reports) != 0 {
			t.Errorf("round 2 (draft): %+v", second)
		}

		// Reports: version 1 issued at publication, then a reissue.
		if _, err := w.Store.ReissueEvaluationReport(ctx, w.AdminActor(), pub.Round.ID, w.P1.ID,
			evaluation.ReissueRequest{Reason: "更正方案名称"}); err != nil {
			t.Fatal(err)
		}
		h, err = w.Store.PlanHistory(ctx, evaluation.ActorOf(w.Viewer), w.P1.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(h.Rounds) != 1 {
			t.Fatalf("viewer sees %d rounds, want the published one", len(h.Rounds))
		}
		reps := h.Rounds[0].Reports
		if len(reps) != 2 || reps[0].Version != 1 || reps[0].Current || reps[0].DownloadPath == nil ||
			!strings.HasSuffix(*reps[0].DownloadPath, "/evaluation-report.pdf?version=1") ||
			reps[1].Version != 2 || !reps[1].Current || reps[1].Reason != "更正方案名称" || reps[1].DownloadPath == nil ||
			!strings.HasSuffix(*reps[1].DownloadPath, "/evaluation-report.pdf") {
			t.Errorf("reports: %+v", reps)
		}

		if h, err := w.Store.PlanHistory(ctx, evaluation.ActorOf(w.DeptFinance), w.P1.ID); err != nil || len(h.Rounds) != 1 {
			t.Errorf("the plan's department: %v, %v", h, err)
		}
		for _, u := range []*evaluation.User{w.DeptStateAssets, w.Eval1} {
			if _, err := w.Store.PlanHistory(ctx, evaluation.ActorOf(u), w.P1.ID); !errors.Is(err, evaluation.ErrNotFound) {
				t.Errorf("%s reads P1's history: %v", u.Username, err)
			}
		}
	})
}

// carriedInto returns the findings of a round carried from earlier ones, by
// the finding they came from.
func carriedInto(t *testing.T, w *evaltest.World, round *evaluation.Round) map[int64]evaluation.Finding {
	t.Helper()
	var fs []evaluation.Finding
	if err := w.Env.DB.Gorm.Where("round_id = ? AND carried_from_finding_id IS NOT NULL", round.ID).Find(&fs).Error; err != nil {
		t.Fatal(err)
	}
	out := map[int64]evaluation.Finding{}
	for _, f := range fs {
		if _, dup := out[*f.CarriedFromFindingID]; dup {
			t.Errorf("finding %d carried twice into round %d", *f.CarriedFromFindingID, round.ID)
		}
		out[*f.CarriedFromFindingID] = f
	}
	return out
}

// Findings not accepted are carried into the next round that assigns their
// plan, when it opens or when the plan is assigned to it while open; a
// finding accepted in between is not; the original stays as it was; two
// rounds open at once each get a copy; carrying again changes nothing; and
// once the next round is published, the round after carries its copy (the
// tip of the chain), not the original.
func TestCarryOver(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		ctx := context.Background()
		w := evaltest.Seed(t, env)
		admin := w.AdminActor()
		pub := w.PublishRound()
		accept(t, w, pub.P1Minor, w.DeptFinance, w.Eval2)
		statsBefore, err := w.Store.RoundRectification(ctx, w.AdminActor(), pub.Round.ID)
		if err != nil {
			t.Fatal(err)
		}

		b := ledgerRound(t, w, "2027年第一轮", "2027-03-01", "2027-04-30")
		aB := w.Assign(b, w.P1, w.Eval3)
		if got := carriedInto(t, w, b); len(got) != 0 {
			t.Fatalf("a draft round carried %d findings", len(got))
		}
		w.Move(b, evaluation.RoundOpen)
		got := carriedInto(t, w, b)
		c, ok := got[pub.P1Critical.ID]
		if len(got) != 1 || !ok {
			t.Fatalf("carried into round B: %+v; want P1's critical finding alone", got)
		}
		if *c.CarriedFromRoundID != pub.Round.ID || c.PlanID != w.P1.ID || c.AssignmentID != aB.ID || c.EvaluatorID != w.Eval3.ID ||
			c.Status != evaluation.FindingOpen || c.DueOn != nil || c.Description != pub.P1Critical.Description ||
			c.Severity != evaluation.SeverityCritical {
			t.Errorf("carried finding: %+v", c)
		}
		// Assigned to the open round: P2's finding comes along; P1 again: no second copy.
		w.Assign(b, w.P2, w.Eval3)
		w.Assign(b, w.P1, w.Eval4)
		got = carriedInto(t, w, b)
		if len(got) != 2 || got[pub.P2Major.ID].PlanID != w.P2.ID {
			t.Fatalf("after assigning P2 to the open round: %+v", got)
		}
		// Every evaluator of the plan sees it with its origin, checks it; the readiness counts it.
		detail, err := w.Store.Assignment(ctx, evaluation.ActorOf(w.Eval4), aP1Eval4(t, w, b).ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(detail.CarriedFindings) != 1 || detail.CarriedFindings[0].ID != c.ID ||
			len(detail.CarriedFindings[0].Origins) != 1 || detail.CarriedFindings[0].Origins[0].RoundID != pub.Round.ID ||
			detail.CarriedFindings[0].Origins[0].RoundName != pub.Round.Name {
			t.Fatalf("carried findings of eval4's assignment on P1: %+v", detail.CarriedFindings)
		}
		ready, err := w.Store.Readiness(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ready.Findings.Carried != 2 || ready.Findings.CarriedChecked != 0 || !hasWarning(ready, evaluation.WarnCarriedUnchecked, 2) {
			t.Fatalf("readiness with carried findings unchecked: %+v %+v", ready.Findings, ready.Warnings)
		}
		if _, err := w.Store.CheckCarried(ctx, evaluation.ActorOf(w.Eval1), c.ID); !errors.Is(err, evaluation.ErrNotFound) {
			t.Errorf("eval1 (not in round B) checks: %v", err)
		}
		if _, err := w.Store.CheckCarried(ctx, evaluation.ActorOf(w.Eval3), pub.P1Minor.ID); !errors.Is(err, evaluation.ErrNotFound) {
			t.Errorf("a finding not carried is checked: %v", err)
		}
		checked, err := w.Store.CheckCarried(ctx, evaluation.ActorOf(w.Eval4), c.ID)
		if err != nil || checked.CarriedCheckedAt == nil {
			t.Fatalf("eval4 checks: %+v, %v", checked, err)
		}
		if _, err := w.Store.CheckCarried(ctx, evaluation.ActorOf(w.Eval3), got[pub.P2Major.ID].ID); err != nil {
			t.Fatal(err)
		}
		if ready, err = w.Store.Readiness(ctx, b.ID); err != nil || ready.Findings.CarriedChecked != 2 ||
			hasWarning(ready, evaluation.WarnCarriedUnchecked, 0) {
			t.Fatalf("readiness once checked: %+v, %v", ready, err)
		}
		wantConflict(t, w.Store.DeleteFinding(ctx, evaluation.ActorOf(w.Eval3), c.ID), "carried")

		// The originals are unchanged, and so is round A's rectification.
		orig, err := w.Store.Finding(ctx, w.AdminActor(), pub.P1Critical.ID)
		if err != nil || orig.Status != evaluation.FindingOpen || orig.RoundID != pub.Round.ID || orig.DueOn == nil {
			t.Fatalf("original: %+v, %v", orig, err)
		}
		statsAfter, err := w.Store.RoundRectification(ctx, w.AdminActor(), pub.Round.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(statsAfter, statsBefore) {
			t.Errorf("round A's rectification moved: %+v → %+v", statsBefore, statsAfter)
		}

		// A second round open at the same time gets its own copy.
		c2 := ledgerRound(t, w, "2027年专项评估", "2027-03-02", "2027-04-30")
		only := w.Assign(c2, w.P1, w.Eval1)
		w.Move(c2, evaluation.RoundOpen)
		if got := carriedInto(t, w, c2); len(got) != 1 || got[pub.P1Critical.ID].ID == 0 {
			t.Fatalf("carried into the second open round: %+v", got)
		}
		// Its carried finding moves to another assignment of the plan when
		// its holder is deleted, and leaves with the plan's last one.
		second := w.Assign(c2, w.P1, w.Eval2)
		if err := w.Store.DeleteAssignment(ctx, admin, only.ID); err != nil {
			t.Fatal(err)
		}
		if got := carriedInto(t, w, c2); len(got) != 1 || got[pub.P1Critical.ID].AssignmentID != second.ID ||
			got[pub.P1Critical.ID].EvaluatorID != w.Eval2.ID {
			t.Fatalf("after deleting the holder: %+v", got)
		}
		if err := w.Store.DeleteAssignment(ctx, admin, second.ID); err != nil {
			t.Fatal(err)
		}
		if got := carriedInto(t, w, c2); len(got) != 0 {
			t.Fatalf("the plan left the round, its carried findings stayed: %+v", got)
		}
		w.Assign(c2, w.P1, w.Eval1)
		if got := carriedInto(t, w, c2); len(got) != 1 {
			t.Fatalf("assigned again: %+v", got)
		}

		// Round B is published; its copy of P2's finding is accepted there.
		w.Move(b, evaluation.RoundScoringClosed)
		w.Env.Clock.Set(time.Date(2027, 5, 10, 9, 0, 0, 0, evaltest.Shanghai))
		w.Move(b, evaluation.RoundPublished)
		copyP2 := got[pub.P2Major.ID]
		accept(t, w, &copyP2, w.DeptStateAssets, w.Eval3)
		dept, err := w.Store.Findings(ctx, evaluation.ActorOf(w.DeptFinance), evaluation.FindingFilter{RoundID: b.ID})
		if err != nil || dept.Total != 1 || dept.Items[0].ID != c.ID || dept.Items[0].DueOn == nil {
			t.Fatalf("the department's findings of round B: %+v, %v", dept, err)
		}

		d := ledgerRound(t, w, "2028年第一轮", "2028-03-01", "2028-04-30")
		w.Assign(d, w.P1, w.Eval1)
		w.Assign(d, w.P2, w.Eval1)
		w.Move(d, evaluation.RoundOpen)
		got = carriedInto(t, w, d)
		if len(got) != 1 || *got[c.ID].CarriedFromRoundID != b.ID {
			t.Fatalf("carried into round D: %+v; want B's copy of P1's finding alone (P2's was accepted in B)", got)
		}

		events, err := w.Store.ListAudit(ctx, evaluation.AuditFilter{Entity: "finding", EntityID: c.ID})
		if err != nil || events.Total == 0 || events.Items[events.Total-1].Action != "finding.carry" {
			t.Errorf("audit of the carried finding: %+v, %v", events.Items, err)
		}
	})
}

// aP1Eval4 is eval4's assignment on P1 in round r.
func aP1Eval4(t *testing.T, w *evaltest.World, r *evaluation.Round) evaluation.AssignmentView {
	t.Helper()
	l, err := w.Store.MyAssignments(context.Background(), evaluation.ActorOf(w.Eval4), evaluation.AssignmentFilter{RoundID: r.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range l.Items {
		if a.Plan.ID == w.P1.ID {
			return a
		}
	}
	t.Fatalf("eval4 has no assignment on P1 in round %d", r.ID)
	return evaluation.AssignmentView{}
}

// hasWarning reports whether the readiness warns with code about n plans (n 0: any).
func hasWarning(r *evaluation.Readiness, code string, n int) bool {
	for _, w := range r.Warnings {
		if w.Code == code && (n == 0 || len(w.PlanIDs) == n) {
			return true
		}
	}
	return false
}
