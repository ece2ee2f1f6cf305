package evaluation_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// wantConflict fails unless err is a *ConflictError with the code.
func wantConflict(t *testing.T, err error, code string) {
	t.Helper()
	var ce *evaluation.ConflictError
	if !errors.As(err, &ce) || ce.Code != code {
		t.Fatalf("err = %v, want conflict %q", err, code)
	}
}

// wantInvalid fails unless err is a *ValidationError naming field.
func wantInvalid(t *testing.T, err error, field string) *evaluation.ValidationError {
	t.Helper()
	var ve *evaluation.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a validation error on %q", err, field)
	}
	if _, ok := ve.Fields[field]; !ok {
		t.Fatalf("validation error fields = %v, want %q", ve.Fields, field)
	}
	return ve
}

func TestRoundStepsInOrderOnly(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		steps := []evaluation.RoundStatus{evaluation.RoundOpen, evaluation.RoundScoringClosed, evaluation.RoundPublished, evaluation.RoundArchived}
		for i, to := range steps {
			// Every step but the next one is refused with a conflict.
			for j, other := range steps {
				if j == i {
					continue
				}
				_, err := w.Store.MoveRound(ctx, w.AdminActor(), w.Round.ID, other)
				wantConflict(t, err, "wrong_state")
			}
			r, err := w.Store.MoveRound(ctx, w.AdminActor(), w.Round.ID, to)
			if err != nil || r.Status != to {
				t.Fatalf("move to %s: %+v, %v", to, r, err)
			}
		}
		events, err := w.Store.ListAudit(ctx, evaluation.AuditFilter{Entity: "round", EntityID: w.Round.ID})
		if err != nil {
			t.Fatal(err)
		}
		if events.Total != 5 { // create + four steps
			t.Fatalf("round audit events = %d, want 5", events.Total)
		}
	})
}

func TestRoundPatchFollowsState(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		name, due, starts := "改名后的轮次", "2026-05-15", "2026-02-01"
		r, err := w.Store.UpdateRound(ctx, w.AdminActor(), w.Round.ID, evaluation.RoundPatch{Name: &name, StartsOn: &starts})
		if err != nil || r.Name != name || r.StartsOn != "2026-02-01" {
			t.Fatalf("patch draft: %+v, %v", r, err)
		}
		bad := "2026-01-01"
		_, err = w.Store.UpdateRound(ctx, w.AdminActor(), w.Round.ID, evaluation.RoundPatch{ScoringDue: &bad})
		wantInvalid(t, err, "scoring_due")
		w.Move(w.Round, evaluation.RoundOpen)
		if _, err := w.Store.UpdateRound(ctx, w.AdminActor(), w.Round.ID, evaluation.RoundPatch{ScoringDue: &due}); err != nil {
			t.Fatalf("extend the deadline while open: %v", err)
		}
		_, err = w.Store.UpdateRound(ctx, w.AdminActor(), w.Round.ID, evaluation.RoundPatch{StartsOn: &starts})
		wantConflict(t, err, "wrong_state")
	})
}

func TestTemplateFrozenByRoundGetsNewVersion(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		tpl, err := w.Store.Template(ctx, w.Template.ID)
		if err != nil || !tpl.Frozen {
			t.Fatalf("template used by a round: %+v, %v (want frozen)", tpl, err)
		}
		req := evaluation.TemplateRequest{Name: tpl.Name + "（修订）", GradeBands: tpl.GradeBands, Dimensions: tpl.Dimensions}
		next, err := w.Store.UpdateTemplate(ctx, w.AdminActor(), tpl.ID, req)
		if err != nil {
			t.Fatal(err)
		}
		if next.ID == tpl.ID || next.Version != 2 || next.ParentID == nil || *next.ParentID != tpl.ID {
			t.Fatalf("new version = %+v, want a new template, version 2, parent %d", next, tpl.ID)
		}
		again, err := w.Store.Template(ctx, tpl.ID)
		if err != nil || again.Name != tpl.Name {
			t.Fatalf("the frozen template changed: %+v, %v", again, err)
		}
		// An unused template is edited in place.
		same, err := w.Store.UpdateTemplate(ctx, w.AdminActor(), next.ID, req)
		if err != nil || same.ID != next.ID {
			t.Fatalf("edit unfrozen template: %+v, %v", same, err)
		}
		// The points must total 100.
		req.Dimensions[0].Indicators[0].MaxScore++
		_, err = w.Store.CreateTemplate(ctx, w.AdminActor(), req)
		wantInvalid(t, err, "dimensions")
	})
}

func TestAssignmentRules(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		assign := func(p *evaluation.Plan, u *evaluation.User) error {
			_, err := w.Store.CreateAssignment(ctx, w.AdminActor(), w.Round.ID, evaluation.AssignmentRequest{PlanID: p.ID, EvaluatorID: u.ID})
			return err
		}
		if err := assign(w.P1, w.Eval1); err != nil {
			t.Fatal(err)
		}
		wantConflict(t, assign(w.P1, w.Eval1), "duplicate")
		wantInvalid(t, assign(w.Recent, w.Eval1), "plan_id")
		wantInvalid(t, assign(w.P1, w.DeptFinance), "evaluator_id")
		// A conflict of interest by department, and one by plan.
		if _, err := w.Store.CreateConflict(ctx, w.AdminActor(), evaluation.ConflictRequest{AgencyID: w.UESTC.ID,
			DepartmentID: &w.Finance.ID, Reason: "承担该局委托课题"}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.CreateConflict(ctx, w.AdminActor(), evaluation.ConflictRequest{AgencyID: w.XHU.ID,
			PlanID: &w.P2.ID, Reason: "参与方案起草"}); err != nil {
			t.Fatal(err)
		}
		wantInvalid(t, assign(w.P1, w.Eval2), "evaluator_id")
		wantInvalid(t, assign(w.P2, w.Eval3), "evaluator_id")
		if err := assign(w.P1, w.Eval3); err != nil {
			t.Fatalf("XHU on P1 has no conflict: %v", err)
		}
		// Manual assignment may put two evaluators of one agency on a plan.
		if err := assign(w.P1, w.Eval5); err != nil {
			t.Fatalf("second SCU evaluator on P1: %v", err)
		}
		w.Move(w.Round, evaluation.RoundOpen)
		w.Move(w.Round, evaluation.RoundScoringClosed)
		wantConflict(t, assign(w.P2, w.Eval1), "wrong_state")
	})
}

func TestAutoAssignThroughStore(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		if _, err := w.Store.CreateConflict(ctx, w.AdminActor(), evaluation.ConflictRequest{AgencyID: w.UESTC.ID,
			DepartmentID: &w.Finance.ID, Reason: "承担该局委托课题"}); err != nil {
			t.Fatal(err)
		}
		preview, err := w.Store.AutoAssign(ctx, w.AdminActor(), w.Round.ID, 3, true)
		if err != nil {
			t.Fatal(err)
		}
		if preview.Created != 9 || len(preview.Assignments) != 9 {
			t.Fatalf("dry run proposes %d (%d listed), want 9", preview.Created, len(preview.Assignments))
		}
		if n := countAssignments(t, w); n != 0 {
			t.Fatalf("a dry run wrote %d assignments", n)
		}
		res, err := w.Store.AutoAssign(ctx, w.AdminActor(), w.Round.ID, 3, false)
		if err != nil {
			t.Fatal(err)
		}
		if res.Created != 9 || len(res.Assignments) != 9 {
			t.Fatalf("created %d (%d listed), want 9", res.Created, len(res.Assignments))
		}
		agencies := map[int64]map[int64]bool{}
		for _, a := range res.Assignments {
			if a.Plan.ID == w.Recent.ID {
				t.Errorf("the ineligible plan was assigned")
			}
			if a.Plan.ID == w.P1.ID && a.AgencyID == w.UESTC.ID {
				t.Errorf("a conflicted agency was assigned to P1")
			}
			if agencies[a.Plan.ID] == nil {
				agencies[a.Plan.ID] = map[int64]bool{}
			}
			if agencies[a.Plan.ID][a.AgencyID] {
				t.Errorf("plan %d got agency %d twice", a.Plan.ID, a.AgencyID)
			}
			agencies[a.Plan.ID][a.AgencyID] = true
		}
		// Four raters from distinct agencies: P1 has only three allowed.
		_, err = w.Store.AutoAssign(ctx, w.AdminActor(), w.Round.ID, 4, false)
		var unc *evaluation.UncoverablePlansError
		if !errors.As(err, &unc) || len(unc.Plans) != 1 || unc.Plans[0].ID != w.P1.ID {
			t.Fatalf("4 raters: err = %v, want P1 named uncoverable", err)
		}
		if n := countAssignments(t, w); n != 9 {
			t.Fatalf("a refused auto-assign wrote: %d assignments, want 9", n)
		}
	})
}

func countAssignments(t *testing.T, w *evaltest.World) int64 {
	t.Helper()
	list, err := w.Store.RoundAssignments(context.Background(), evaluation.AssignmentFilter{RoundID: w.Round.ID})
	if err != nil {
		t.Fatal(err)
	}
	return list.Total
}

func TestScoresheetLifecycle(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		a := w.Assign(w.Round, w.P1, w.Eval1)
		b := w.Assign(w.Round, w.P2, w.Eval2)
		ev := evaluation.ActorOf(w.Eval1)
		// Nothing before the round opens: evaluators do not see draft rounds.
		if _, err := w.Store.Assignment(ctx, ev, a.ID); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("assignment in a draft round: %v, want not found", err)
		}
		w.Move(w.Round, evaluation.RoundOpen)
		d, err := w.Store.Assignment(ctx, ev, a.ID)
		if err != nil || d.Scoresheet.Version != 0 || d.Status != evaluation.AssignmentAssigned {
			t.Fatalf("fresh assignment: %+v, %v", d, err)
		}
		// Another evaluator cannot see or write it.
		other := evaluation.ActorOf(w.Eval2)
		if _, err := w.Store.Assignment(ctx, other, a.ID); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("other evaluator reads: %v", err)
		}
		if _, err := w.Store.SaveScoresheet(ctx, other, a.ID, evaluation.ScoresheetRequest{}); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("other evaluator writes: %v", err)
		}
		answers := w.FullAnswers(0.8)
		// Partial drafts are fine; values are checked.
		s, err := w.Store.SaveScoresheet(ctx, ev, a.ID, evaluation.ScoresheetRequest{Version: 0, Scores: answers[:3], Comment: "初稿"})
		if err != nil || s.Version != 1 {
			t.Fatalf("save partial: %+v, %v", s, err)
		}
		tooMuch, half, yes := 6.5, 2.25, true
		bad := []evaluation.Answer{{IndicatorCode: "1.1", Points: &tooMuch}, {IndicatorCode: "1.2", Points: &half},
			{IndicatorCode: "1.3", Points: &tooMuch}, {IndicatorCode: "2.1", Yes: &yes}, {IndicatorCode: "9.9", Points: &half}}
		_, err = w.Store.SaveScoresheet(ctx, ev, a.ID, evaluation.ScoresheetRequest{Version: 1, Scores: bad})
		ve := wantInvalid(t, err, "scores[0].value")
		for _, f := range []string{"scores[1].value", "scores[2].value", "scores[3].value", "scores[4].indicator_code"} {
			if _, ok := ve.Fields[f]; !ok {
				t.Errorf("validation fields %v lack %s", ve.Fields, f)
			}
		}
		// A stale version is refused, never overwritten.
		_, err = w.Store.SaveScoresheet(ctx, ev, a.ID, evaluation.ScoresheetRequest{Version: 0, Scores: answers})
		if !errors.Is(err, evaluation.ErrStaleVersion) {
			t.Fatalf("stale save: %v", err)
		}
		// Submitting an incomplete sheet names the missing indicators.
		_, err = w.Store.SubmitScoresheet(ctx, ev, a.ID, 1)
		ve = wantInvalid(t, err, "1.4")
		if len(ve.Fields) != len(answers)-3 {
			t.Fatalf("missing indicators %v, want %d", ve.Fields, len(answers)-3)
		}
		s, err = w.Store.SaveScoresheet(ctx, ev, a.ID, evaluation.ScoresheetRequest{Version: 1, Scores: answers})
		if err != nil {
			t.Fatal(err)
		}
		s, err = w.Store.SubmitScoresheet(ctx, ev, a.ID, s.Version)
		if err != nil || s.Status != evaluation.SheetSubmitted || s.SubmittedAt == nil {
			t.Fatalf("submit: %+v, %v", s, err)
		}
		_, err = w.Store.SaveScoresheet(ctx, ev, a.ID, evaluation.ScoresheetRequest{Version: s.Version, Scores: answers})
		wantConflict(t, err, "submitted")
		// Only an admin reopens; the evaluator may then correct it even
		// after scoring has closed.
		w.Move(w.Round, evaluation.RoundScoringClosed)
		s, err = w.Store.ReopenScoresheet(ctx, w.AdminActor(), a.ID)
		if err != nil || s.Status != evaluation.SheetDraft || !s.Reopened {
			t.Fatalf("reopen: %+v, %v", s, err)
		}
		s, err = w.Store.SaveScoresheet(ctx, ev, a.ID, evaluation.ScoresheetRequest{Version: s.Version, Scores: w.FullAnswers(0.9)})
		if err != nil {
			t.Fatalf("correct a reopened sheet after scoring closed: %v", err)
		}
		if _, err = w.Store.SubmitScoresheet(ctx, ev, a.ID, s.Version); err != nil {
			t.Fatal(err)
		}
		// A sheet never reopened cannot be written once scoring closed.
		_, err = w.Store.SaveScoresheet(ctx, other, b.ID, evaluation.ScoresheetRequest{Version: 0, Scores: answers})
		wantConflict(t, err, "wrong_state")
	})
}

func TestScoringDueIsInclusive(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		a := w.Assign(w.Round, w.P1, w.Eval1)
		w.Move(w.Round, evaluation.RoundOpen)
		ev := evaluation.ActorOf(w.Eval1)
		// 23:59 on the due day in Shanghai (15:59 UTC) is still in time.
		env.Clock.Set(time.Date(2026, 4, 30, 23, 59, 0, 0, evaltest.Shanghai))
		s, err := w.Store.SaveScoresheet(ctx, ev, a.ID, evaluation.ScoresheetRequest{Version: 0, Scores: w.FullAnswers(0.5)})
		if err != nil {
			t.Fatalf("save on the due day: %v", err)
		}
		env.Clock.Set(time.Date(2026, 5, 1, 0, 0, 1, 0, evaltest.Shanghai))
		_, err = w.Store.SubmitScoresheet(ctx, ev, a.ID, s.Version)
		wantConflict(t, err, "past_due")
	})
}

func TestFindingsRules(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		a := w.Assign(w.Round, w.P1, w.Eval1)
		ev := evaluation.ActorOf(w.Eval1)
		req := evaluation.FindingRequest{IndicatorCode: "2.2", Severity: evaluation.SeverityCritical,
			Description: "进度滞后", Recommendation: "按月对账"}
		_, err := w.Store.CreateFinding(ctx, ev, a.ID, req)
		if !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("finding in a draft round: %v, want not found", err)
		}
		w.Move(w.Round, evaluation.RoundOpen)
		f, err := w.Store.CreateFinding(ctx, ev, a.ID, req)
		if err != nil || f.Status != evaluation.FindingOpen || f.DueOn != nil {
			t.Fatalf("create finding: %+v, %v", f, err)
		}
		bad := req
		bad.IndicatorCode = "7.7"
		_, err = w.Store.CreateFinding(ctx, ev, a.ID, bad)
		wantInvalid(t, err, "indicator_code")
		if _, err := w.Store.UpdateFinding(ctx, evaluation.ActorOf(w.Eval2), f.ID, evaluation.FindingPatch{}); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("another evaluator edits: %v", err)
		}
		minor := evaluation.SeverityMinor
		if f, err = w.Store.UpdateFinding(ctx, ev, f.ID, evaluation.FindingPatch{Severity: &minor}); err != nil || f.Severity != minor {
			t.Fatalf("edit: %+v, %v", f, err)
		}
		w.Move(w.Round, evaluation.RoundScoringClosed)
		_, err = w.Store.CreateFinding(ctx, ev, a.ID, req)
		wantConflict(t, err, "wrong_state")
		if _, err := w.Store.UpdateFinding(ctx, ev, f.ID, evaluation.FindingPatch{Severity: &minor}); err != nil {
			t.Fatalf("edit after scoring closed: %v", err)
		}
		// Publishing dates every finding by its severity.
		env.Clock.Set(time.Date(2026, 5, 10, 9, 0, 0, 0, evaltest.Shanghai))
		w.Move(w.Round, evaluation.RoundPublished)
		list, err := w.Store.AssignmentFindings(ctx, ev, a.ID)
		if err != nil || len(list) != 1 || list[0].DueOn == nil || *list[0].DueOn != "2026-08-08" {
			t.Fatalf("published finding: %+v, %v (want due 2026-08-08: 90 days for minor)", list, err)
		}
		_, err = w.Store.UpdateFinding(ctx, ev, f.ID, evaluation.FindingPatch{Severity: &minor})
		wantConflict(t, err, "wrong_state")
		wantConflict(t, w.Store.DeleteFinding(ctx, ev, f.ID), "wrong_state")
	})
}
