package evaluation_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

func fullSections(tag string) evaluation.NarrativeSections {
	return evaluation.NarrativeSections{Overall: "总体较好" + tag, Achievements: "预算绩效管理全面推开" + tag,
		Problems: "配套文件未印发" + tag, Recommendations: "加快出台办法" + tag}
}

func lead(t *testing.T, w *evaltest.World, a *evaluation.AssignmentView) {
	t.Helper()
	yes := true
	if _, err := w.Store.UpdateAssignment(context.Background(), w.AdminActor(), a.ID, evaluation.AssignmentPatch{Lead: &yes}); err != nil {
		t.Fatal(err)
	}
}

// TestNarrativeLifecycle walks the conclusions through every state and
// every refusal: empty → draft → submitted → returned → (edited, still
// returned) → submitted → approved.
func TestNarrativeLifecycle(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		s := w.Store
		a1 := w.Assign(w.Round, w.P1, w.Eval1)
		a2 := w.Assign(w.Round, w.P1, w.Eval2)
		lead(t, w, a1)
		eval1, eval2, admin := evaluation.ActorOf(w.Eval1), evaluation.ActorOf(w.Eval2), w.AdminActor()
		r, p := w.Round.ID, w.P1.ID

		// Draft round: the office may read, nobody may write; evaluators see nothing.
		if v, err := s.Narrative(ctx, admin, r, p); err != nil || v.Status != evaluation.NarrativeEmpty || v.Version != 0 {
			t.Fatalf("never saved: %+v, %v", v, err)
		}
		_, err := s.SaveNarrative(ctx, admin, r, p, evaluation.NarrativeRequest{Sections: fullSections("")})
		wantConflict(t, err, "wrong_state")
		if _, err := s.Narrative(ctx, eval1, r, p); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("evaluator in a draft round: %v", err)
		}
		w.Move(w.Round, evaluation.RoundOpen)
		if _, err := s.CreateFinding(ctx, eval2, a2.ID, evaluation.FindingRequest{IndicatorCode: "2.2", Severity: evaluation.SeverityMinor,
			Description: "样本不足", Recommendation: "扩大样本"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateFinding(ctx, eval1, a1.ID, evaluation.FindingRequest{Severity: evaluation.SeverityCritical,
			Description: "配套文件未印发", Recommendation: "尽快印发"}); err != nil {
			t.Fatal(err)
		}

		// The lead sees the findings as a suggestion; the other evaluator reads but may not write.
		v, err := s.Narrative(ctx, eval1, r, p)
		if err != nil || !v.Prefilled || !v.CanWrite || v.Sections.Problems != "1. 【严重】配套文件未印发\n2. 【一般】样本不足（指标 2.2）" {
			t.Fatalf("lead's first view: %+v, %v", v, err)
		}
		if v.LeadAgency == nil || *v.LeadAgency != "四川大学" {
			t.Fatalf("lead agency %v", v.LeadAgency)
		}
		if v2, err := s.Narrative(ctx, eval2, r, p); err != nil || v2.CanWrite || v2.Prefilled {
			t.Fatalf("other evaluator's view: %+v, %v", v2, err)
		}
		_, err = s.SaveNarrative(ctx, eval2, r, p, evaluation.NarrativeRequest{Sections: fullSections("")})
		if !errors.Is(err, evaluation.ErrNotLead) {
			t.Fatalf("the other evaluator writes: %v", err)
		}
		if _, err := s.SaveNarrative(ctx, evaluation.ActorOf(w.Eval3), r, p, evaluation.NarrativeRequest{}); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("an evaluator not on the plan writes: %v", err)
		}

		// Too long, stale, empty section on submit.
		long := fullSections("")
		long.Achievements = strings.Repeat("效", 5001)
		_, err = s.SaveNarrative(ctx, eval1, r, p, evaluation.NarrativeRequest{Sections: long})
		wantInvalid(t, err, "sections.achievements")
		long.Achievements = strings.Repeat("𠀀", 5000) // 5,000 characters, 20,000 bytes: fits
		partial := evaluation.NarrativeSections{Overall: "总体较好", Achievements: long.Achievements}
		v, err = s.SaveNarrative(ctx, eval1, r, p, evaluation.NarrativeRequest{Sections: partial})
		if err != nil || v.Status != evaluation.NarrativeDraft || v.Version != 1 {
			t.Fatalf("first save: %+v, %v", v, err)
		}
		_, err = s.SaveNarrative(ctx, eval1, r, p, evaluation.NarrativeRequest{Version: 0, Sections: partial})
		wantConflict(t, err, "stale_version")
		_, err = s.SubmitNarrative(ctx, eval1, r, p, 1)
		ve := wantInvalid(t, err, "sections.problems")
		if _, ok := ve.Fields["sections.recommendations"]; !ok || len(ve.Fields) != 2 {
			t.Fatalf("empty sections named: %v", ve.Fields)
		}
		_, err = s.SubmitNarrative(ctx, eval1, r, p, 0)
		wantConflict(t, err, "stale_version")
		if v, err = s.SaveNarrative(ctx, eval1, r, p, evaluation.NarrativeRequest{Version: 1, Sections: fullSections("")}); err != nil || v.Version != 2 {
			t.Fatalf("second save: %+v, %v", v, err)
		}
		// Nothing to review before submission.
		_, err = s.ApproveNarrative(ctx, admin, r, p)
		wantConflict(t, err, "not_submitted")
		if v, err = s.SubmitNarrative(ctx, eval1, r, p, 2); err != nil || v.Status != evaluation.NarrativeSubmitted || v.Version != 3 || v.CanWrite {
			t.Fatalf("submit: %+v, %v", v, err)
		}
		_, err = s.SaveNarrative(ctx, eval1, r, p, evaluation.NarrativeRequest{Version: 3, Sections: fullSections("")})
		wantConflict(t, err, "submitted")
		if v, err = s.Narrative(ctx, admin, r, p); err != nil || !v.CanReview {
			t.Fatalf("office's view of submitted: %+v, %v", v, err)
		}
		// Only the office reviews; a return needs a comment.
		if _, err := s.ApproveNarrative(ctx, eval1, r, p); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("the lead approves: %v", err)
		}
		_, err = s.ReturnNarrative(ctx, admin, r, p, evaluation.NarrativeReturn{Comment: "  "})
		wantInvalid(t, err, "comment")
		if v, err = s.ReturnNarrative(ctx, admin, r, p, evaluation.NarrativeReturn{Comment: "主要成效请补充数据"}); err != nil ||
			v.Status != evaluation.NarrativeReturned || v.Comment != "主要成效请补充数据" {
			t.Fatalf("return: %+v, %v", v, err)
		}
		// Edited after a return it stays returned, then is submitted again.
		if v, err = s.SaveNarrative(ctx, eval1, r, p, evaluation.NarrativeRequest{Version: v.Version, Sections: fullSections("（修改）")}); err != nil ||
			v.Status != evaluation.NarrativeReturned {
			t.Fatalf("edit after return: %+v, %v", v, err)
		}
		w.Move(w.Round, evaluation.RoundScoringClosed)
		if v, err = s.SubmitNarrative(ctx, eval1, r, p, v.Version); err != nil || v.Status != evaluation.NarrativeSubmitted {
			t.Fatalf("resubmit: %+v, %v", v, err)
		}
		if v, err = s.ApproveNarrative(ctx, admin, r, p); err != nil || v.Status != evaluation.NarrativeApproved ||
			v.ApprovedBy == nil || *v.ApprovedBy != "市委改革办" || v.ApprovedAt == nil {
			t.Fatalf("approve: %+v, %v", v, err)
		}
		_, err = s.ApproveNarrative(ctx, admin, r, p)
		wantConflict(t, err, "not_submitted")
		_, err = s.SaveNarrative(ctx, eval1, r, p, evaluation.NarrativeRequest{Version: v.Version, Sections: fullSections("")})
		wantConflict(t, err, "approved")

		// Every submission is kept.
		var versions []evaluation.NarrativeVersion
		if err := env.DB.Gorm.Order("number").Find(&versions).Error; err != nil || len(versions) != 2 ||
			versions[1].Overall != "总体较好（修改）" || versions[0].Achievements != "预算绩效管理全面推开" {
			t.Fatalf("versions %+v, %v", versions, err)
		}

		// Departments and viewers: only once published, and only approved.
		finance := evaluation.ActorOf(w.DeptFinance)
		if _, err := s.Narrative(ctx, finance, r, p); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("department before publication: %v", err)
		}
		w.Move(w.Round, evaluation.RoundPublished)
		if v, err = s.Narrative(ctx, finance, r, p); err != nil || v.Status != evaluation.NarrativeApproved || v.LeadEvaluator != nil {
			t.Fatalf("department after publication: %+v, %v", v, err)
		}
		if _, err := s.Narrative(ctx, evaluation.ActorOf(w.DeptStateAssets), r, p); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("another department: %v", err)
		}
		if _, err := s.Narrative(ctx, evaluation.ActorOf(w.Viewer), r, w.P2.ID); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("a plan not in the round: %v", err)
		}
		_, err = s.ReturnNarrative(ctx, admin, r, p, evaluation.NarrativeReturn{Comment: "再改"})
		wantConflict(t, err, "wrong_state")

		// The notifications: the lead when returned, the office when submitted.
		var kinds []string
		if err := env.DB.Gorm.Model(&evaluation.Notification{}).Where("kind LIKE ?", "narrative%").Order("id").Pluck("kind", &kinds).Error; err != nil {
			t.Fatal(err)
		}
		if strings.Join(kinds, ",") != "narrative_lead,narrative_submitted,narrative_returned,narrative_submitted" {
			t.Fatalf("notifications %v", kinds)
		}
	})
}

// TestNarrativeOfUnapprovedPlanHiddenFromDepartments: a published round's
// conclusions that were never approved stay unseen by departments and viewers.
func TestNarrativeOfUnapprovedPlanHiddenFromDepartments(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		w.PublishRound()
		var a evaluation.Assignment
		if err := env.DB.Gorm.Where("round_id = ? AND plan_id = ?", w.Round.ID, w.P1.ID).Order("id").First(&a).Error; err != nil {
			t.Fatal(err)
		}
		yes := true
		_, err := w.Store.UpdateAssignment(ctx, w.AdminActor(), a.ID, evaluation.AssignmentPatch{Lead: &yes})
		wantConflict(t, err, "wrong_state")
		for _, who := range []*evaluation.User{w.DeptFinance, w.Viewer} {
			if _, err := w.Store.Narrative(ctx, evaluation.ActorOf(who), w.Round.ID, w.P1.ID); !errors.Is(err, evaluation.ErrNotFound) {
				t.Errorf("%s reads unapproved conclusions: %v", who.Username, err)
			}
		}
	})
}

// TestLeadMoves: one lead per plan, moved in one step, kept by the database
// too; deleting it leaves the plan without one.
func TestLeadMoves(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		a1, err := w.Store.CreateAssignment(ctx, w.AdminActor(), w.Round.ID,
			evaluation.AssignmentRequest{PlanID: w.P1.ID, EvaluatorID: w.Eval1.ID, Lead: true})
		if err != nil || !a1.Lead {
			t.Fatalf("create with lead: %+v, %v", a1, err)
		}
		a2, err := w.Store.CreateAssignment(ctx, w.AdminActor(), w.Round.ID,
			evaluation.AssignmentRequest{PlanID: w.P1.ID, EvaluatorID: w.Eval2.ID, Lead: true})
		if err != nil || !a2.Lead {
			t.Fatalf("second create with lead: %+v, %v", a2, err)
		}
		leads := func() []int64 {
			var ids []int64
			if err := env.DB.Gorm.Model(&evaluation.Assignment{}).Where("plan_id = ? AND lead IS NOT NULL", w.P1.ID).Pluck("id", &ids).Error; err != nil {
				t.Fatal(err)
			}
			return ids
		}
		if got := leads(); len(got) != 1 || got[0] != a2.ID {
			t.Fatalf("leads after the second: %v", got)
		}
		lead(t, w, a1)
		if got := leads(); len(got) != 1 || got[0] != a1.ID {
			t.Fatalf("leads after the move: %v", got)
		}
		// The database refuses a second lead even past the domain.
		err = env.DB.Gorm.Model(&evaluation.Assignment{}).Where("id = ?", a2.ID).Update("lead", evaluation.LeadFlag(true)).Error
		if err == nil {
			t.Fatal("the database took two leads on one plan")
		}
		var events int64
		if err := env.DB.Gorm.Model(&evaluation.AuditEvent{}).Where("action = ?", "assignment.lead").Count(&events).Error; err != nil || events != 3 {
			t.Fatalf("lead audit events %d, %v; want 3 (a2 lost, a2 lost again, a1 gained)", events, err)
		}
		if err := w.Store.DeleteAssignment(ctx, w.AdminActor(), a1.ID); err != nil {
			t.Fatal(err)
		}
		if got := leads(); len(got) != 0 {
			t.Fatalf("leads after deleting the lead: %v", got)
		}
		v, err := w.Store.Narrative(ctx, w.AdminActor(), w.Round.ID, w.P1.ID)
		if err != nil || v.LeadAgency != nil {
			t.Fatalf("narrative without a lead: %+v, %v", v, err)
		}
	})
}

// TestAutoAssignSetsBalancedLeads: auto-assignment gives every plan without
// a lead one, spread over the agencies, and keeps an existing lead.
func TestAutoAssignSetsBalancedLeads(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		if _, err := w.Store.CreateAssignment(ctx, w.AdminActor(), w.Round.ID,
			evaluation.AssignmentRequest{PlanID: w.P1.ID, EvaluatorID: w.Eval4.ID, Lead: true}); err != nil {
			t.Fatal(err)
		}
		dry, err := w.Store.AutoAssign(ctx, w.AdminActor(), w.Round.ID, 2, true)
		if err != nil {
			t.Fatal(err)
		}
		res, err := w.Store.AutoAssign(ctx, w.AdminActor(), w.Round.ID, 2, false)
		if err != nil {
			t.Fatal(err)
		}
		proposed := map[int64]int64{}
		for _, a := range dry.Assignments {
			if a.Lead {
				proposed[a.Plan.ID] = a.EvaluatorID
			}
		}
		all, err := w.Store.RoundAssignments(ctx, evaluation.AssignmentFilter{RoundID: w.Round.ID})
		if err != nil {
			t.Fatal(err)
		}
		leadOf := map[int64]evaluation.AssignmentView{}
		perAgency := map[int64]int{}
		for _, a := range all.Items {
			if a.Lead {
				if _, dup := leadOf[a.Plan.ID]; dup {
					t.Fatalf("two leads on plan %d", a.Plan.ID)
				}
				leadOf[a.Plan.ID] = a
				perAgency[a.AgencyID]++
			}
		}
		if len(leadOf) != 3 || leadOf[w.P1.ID].EvaluatorID != w.Eval4.ID {
			t.Fatalf("leads %+v (created %d)", leadOf, res.Created)
		}
		for agency, n := range perAgency {
			if n > 1 {
				t.Errorf("agency %d leads %d of 3 plans", agency, n)
			}
		}
		for plan, ev := range proposed {
			if leadOf[plan].EvaluatorID != ev {
				t.Errorf("the dry run proposed evaluator %d as lead of plan %d, the run chose %d", ev, plan, leadOf[plan].EvaluatorID)
			}
		}
		if len(proposed) != 2 {
			t.Errorf("the dry run proposed %d leads, want 2", len(proposed))
		}
	})
}

// TestPublishWaitsForApprovedNarratives: a round that requires conclusions
// refuses publication, naming the plans, until every plan with a submitted
// scoresheet has approved ones; a plan without any submitted sheet does not
// hold it up.
func TestPublishWaitsForApprovedNarratives(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		yes := true
		if _, err := w.Store.UpdateRound(ctx, w.AdminActor(), w.Round.ID, evaluation.RoundPatch{RequireNarrative: &yes}); err != nil {
			t.Fatal(err)
		}
		a1 := w.Assign(w.Round, w.P1, w.Eval1)
		a2 := w.Assign(w.Round, w.P2, w.Eval2)
		w.Assign(w.Round, w.P3, w.Eval3) // never scored
		lead(t, w, a1)
		w.Move(w.Round, evaluation.RoundOpen)
		w.Score(a1, w.Eval1, w.FullAnswers(0.8))
		w.Score(a2, w.Eval2, w.FullAnswers(0.8))
		w.Move(w.Round, evaluation.RoundScoringClosed)
		_, err := w.Store.MoveRound(ctx, w.AdminActor(), w.Round.ID, evaluation.RoundPublished)
		var ce *evaluation.ConflictError
		if !errors.As(err, &ce) || ce.Code != "narratives_pending" || len(ce.Fields) != 2 {
			t.Fatalf("publish: %v (%+v)", err, ce)
		}
		for _, p := range []*evaluation.Plan{w.P1, w.P2} {
			if _, ok := ce.Fields[strconv.FormatInt(p.ID, 10)]; !ok {
				t.Errorf("the refusal does not name plan %d: %v", p.ID, ce.Fields)
			}
		}
		eval1 := evaluation.ActorOf(w.Eval1)
		v, err := w.Store.SaveNarrative(ctx, eval1, w.Round.ID, w.P1.ID, evaluation.NarrativeRequest{Sections: fullSections("")})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.SubmitNarrative(ctx, eval1, w.Round.ID, w.P1.ID, v.Version); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.ApproveNarrative(ctx, w.AdminActor(), w.Round.ID, w.P1.ID); err != nil {
			t.Fatal(err)
		}
		// The office writes P2's itself: it has no lead.
		admin := w.AdminActor()
		if v, err = w.Store.SaveNarrative(ctx, admin, w.Round.ID, w.P2.ID, evaluation.NarrativeRequest{Sections: fullSections("")}); err != nil {
			t.Fatal(err)
		}
		_, err = w.Store.MoveRound(ctx, admin, w.Round.ID, evaluation.RoundPublished)
		if !errors.As(err, &ce) || len(ce.Fields) != 1 {
			t.Fatalf("publish with P2 pending: %v", err)
		}
		if _, err := w.Store.SubmitNarrative(ctx, admin, w.Round.ID, w.P2.ID, v.Version); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.ApproveNarrative(ctx, admin, w.Round.ID, w.P2.ID); err != nil {
			t.Fatal(err)
		}
		w.Move(w.Round, evaluation.RoundPublished)

		// The reports see them, with the lead agency and the approval.
		d, err := w.Store.LoadRoundReportData(ctx, w.Round.ID)
		if err != nil {
			t.Fatal(err)
		}
		n1, n2 := d.Narratives[w.P1.ID], d.Narratives[w.P2.ID]
		if n1 == nil || n1.Status != "approved" || n1.LeadAgency != "四川大学" || n1.ApprovedBy != "市委改革办" ||
			n1.ApprovedOn == "" || n1.Overall != "总体较好" {
			t.Fatalf("P1 report narrative %+v", n1)
		}
		if n2 == nil || n2.LeadAgency != "" || n2.Status != "approved" {
			t.Fatalf("P2 report narrative %+v", n2)
		}
		if _, ok := d.Narratives[w.P3.ID]; ok {
			t.Fatalf("P3 has neither lead nor conclusions but is in the map: %+v", d.Narratives[w.P3.ID])
		}
	})
}

// TestReportNarrativeOfLeadWithoutConclusions: a plan with a lead and no
// conclusions yet is in the report data as empty, with its lead agency.
func TestReportNarrativeOfLeadWithoutConclusions(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		lead(t, w, w.Assign(w.Round, w.P1, w.Eval2))
		d, err := w.Store.LoadRoundReportData(context.Background(), w.Round.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n := d.Narratives[w.P1.ID]; n == nil || n.Status != "empty" || n.LeadAgency != "电子科技大学" {
			t.Fatalf("report narrative %+v", n)
		}
	})
}

// TestLeadTodoAndOfficeTodo: the lead sees the conclusions to write in the
// to-do list, the office those waiting for approval.
func TestLeadTodoAndOfficeTodo(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		a1 := w.Assign(w.Round, w.P1, w.Eval1)
		lead(t, w, a1)
		w.Move(w.Round, evaluation.RoundOpen)
		eval1 := evaluation.ActorOf(w.Eval1)
		has := func(actor evaluation.Actor, kind string) bool {
			items, err := w.Store.Todo(ctx, actor)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				if it.Kind == kind {
					return true
				}
			}
			return false
		}
		if !has(eval1, "narrative") || has(w.AdminActor(), "awaiting_narratives") {
			t.Fatal("before writing: the lead has nothing to write or the office something to approve")
		}
		v, err := w.Store.SaveNarrative(ctx, eval1, w.Round.ID, w.P1.ID, evaluation.NarrativeRequest{Sections: fullSections("")})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.SubmitNarrative(ctx, eval1, w.Round.ID, w.P1.ID, v.Version); err != nil {
			t.Fatal(err)
		}
		if has(eval1, "narrative") || !has(w.AdminActor(), "awaiting_narratives") {
			t.Fatal("after submission: the lead still has it to write, or the office nothing to approve")
		}
	})
}

// TestConcurrentLeadMoves: the office moving one plan's lead to each of its
// assignments at once leaves exactly one lead, whichever wins.
func TestConcurrentLeadMoves(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		as := []*evaluation.AssignmentView{w.Assign(w.Round, w.P1, w.Eval1), w.Assign(w.Round, w.P1, w.Eval2),
			w.Assign(w.Round, w.P1, w.Eval3), w.Assign(w.Round, w.P1, w.Eval4)}
		yes := true
		errs := race(len(as), func(i int) error {
			_, err := w.Store.UpdateAssignment(ctx, w.AdminActor(), as[i].ID, evaluation.AssignmentPatch{Lead: &yes})
			return err
		})
		for i, err := range errs {
			if err != nil {
				t.Errorf("move %d: %v", i, err)
			}
		}
		var leads int64
		if err := env.DB.Gorm.Model(&evaluation.Assignment{}).Where("plan_id = ? AND lead IS NOT NULL", w.P1.ID).Count(&leads).Error; err != nil || leads != 1 {
			t.Fatalf("leads after the race: %d, %v", leads, err)
		}
		if _, err := w.Store.VerifyAudit(ctx); err != nil {
			t.Fatalf("audit chain after the race: %v", err)
		}
	})
}
