package api_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// TestRoundProgressAndSelectiveReminder: a round of six sheets — P1 rated by
// eval1 (lead, 80.5) and eval2 (63); P2 by eval1 (89.5), eval3 (a draft) and
// eval5 (not started); P3 by eval3 (lead, not started) — counted by agency
// and evaluator with each agency's mean total (宽严度), the round mean for a
// plan's result, self-assessments and conclusions outstanding; then a
// reminder to the one evaluator selected reaches only them.
func TestRoundProgressAndSelectiveReminder(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		w := s.w
		ctx := context.Background()
		admin := s.token(asAdmin)
		roundPath := fmt.Sprintf("/api/v1/rounds/%d", w.Round.ID)
		s.call(http.MethodPatch, roundPath, admin, map[string]any{"self_assessment_due": string(w.Round.StartsOn)}).want(http.StatusOK)

		a11, a12 := w.Assign(w.Round, w.P1, w.Eval1), w.Assign(w.Round, w.P1, w.Eval2)
		a21, a23, a25 := w.Assign(w.Round, w.P2, w.Eval1), w.Assign(w.Round, w.P2, w.Eval3), w.Assign(w.Round, w.P2, w.Eval5)
		a33 := w.Assign(w.Round, w.P3, w.Eval3)
		for _, a := range []int64{a11.ID, a33.ID} {
			s.call(http.MethodPatch, fmt.Sprintf("/api/v1/assignments/%d", a), admin, map[string]any{"lead": true}).want(http.StatusOK)
		}
		w.Move(w.Round, evaluation.RoundOpen)
		w.Score(a11, w.Eval1, w.FullAnswers(0.8)) // 71.5 + 9 check points = 80.5
		w.Score(a12, w.Eval2, w.FullAnswers(0.6)) // 54 + 9 = 63
		w.Score(a21, w.Eval1, w.FullAnswers(0.9)) // 80.5 + 9 = 89.5
		if _, err := w.Store.SaveScoresheet(ctx, evaluation.ActorOf(w.Eval3), a23.ID,
			evaluation.ScoresheetRequest{Version: 0, Scores: w.FullAnswers(0.5)[:2]}); err != nil {
			t.Fatal(err)
		}
		eval1 := s.token(asEvaluator)
		narr := fmt.Sprintf("%s/plans/%d/narrative", roundPath, w.P1.ID)
		sections := map[string]string{"overall": "总体较好", "achievements": "成效明显", "problems": "进度偏慢", "recommendations": "加快推进"}
		s.call(http.MethodPut, narr, eval1, map[string]any{"version": 0, "sections": sections}).want(http.StatusOK)
		s.call(http.MethodPost, narr+"/submit", eval1, map[string]any{"version": 1}).want(http.StatusOK)

		var p evaluation.RoundProgress
		s.call(http.MethodGet, roundPath+"/progress", admin, nil).want(http.StatusOK).decode(&p)
		if p.Sheets != (evaluation.SheetCounts{Assigned: 6, Submitted: 3, Draft: 1, NotStarted: 2}) {
			t.Errorf("sheets %+v", p.Sheets)
		}
		today, err1 := time.Parse(time.DateOnly, string(w.Store.Today()))
		due, err2 := time.Parse(time.DateOnly, string(w.Round.ScoringDue))
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if p.Status != evaluation.RoundOpen || p.DaysLeft == nil || *p.DaysLeft != int(due.Sub(today).Hours()/24) {
			t.Errorf("status %s, days left %v (today %s)", p.Status, p.DaysLeft, w.Store.Today())
		}
		if p.MeanTotal == nil || *p.MeanTotal != 7767 { // (80.5 + 63 + 89.5) / 3 = 77.666…
			t.Errorf("round mean %v", p.MeanTotal)
		}
		hundredths := func(v int64) *evaluation.Hundredths { h := evaluation.Hundredths(v); return &h }
		wantAgencies := []evaluation.AgencyProgress{
			{AgencyID: w.SCU.ID, Name: w.SCU.Name, Evaluators: 2, SheetCounts: evaluation.SheetCounts{Assigned: 3, Submitted: 2, NotStarted: 1}, MeanTotal: hundredths(8500)},
			{AgencyID: w.UESTC.ID, Name: w.UESTC.Name, Evaluators: 1, SheetCounts: evaluation.SheetCounts{Assigned: 1, Submitted: 1}, MeanTotal: hundredths(6300)},
			{AgencyID: w.XHU.ID, Name: w.XHU.Name, Evaluators: 1, SheetCounts: evaluation.SheetCounts{Assigned: 2, Draft: 1, NotStarted: 1}},
		}
		if len(p.ByAgency) != len(wantAgencies) {
			t.Fatalf("by agency %+v", p.ByAgency)
		}
		for i, want := range wantAgencies {
			got := p.ByAgency[i]
			if got.AgencyID != want.AgencyID || got.Name != want.Name || got.Evaluators != want.Evaluators || got.SheetCounts != want.SheetCounts ||
				(got.MeanTotal == nil) != (want.MeanTotal == nil) || (got.MeanTotal != nil && *got.MeanTotal != *want.MeanTotal) {
				t.Errorf("agency %d: %+v (mean %v), want %+v", i, got, got.MeanTotal, want)
			}
		}
		type evalWant struct {
			counts      evaluation.SheetCounts
			pending     []int64
			narratives  int
			agencyID    int64
			displayName string
		}
		wantEvals := map[int64]evalWant{
			w.Eval1.ID: {evaluation.SheetCounts{Assigned: 2, Submitted: 2}, []int64{}, 0, w.SCU.ID, w.Eval1.DisplayName},
			w.Eval2.ID: {evaluation.SheetCounts{Assigned: 1, Submitted: 1}, []int64{}, 0, w.UESTC.ID, w.Eval2.DisplayName},
			w.Eval3.ID: {evaluation.SheetCounts{Assigned: 2, Draft: 1, NotStarted: 1}, []int64{a23.ID, a33.ID}, 1, w.XHU.ID, w.Eval3.DisplayName},
			w.Eval5.ID: {evaluation.SheetCounts{Assigned: 1, NotStarted: 1}, []int64{a25.ID}, 0, w.SCU.ID, w.Eval5.DisplayName},
		}
		if len(p.ByEvaluator) != len(wantEvals) {
			t.Fatalf("by evaluator %+v", p.ByEvaluator)
		}
		for _, e := range p.ByEvaluator {
			want := wantEvals[e.EvaluatorID]
			if e.SheetCounts != want.counts || !slices.Equal(e.PendingAssignmentIDs, want.pending) || e.NarrativesOutstanding != want.narratives ||
				e.AgencyID != want.agencyID || e.Name != want.displayName {
				t.Errorf("evaluator %d: %+v, want %+v", e.EvaluatorID, e, want)
			}
		}
		if p.SelfAssessments != (evaluation.SelfProgress{Expected: 3, Outstanding: 3}) ||
			p.Narratives != (evaluation.NarrativeProgress{Expected: 3, Submitted: 1, Outstanding: 2}) {
			t.Errorf("self-assessments %+v, narratives %+v", p.SelfAssessments, p.Narratives)
		}

		// The plan's result is read against the round's mean over complete
		// plans: P1 (80.5 + 63) / 2 = 71.75 and P2 89.5 → 80.625 → 80.63.
		var detail evaluation.ResultDetail
		s.call(http.MethodGet, fmt.Sprintf("%s/plans/%d/result", roundPath, w.P1.ID), admin, nil).want(http.StatusOK).decode(&detail)
		if m := detail.RoundMean; m == nil || m.Plans != 2 || m.Total != 8063 || len(m.Dimensions) != 4 {
			t.Errorf("round mean %+v", m)
		}
		s.call(http.MethodGet, fmt.Sprintf("%s/plans/%d/result", roundPath, w.P1.ID), eval1, nil).want(http.StatusOK).decode(&detail)
		if detail.RoundMean != nil {
			t.Errorf("an evaluator sees the round mean %+v", detail.RoundMean)
		}

		// A reminder to eval5 alone: one notification, to eval5.
		before := notificationsByUser(t, env)
		var res evaluation.RemindResult
		s.call(http.MethodPost, roundPath+"/remind", admin, map[string]any{"evaluator_ids": []int64{w.Eval5.ID}}).want(http.StatusOK).decode(&res)
		after := notificationsByUser(t, env)
		if res.Notified != 1 || after[w.Eval5.ID] != before[w.Eval5.ID]+1 {
			t.Errorf("notified %d; eval5 had %d, has %d", res.Notified, before[w.Eval5.ID], after[w.Eval5.ID])
		}
		for u, n := range after {
			if u != w.Eval5.ID && n != before[u] {
				t.Errorf("user %d was notified too (%d → %d)", u, before[u], n)
			}
		}
		// Someone without an assignment in the round, or nobody: 422.
		r := s.call(http.MethodPost, roundPath+"/remind", admin, map[string]any{"evaluator_ids": []int64{w.Eval5.ID, w.Eval4.ID}})
		if r.Code != http.StatusUnprocessableEntity || r.errorBody().Fields["evaluator_ids[1]"] == "" {
			t.Errorf("eval4 not assigned: %d %s", r.Code, r.Body)
		}
		if r := s.call(http.MethodPost, roundPath+"/remind", admin, map[string]any{"evaluator_ids": []int64{}}); r.Code != http.StatusUnprocessableEntity {
			t.Errorf("empty selection: %d %s", r.Code, r.Body)
		}
		// No body: everyone who owes work, as before: eval3 and eval5 their
		// sheets, finance and assets their self-assessments.
		s.call(http.MethodPost, roundPath+"/remind", admin, nil).want(http.StatusOK).decode(&res)
		if res.Notified != 4 {
			t.Errorf("reminder to everyone reached %d, want 4", res.Notified)
		}

		// Once scoring closes there is no countdown.
		w.Move(w.Round, evaluation.RoundScoringClosed)
		s.call(http.MethodGet, roundPath+"/progress", admin, nil).want(http.StatusOK).decode(&p)
		if p.Status != evaluation.RoundScoringClosed || p.DaysLeft != nil {
			t.Errorf("closed: status %s, days left %v", p.Status, p.DaysLeft)
		}
	})
}

// notificationsByUser counts every user's notifications.
func notificationsByUser(t *testing.T, env *evaltest.Env) map[int64]int {
	t.Helper()
	var rows []struct {
		UserID int64
		N      int
	}
	if err := env.DB.Gorm.Table("notifications").Select("user_id, COUNT(*) AS n").Group("user_id").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[int64]int{}
	for _, r := range rows {
		out[r.UserID] = r.N
	}
	return out
}
