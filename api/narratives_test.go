package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// TestNarrativeWorkflowOverHTTP: the lead writes, submits, the office
// returns, the lead resubmits, the office approves; every refusal on the way
// (too long, stale, empty section, not the lead, return without comment,
// publication without approval) with its status, code and fields.
func TestNarrativeWorkflowOverHTTP(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		w := s.w
		admin, eval1, eval2, finance := s.token(asAdmin), s.token(asEvaluator), s.token("eval2"), s.token(asDept)

		// A round that requires conclusions; eval1 leads P1, eval2 also rates it.
		var round evaluation.Round
		s.call(http.MethodPatch, fmt.Sprintf("/api/v1/rounds/%d", w.Round.ID), admin, map[string]any{"require_narrative": true}).
			want(http.StatusOK).decode(&round)
		if !round.RequireNarrative {
			t.Fatalf("round after patch: %+v", round)
		}
		var a1, a2 evaluation.AssignmentView
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/rounds/%d/assignments", w.Round.ID), admin,
			map[string]any{"plan_id": w.P1.ID, "evaluator_id": w.Eval1.ID, "lead": true}).want(http.StatusCreated).decode(&a1)
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/rounds/%d/assignments", w.Round.ID), admin,
			map[string]any{"plan_id": w.P1.ID, "evaluator_id": w.Eval2.ID}).want(http.StatusCreated).decode(&a2)
		if !a1.Lead || a2.Lead {
			t.Fatalf("leads: %v %v", a1.Lead, a2.Lead)
		}
		// Moving the lead and back.
		s.call(http.MethodPatch, fmt.Sprintf("/api/v1/assignments/%d", a2.ID), admin, map[string]bool{"lead": true}).want(http.StatusOK).decode(&a2)
		var list struct{ Items []evaluation.AssignmentView }
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/rounds/%d/assignments", w.Round.ID), admin, nil).want(http.StatusOK).decode(&list)
		for _, a := range list.Items {
			if a.Lead != (a.ID == a2.ID) {
				t.Fatalf("after the move: %+v", list.Items)
			}
		}
		s.call(http.MethodPatch, fmt.Sprintf("/api/v1/assignments/%d", a1.ID), admin, map[string]bool{"lead": true}).want(http.StatusOK)
		s.call(http.MethodPatch, fmt.Sprintf("/api/v1/assignments/%d", a1.ID), admin, map[string]any{}).want(http.StatusUnprocessableEntity)
		w.Move(w.Round, evaluation.RoundOpen)

		path := fmt.Sprintf("/api/v1/rounds/%d/plans/%d/narrative", w.Round.ID, w.P1.ID)
		var n evaluation.NarrativeView
		s.call(http.MethodGet, path, eval1, nil).want(http.StatusOK).decode(&n)
		if n.Status != evaluation.NarrativeEmpty || n.Version != 0 || !n.CanWrite {
			t.Fatalf("first view: %+v", n)
		}
		if r := s.call(http.MethodPut, path, eval2, evaluation.NarrativeRequest{Sections: narrativeSections()}); r.Code != http.StatusForbidden ||
			r.errorBody().Code != "not_lead" {
			t.Fatalf("the other evaluator writes: %d %s", r.Code, r.Body)
		}
		s.call(http.MethodGet, path, eval2, nil).want(http.StatusOK)
		s.call(http.MethodGet, path, finance, nil).want(http.StatusNotFound)

		long := narrativeSections()
		long.Overall = strings.Repeat("评", 5001)
		r := s.call(http.MethodPut, path, eval1, evaluation.NarrativeRequest{Sections: long}).want(http.StatusUnprocessableEntity)
		if _, ok := r.errorBody().Fields["sections.overall"]; !ok {
			t.Fatalf("too long: %s", r.Body)
		}
		partial := narrativeSections()
		partial.Recommendations = ""
		s.call(http.MethodPut, path, eval1, evaluation.NarrativeRequest{Sections: partial}).want(http.StatusOK).decode(&n)
		if r := s.call(http.MethodPut, path, eval1, evaluation.NarrativeRequest{Sections: partial}); r.Code != http.StatusConflict ||
			r.errorBody().Code != "stale_version" {
			t.Fatalf("stale save: %d %s", r.Code, r.Body)
		}
		r = s.call(http.MethodPost, path+"/submit", eval1, map[string]int{"version": n.Version}).want(http.StatusUnprocessableEntity)
		if f := r.errorBody().Fields; len(f) != 1 || f["sections.recommendations"] == "" {
			t.Fatalf("empty section: %s", r.Body)
		}
		s.call(http.MethodPut, path, eval1, evaluation.NarrativeRequest{Version: n.Version, Sections: narrativeSections()}).
			want(http.StatusOK).decode(&n)
		s.call(http.MethodPost, path+"/submit", eval1, map[string]int{"version": n.Version}).want(http.StatusOK).decode(&n)
		if n.Status != evaluation.NarrativeSubmitted {
			t.Fatalf("submitted: %+v", n)
		}
		s.call(http.MethodPost, path+"/return", admin, map[string]string{"comment": ""}).want(http.StatusUnprocessableEntity)
		s.call(http.MethodPost, path+"/return", admin, map[string]string{"comment": "主要成效缺少数据"}).want(http.StatusOK).decode(&n)
		if n.Status != evaluation.NarrativeReturned || n.Comment != "主要成效缺少数据" {
			t.Fatalf("returned: %+v", n)
		}
		s.call(http.MethodPost, path+"/submit", eval1, map[string]int{"version": n.Version}).want(http.StatusOK).decode(&n)

		// A plan without a submitted scoresheet does not hold publication up.
		w.Move(w.Round, evaluation.RoundScoringClosed)
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/rounds/%d/publish", w.Round.ID), admin, nil).want(http.StatusOK)
	})
}

// TestPublishNamesPendingNarratives: 409 narratives_pending with the plans'
// ids in fields, then publication once they are approved; the department
// then reads them, without the evaluator's name.
func TestPublishNamesPendingNarratives(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		w := s.w
		admin, eval1, finance := s.token(asAdmin), s.token(asEvaluator), s.token(asDept)
		var round evaluation.Round
		s.call(http.MethodPost, "/api/v1/rounds", admin, map[string]any{"name": "要求评估结论的轮次", "template_id": w.Template.ID,
			"starts_on": "2026-03-01", "scoring_due": "2026-04-30", "require_narrative": true}).want(http.StatusCreated).decode(&round)
		if !round.RequireNarrative {
			t.Fatalf("created round: %+v", round)
		}
		var res evaluation.AutoAssignResult
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/rounds/%d/auto-assign", round.ID), admin, map[string]int{"raters_per_plan": 1}).
			want(http.StatusCreated).decode(&res)
		var p1 evaluation.AssignmentView
		for _, a := range res.Assignments {
			if !a.Lead {
				t.Fatalf("auto-assign with one rater per plan left a plan without a lead: %+v", a)
			}
			if a.Plan.ID == w.P1.ID {
				p1 = a
			}
		}
		// Give P1 to eval1 as lead, replacing the auto-assigned evaluator.
		if p1.EvaluatorID != w.Eval1.ID {
			s.call(http.MethodDelete, fmt.Sprintf("/api/v1/assignments/%d", p1.ID), admin, nil).want(http.StatusNoContent)
			s.call(http.MethodPost, fmt.Sprintf("/api/v1/rounds/%d/assignments", round.ID), admin,
				map[string]any{"plan_id": w.P1.ID, "evaluator_id": w.Eval1.ID, "lead": true}).want(http.StatusCreated).decode(&p1)
		}
		w.Move(&round, evaluation.RoundOpen)
		w.Score(&p1, w.Eval1, w.FullAnswers(0.8))
		w.Move(&round, evaluation.RoundScoringClosed)
		r := s.call(http.MethodPost, fmt.Sprintf("/api/v1/rounds/%d/publish", round.ID), admin, nil).want(http.StatusConflict)
		if e := r.errorBody(); e.Code != "narratives_pending" || len(e.Fields) != 1 || e.Fields[fmt.Sprint(w.P1.ID)] == "" {
			t.Fatalf("publish: %s", r.Body)
		}
		var items struct{ Items []evaluation.NarrativeItem }
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/rounds/%d/narratives", round.ID), admin, nil).want(http.StatusOK).decode(&items)
		if len(items.Items) != 3 {
			t.Fatalf("narratives list: %+v", items.Items)
		}
		path := fmt.Sprintf("/api/v1/rounds/%d/plans/%d/narrative", round.ID, w.P1.ID)
		var n evaluation.NarrativeView
		s.call(http.MethodPut, path, eval1, evaluation.NarrativeRequest{Sections: narrativeSections()}).want(http.StatusOK).decode(&n)
		s.call(http.MethodPost, path+"/submit", eval1, map[string]int{"version": n.Version}).want(http.StatusOK)
		s.call(http.MethodPost, path+"/approve", admin, nil).want(http.StatusOK).decode(&n)
		if n.Status != evaluation.NarrativeApproved || n.ApprovedBy == nil {
			t.Fatalf("approved: %+v", n)
		}
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/rounds/%d/publish", round.ID), admin, nil).want(http.StatusOK)
		r = s.call(http.MethodGet, path, finance, nil).want(http.StatusOK)
		r.decode(&n)
		if n.Sections.Overall != "总体较好" || n.LeadEvaluator != nil || strings.Contains(string(r.Body), "eval1") {
			t.Fatalf("the department's view: %s", r.Body)
		}
		s.call(http.MethodPut, path, eval1, evaluation.NarrativeRequest{Version: n.Version, Sections: narrativeSections()}).
			want(http.StatusConflict)
	})
}
