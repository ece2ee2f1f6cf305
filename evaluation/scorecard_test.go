package evaluation_test

import (
	"context"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// Every figure of the 2026 scorecard, worked out by hand for a small
// fixture: round A (published 2026-05-10: P1 of 市财政局 by eval1 at 0.8 and
// eval2 at 0.7, P2 of 市国资委 by eval2 at 0.9; three findings) and round B
// (published 2026-07-01: P1 by eval3 at 0.9 with A's open critical finding
// carried, P3 of 市发展改革委 by eval4 at 0.9 without findings), as of
// 2026-08-15.
func TestScorecardFigures(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		ctx := context.Background()
		w := evaltest.Seed(t, env)
		pub := w.PublishRound()                           // 2026-05-10
		accept(t, w, pub.P1Minor, w.DeptFinance, w.Eval2) // on 2026-05-10, due 2026-08-08: on time

		b := ledgerRound(t, w, "2026年第二轮", "2026-06-01", "2026-07-31")
		b1, b3 := w.Assign(b, w.P1, w.Eval3), w.Assign(b, w.P3, w.Eval4)
		w.Move(b, evaluation.RoundOpen) // carries P1's critical finding
		w.Score(b1, w.Eval3, w.FullAnswers(0.9))
		w.Score(b3, w.Eval4, w.FullAnswers(0.9))
		w.Move(b, evaluation.RoundScoringClosed)
		w.Env.Clock.Set(time.Date(2026, 7, 1, 9, 0, 0, 0, evaltest.Shanghai))
		w.Move(b, evaluation.RoundPublished) // the carried copy is due 2026-07-31
		w.Env.Clock.Set(time.Date(2026, 7, 20, 9, 0, 0, 0, evaltest.Shanghai))
		accept(t, w, pub.P2Major, w.DeptStateAssets, w.Eval2) // due 2026-07-09: late
		w.Env.Clock.Set(time.Date(2026, 8, 15, 9, 0, 0, 0, evaltest.Shanghai))

		// The per-round totals the scorecard averages (each tested on its own).
		total := func(r *evaluation.Round, p *evaluation.Plan) evaluation.Hundredths {
			t.Helper()
			res, err := w.Store.PlanResult(ctx, w.AdminActor(), r.ID, p.ID)
			if err != nil || res.Total == nil {
				t.Fatalf("result of plan %d in round %d: %+v, %v", p.ID, r.ID, res, err)
			}
			return *res.Total
		}
		x, y, z, z3 := total(pub.Round, w.P1), total(pub.Round, w.P2), total(b, w.P1), total(b, w.P3)
		if y != z || z != z3 || x >= y {
			t.Fatalf("fixture totals %v %v %v %v: want P1 in A below the three scored at 0.9", x, y, z, z3)
		}
		// 市财政局's mean of two totals, rounded half up.
		finMean := evaluation.Hundredths((int64(x) + int64(z) + 1) / 2)

		sc, err := w.Store.DepartmentScorecard(ctx, evaluation.ActorOf(w.Viewer), 2026)
		if err != nil {
			t.Fatal(err)
		}
		if len(sc.Rounds) != 2 || sc.AsOf != "2026-08-15" || len(sc.Items) != 3 {
			t.Fatalf("scorecard: rounds %+v, as of %s, %d rows", sc.Rounds, sc.AsOf, len(sc.Items))
		}
		rate := func(r *evaluation.Rate) string {
			if r == nil {
				return "null"
			}
			b, err := r.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
		hund := func(h *evaluation.Hundredths) string {
			if h == nil {
				return "null"
			}
			return h.String()
		}
		// Ranked by mean total: 市国资委 and 市发展改革委 tie on it, 市国资委's
		// rate (1 of 1) beats an undefined one; 市财政局's mean is lower.
		want := []struct {
			rank                                       int
			dept                                       *evaluation.Org
			plans, results                             int
			mean                                       string
			grades                                     int
			findings, critical, major, minor, accepted int
			rate                                       string
			due, onTime                                int
			onTimeRate                                 string
			overdue                                    int
		}{
			{1, w.StateAssets, 1, 1, y.String(), 1, 1, 0, 1, 0, 1, "1.0000", 1, 0, "0.0000", 0},
			{2, w.DevReform, 1, 1, z3.String(), 1, 0, 0, 0, 0, 0, "null", 0, 0, "null", 0},
			{3, w.Finance, 1, 2, finMean.String(), 2, 3, 2, 0, 1, 1, "0.3333", 3, 1, "0.3333", 2},
		}
		for i, wt := range want {
			it := sc.Items[i]
			grades := 0
			for _, n := range it.Grades {
				grades += n
			}
			if it.Rank != wt.rank || it.DepartmentID != wt.dept.ID || it.Name != wt.dept.Name || it.Plans != wt.plans ||
				it.Results != wt.results || hund(it.MeanTotal) != wt.mean || grades != wt.grades ||
				it.Findings != wt.findings || it.BySeverity != (evaluation.SeverityCounts{Critical: wt.critical, Major: wt.major, Minor: wt.minor}) ||
				it.Accepted != wt.accepted || rate(it.Rate) != wt.rate || it.Due != wt.due || it.OnTime != wt.onTime ||
				rate(it.OnTimeRate) != wt.onTimeRate || it.Overdue != wt.overdue || it.SelfGap != nil || it.SelfGapN != 0 {
				t.Errorf("row %d: got %+v (mean %s, rate %s, on time %s), want %+v", i+1, it, hund(it.MeanTotal),
					rate(it.Rate), rate(it.OnTimeRate), wt)
			}
		}

		own, err := w.Store.DepartmentScorecard(ctx, evaluation.ActorOf(w.DeptFinance), 2026)
		if err != nil || len(own.Items) != 1 || own.Items[0].DepartmentID != w.Finance.ID || own.Items[0].Rank != 3 {
			t.Errorf("the department's own row: %+v, %v", own, err)
		}
		if none, err := w.Store.DepartmentScorecard(ctx, w.AdminActor(), 2027); err != nil || len(none.Items) != 0 || len(none.Rounds) != 0 {
			t.Errorf("2027: %+v, %v", none, err)
		}
		_, err = w.Store.DepartmentScorecard(ctx, w.AdminActor(), 1999)
		wantInvalid(t, err, "year")
	})
}
