package api_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
	"github.com/evald/evald/reports"
)

// readinessOf fetches a round's readiness as the office.
func readinessOf(s *server, roundID int64) evaluation.Readiness {
	s.t.Helper()
	var r evaluation.Readiness
	s.call(http.MethodGet, fmt.Sprintf("/api/v1/rounds/%d/readiness", roundID), s.token(asAdmin), nil).want(http.StatusOK).decode(&r)
	return r
}

// issue finds a warning or blocker by code.
func issue(list []evaluation.ReadinessIssue, code string) *evaluation.ReadinessIssue {
	for i := range list {
		if list[i].Code == code {
			return &list[i]
		}
	}
	return nil
}

// TestReadinessAndResultStatus walks a round with min_raters 2 through its
// steps: P1 rated twice (complete), P2 once of two (insufficient), P3 not at
// all (none); every warning and blocker of each step, the nullable result
// fields, the ranks over complete plans only, 409 no_result, the ZIP's
// README, and the reasons kept in the audit trail.
func TestReadinessAndResultStatus(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		w := s.w
		admin := s.token(asAdmin)
		roundPath := fmt.Sprintf("/api/v1/rounds/%d", w.Round.ID)

		// min_raters: validated, then set; self-assessments and conclusions required.
		if r := s.call(http.MethodPatch, roundPath, admin, map[string]any{"min_raters": 0}); r.Code != http.StatusUnprocessableEntity ||
			r.errorBody().Fields["min_raters"] == "" {
			t.Fatalf("min_raters 0: %d %s", r.Code, r.Body)
		}
		var round evaluation.Round
		s.call(http.MethodPatch, roundPath, admin, map[string]any{"min_raters": 2, "require_narrative": true,
			"self_assessment_due": string(w.Round.StartsOn)}).want(http.StatusOK).decode(&round)
		if round.MinRaters != 2 {
			t.Fatalf("round: %+v", round)
		}
		// Draft: no next step, nothing to warn about.
		if r := readinessOf(s, w.Round.ID); r.NextStep != nil || len(r.Warnings) != 0 || len(r.Blockers) != 0 {
			t.Fatalf("draft readiness: %+v", r)
		}

		a11, a12 := w.Assign(w.Round, w.P1, w.Eval1), w.Assign(w.Round, w.P1, w.Eval2)
		a21, _ := w.Assign(w.Round, w.P2, w.Eval1), w.Assign(w.Round, w.P2, w.Eval3)
		w.Assign(w.Round, w.P3, w.Eval3)
		w.Move(w.Round, evaluation.RoundOpen)
		w.Score(a11, w.Eval1, w.FullAnswers(0.8))
		w.Score(a12, w.Eval2, w.FullAnswers(0.6))
		w.Score(a21, w.Eval1, w.FullAnswers(0.9))

		// Open: close_scoring with missing sheets, plans without a result, self-assessments missing.
		r := readinessOf(s, w.Round.ID)
		if r.NextStep == nil || *r.NextStep != "close_scoring" || r.Sheets != (evaluation.SheetCounts{Assigned: 5, Submitted: 3, NotStarted: 2}) {
			t.Fatalf("open readiness: %+v", r)
		}
		if !slices.Equal(r.PlansWithoutResult, []int64{w.P2.ID, w.P3.ID}) || len(r.PlansBelowAssigned) != 0 {
			t.Errorf("plans without result %v, below assigned %v", r.PlansWithoutResult, r.PlansBelowAssigned)
		}
		if x := issue(r.Warnings, evaluation.WarnSheetsMissing); x == nil || !slices.Equal(x.PlanIDs, []int64{w.P2.ID, w.P3.ID}) {
			t.Errorf("sheets_missing: %+v", r.Warnings)
		}
		if issue(r.Warnings, evaluation.WarnPlansWithoutResult) == nil || issue(r.Warnings, evaluation.WarnSelfAssessmentsMissing) == nil ||
			r.SelfAssessments.Expected != 3 || r.SelfAssessments.Submitted != 0 {
			t.Errorf("open warnings: %+v, self-assessments %+v", r.Warnings, r.SelfAssessments)
		}
		if len(r.Blockers) != 0 || len(r.ByAgency) != 3 || len(r.ByEvaluator) != 3 {
			t.Errorf("open: blockers %+v, agencies %+v, evaluators %+v", r.Blockers, r.ByAgency, r.ByEvaluator)
		}
		for _, e := range r.ByEvaluator {
			if e.EvaluatorID == w.Eval1.ID && (e.Assigned != 2 || e.Submitted != 2 || e.Name == "") {
				t.Errorf("eval1: %+v", e)
			}
		}

		// Results: P1 complete and ranked 1 of 1; P2 insufficient, P3 none: null total, grade, rank.
		var results struct{ Items []evaluation.ResultItem }
		s.call(http.MethodGet, roundPath+"/results", admin, nil).want(http.StatusOK).decode(&results)
		status := map[int64]evaluation.ResultItem{}
		for _, it := range results.Items {
			status[it.PlanID] = it
		}
		if p1 := status[w.P1.ID]; p1.ResultStatus != "complete" || p1.Rank == nil || *p1.Rank != 1 || p1.Total == nil || p1.Grade == nil || p1.RankedPlans != 1 {
			t.Errorf("P1: %+v", p1)
		}
		for id, want := range map[int64]string{w.P2.ID: "insufficient", w.P3.ID: "none"} {
			if it := status[id]; it.ResultStatus != want || it.Total != nil || it.Grade != nil || it.Rank != nil || it.RankedPlans != 1 {
				t.Errorf("plan %d: %+v", id, it)
			}
		}
		raw := s.call(http.MethodGet, fmt.Sprintf("%s/plans/%d/result", roundPath, w.P2.ID), admin, nil).want(http.StatusOK)
		var fields map[string]json.RawMessage
		raw.decode(&fields)
		if string(fields["total"]) != "null" || string(fields["grade"]) != "null" || string(fields["rank"]) != "null" ||
			string(fields["result_status"]) != `"insufficient"` {
			t.Errorf("P2 result: %s", raw.Body)
		}

		// Close scoring with a reason, kept in the audit event.
		s.call(http.MethodPost, roundPath+"/close-scoring", admin, map[string]string{"reason": strings.Repeat("理", 501)}).
			want(http.StatusUnprocessableEntity)
		s.call(http.MethodPost, roundPath+"/close-scoring", admin, json.RawMessage(`{"reason":`)).want(http.StatusBadRequest)
		s.call(http.MethodPost, roundPath+"/close-scoring", admin, map[string]string{"reason": "评估机构已书面确认无法按期完成"}).
			want(http.StatusOK)
		var events struct{ Items []evaluation.AuditEvent }
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/audit?entity=round&entity_id=%d", w.Round.ID), admin, nil).
			want(http.StatusOK).decode(&events)
		found := false
		for _, e := range events.Items {
			if e.Action == "round.scoring_closed" && strings.Contains(e.After, "评估机构已书面确认无法按期完成") {
				found = true
			}
		}
		if !found {
			t.Errorf("the reason is not in the audit trail: %+v", events.Items)
		}

		// Scoring closed: publish is blocked by the conclusion of P1 (the only complete plan).
		r = readinessOf(s, w.Round.ID)
		if r.NextStep == nil || *r.NextStep != "publish" || r.Narratives != (evaluation.NarrativeCounts{Expected: 1}) {
			t.Fatalf("closed readiness: %+v", r)
		}
		if x := issue(r.Blockers, evaluation.BlockNarrativesPending); x == nil || !slices.Equal(x.PlanIDs, []int64{w.P1.ID}) {
			t.Errorf("narratives_pending: %+v", r.Blockers)
		}
		if issue(r.Warnings, evaluation.WarnSheetsMissing) == nil || issue(r.Warnings, evaluation.WarnPlansWithoutResult) == nil {
			t.Errorf("closed warnings: %+v", r.Warnings)
		}
		if c := s.call(http.MethodPost, roundPath+"/publish", admin, nil); c.Code != http.StatusConflict || c.errorBody().Code != "narratives_pending" {
			t.Fatalf("publish with a pending conclusion: %d %s", c.Code, c.Body)
		}
		// Lowering min_raters to 1 makes P2 complete but below assigned.
		s.call(http.MethodPatch, roundPath, admin, map[string]any{"require_narrative": false}).want(http.StatusOK)
		r = readinessOf(s, w.Round.ID)
		if len(r.Blockers) != 0 || r.Narratives.Expected != 0 {
			t.Errorf("without required conclusions: %+v", r)
		}
		s.call(http.MethodPatch, roundPath, admin, map[string]any{"min_raters": 1}).want(http.StatusOK)
		r = readinessOf(s, w.Round.ID)
		if x := issue(r.Warnings, evaluation.WarnPlansBelowAssigned); x == nil || !slices.Equal(x.PlanIDs, []int64{w.P2.ID}) ||
			!slices.Equal(r.PlansWithoutResult, []int64{w.P3.ID}) {
			t.Errorf("min_raters 1: %+v", r)
		}
		s.call(http.MethodPatch, roundPath, admin, map[string]any{"min_raters": 2}).want(http.StatusOK)

		// No evaluation report without a complete result, before and after publication.
		report := func(plan int64) *reply {
			return s.call(http.MethodGet, fmt.Sprintf("%s/plans/%d/evaluation-report.pdf", roundPath, plan), admin, nil)
		}
		for _, id := range []int64{w.P2.ID, w.P3.ID} {
			if c := report(id); c.Code != http.StatusConflict || c.errorBody().Code != "no_result" {
				t.Errorf("report of plan %d: %d %s", id, c.Code, c.Body)
			}
		}
		report(w.P1.ID).want(http.StatusOK)
		s.call(http.MethodPost, roundPath+"/publish", admin, map[string]string{}).want(http.StatusOK)
		if c := report(w.P3.ID); c.Code != http.StatusConflict || c.errorBody().Code != "no_result" {
			t.Errorf("published report of P3: %d %s", c.Code, c.Body)
		}
		report(w.P1.ID).want(http.StatusOK)
		var issued struct{ Items []evaluation.IssuedVersion }
		s.call(http.MethodGet, roundPath+"/issued-reports", admin, nil).want(http.StatusOK).decode(&issued)
		if len(issued.Items) != 1 || issued.Items[0].PlanID != w.P1.ID {
			t.Errorf("issued reports: %+v", issued.Items)
		}
		if c := s.call(http.MethodPost, fmt.Sprintf("%s/plans/%d/evaluation-report/reissue", roundPath, w.P2.ID), admin,
			map[string]string{"reason": "更正"}); c.Code != http.StatusConflict || c.errorBody().Code != "no_result" {
			t.Errorf("reissue of P2: %d %s", c.Code, c.Body)
		}

		// The round's ZIP leaves P2 and P3 out and says so in README.txt.
		var buf bytes.Buffer
		if err := newReportService(t, env).WriteRoundZIP(context.Background(), &buf, evaluation.ActorOf(w.Admin), w.Round.ID, nil); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		evalReports, readme := 0, ""
		for _, f := range zr.File {
			if strings.HasPrefix(f.Name, "评估报告/") {
				evalReports++
			}
			if f.Name == reports.ZIPReadme {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				b, err := io.ReadAll(rc)
				if err != nil {
					t.Fatal(err)
				}
				readme = string(b)
			}
		}
		if evalReports != 1 || !strings.Contains(readme, w.P2.Code) || !strings.Contains(readme, w.P3.Code) || strings.Contains(readme, w.P1.Code) {
			t.Errorf("ZIP: %d evaluation reports, README %q", evalReports, readme)
		}

		// Published: archive warns of findings not accepted (none here), archived: nothing.
		r = readinessOf(s, w.Round.ID)
		if r.NextStep == nil || *r.NextStep != "archive" || len(r.Warnings) != 0 {
			t.Errorf("published readiness: %+v", r)
		}
		s.call(http.MethodPost, roundPath+"/archive", admin, nil).want(http.StatusOK)
		if r = readinessOf(s, w.Round.ID); r.NextStep != nil || len(r.Warnings) != 0 {
			t.Errorf("archived readiness: %+v", r)
		}
	})
}

// TestReadinessFindingsOpen: a published round with findings not accepted
// warns before archiving, naming their plans.
func TestReadinessFindingsOpen(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		pub := s.w.PublishRound()
		r := readinessOf(s, pub.Round.ID)
		x := issue(r.Warnings, evaluation.WarnFindingsOpen)
		if x == nil || !slices.Equal(x.PlanIDs, []int64{s.w.P1.ID, s.w.P2.ID}) || r.Findings.Published != 3 || r.Findings.Accepted != 0 {
			t.Errorf("findings_open: %+v", r)
		}
	})
}
