package evaluation_test

import (
	"context"
	"math/rand/v2"
	"os"
	"testing"

	"gorm.io/gorm"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// benchDialects runs a benchmark on SQLite, and on MySQL when configured.
func benchDialects(b *testing.B, fn func(b *testing.B, env *evaltest.Env)) {
	b.Run("sqlite", func(b *testing.B) { fn(b, evaltest.New(b, evaluation.SQLite)) })
	if os.Getenv("EVAL_TEST_MYSQL_DSN") != "" {
		b.Run("mysql", func(b *testing.B) { fn(b, evaltest.New(b, evaluation.MySQL)) })
	}
}

// BenchmarkRoundResults computes the results of a 349-plan round with five
// scoresheets of 30 indicators each, from the database.
func BenchmarkRoundResults(b *testing.B) {
	benchDialects(b, func(b *testing.B, env *evaltest.Env) {
		big := evaltest.SeedBigRound(b, env, 349)
		ctx := context.Background()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			rr, err := env.Store.ComputeRoundResults(ctx, big.Round.ID)
			if err != nil || len(rr.Results) != 349 {
				b.Fatalf("%d results, %v", len(rr.Results), err)
			}
		}
	})
}

// BenchmarkScoresheetSave saves a complete 30-indicator draft, each time
// from the version the last save returned.
func BenchmarkScoresheetSave(b *testing.B) {
	benchDialects(b, func(b *testing.B, env *evaltest.Env) {
		big := evaltest.SeedBigRound(b, env, 5)
		ctx := context.Background()
		s := env.Store
		a := big.Assignments[0]
		actor := evaluation.ActorOf(big.Evaluators[a.EvaluatorID])
		if _, err := s.ReopenScoresheet(ctx, evaluation.System, a.ID); err != nil {
			b.Fatal(err)
		}
		d, err := s.Assignment(ctx, actor, a.ID)
		if err != nil {
			b.Fatal(err)
		}
		version := d.Scoresheet.Version
		rng := rand.New(rand.NewPCG(3, 4))
		answers := evaltest.RandomAnswers(big.Template, rng)
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			sheet, err := s.SaveScoresheet(ctx, actor, a.ID, evaluation.ScoresheetRequest{Version: version, Scores: answers})
			if err != nil {
				b.Fatal(err)
			}
			version = sheet.Version
		}
	})
}

// countQueries registers a hook counting the SQL statements env runs
// (queries, rows and raw statements) and returns the counter.
func countQueries(t *testing.T, env *evaltest.Env) *int {
	t.Helper()
	n := new(int)
	cb := env.DB.Gorm.Callback()
	hook := func(*gorm.DB) { *n++ }
	for _, err := range []error{
		cb.Query().After("gorm:query").Register("count:gorm:query", hook),
		cb.Row().After("gorm:row").Register("count:gorm:row", hook),
		cb.Raw().After("gorm:raw").Register("count:gorm:raw", hook),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return n
}

// TestRoundResultsQueryCountIsConstant shows the results are one query pass:
// the number of SQL statements does not grow with the number of plans.
func TestRoundResultsQueryCountIsConstant(t *testing.T) {
	count := func(plans int) int {
		env := evaltest.New(t, evaluation.SQLite)
		big := evaltest.SeedBigRound(t, env, plans)
		n := countQueries(t, env)
		if _, err := env.Store.ComputeRoundResults(context.Background(), big.Round.ID); err != nil {
			t.Fatal(err)
		}
		return *n
	}
	small, large := count(3), count(40)
	if small != large || small > 6 {
		t.Fatalf("results took %d queries for 3 plans and %d for 40: want the same small number", small, large)
	}
}

// TestRoundProgressQueryCountIsConstant: a round's progress by agency and
// evaluator takes the same few statements for 3 plans as for 40.
func TestRoundProgressQueryCountIsConstant(t *testing.T) {
	count := func(plans int) int {
		env := evaltest.New(t, evaluation.SQLite)
		big := evaltest.SeedBigRound(t, env, plans)
		n := countQueries(t, env)
		p, err := env.Store.Progress(context.Background(), big.Round.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Sheets.Submitted == 0 || len(p.ByEvaluator) == 0 {
			t.Fatalf("progress of the big round: %+v", p.Sheets)
		}
		return *n
	}
	small, large := count(3), count(40)
	if small != large || small > 6 {
		t.Fatalf("progress took %d queries for 3 plans and %d for 40: want the same small number", small, large)
	}
}

// TestIssuedReportDataQueryCountIsConstant: the report data of a published
// round, with every plan's issued snapshot, is loaded in the same number of
// queries for 3 plans as for 40 — never a query per plan.
func TestIssuedReportDataQueryCountIsConstant(t *testing.T) {
	count := func(plans int) int {
		env := evaltest.New(t, evaluation.SQLite)
		big := evaltest.SeedBigRound(t, env, plans)
		ctx := context.Background()
		for _, to := range []evaluation.RoundStatus{evaluation.RoundScoringClosed, evaluation.RoundPublished} {
			if _, err := env.Store.MoveRound(ctx, evaluation.System, big.Round.ID, to); err != nil {
				t.Fatal(err)
			}
		}
		n := 0
		if err := env.DB.Gorm.Callback().Query().After("gorm:query").Register("count:issued", func(*gorm.DB) { n++ }); err != nil {
			t.Fatal(err)
		}
		if err := env.DB.Gorm.Callback().Row().After("gorm:row").Register("count:issued-row", func(*gorm.DB) { n++ }); err != nil {
			t.Fatal(err)
		}
		d, err := env.Store.ReportData(ctx, evaluation.System, big.Round.ID, 0, evaluation.ReportEvaluation)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Issued) != plans {
			t.Fatalf("%d issued reports for %d plans", len(d.Issued), plans)
		}
		for id, ir := range d.Issued {
			if ir.Version != 1 || ir.PlanID != id {
				t.Fatalf("plan %d: issued %+v", id, ir)
			}
		}
		return n
	}
	if small, large := count(3), count(40); small != large {
		t.Fatalf("report data took %d queries for 3 plans and %d for 40: want the same number", small, large)
	}
}

// countStatements counts the SQL statements fn sends.
func countStatements(t testing.TB, env *evaltest.Env, fn func()) int {
	t.Helper()
	n := 0
	cb := env.DB.Gorm.Callback()
	hook := func(*gorm.DB) { n++ }
	for _, err := range []error{
		cb.Query().After("gorm:query").Register("count:scorecard-query", hook),
		cb.Row().After("gorm:row").Register("count:scorecard-row", hook),
		cb.Raw().After("gorm:raw").Register("count:scorecard-raw", hook),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	fn()
	return n
}

// TestScorecardQueryCountIsConstant: a year's scorecard over three rounds
// takes the same number of statements for 3 plans as for 40 — a few per
// round, never one per plan, department or finding.
func TestScorecardQueryCountIsConstant(t *testing.T) {
	count := func(plans int) int {
		env := evaltest.New(t, evaluation.SQLite)
		evaltest.SeedScorecardYear(t, env, plans)
		return countStatements(t, env, func() {
			sc, err := env.Store.DepartmentScorecard(context.Background(), evaluation.System, 2026)
			if err != nil || len(sc.Rounds) != 3 || len(sc.Items) != 1 || sc.Items[0].Plans != plans ||
				sc.Items[0].Findings != 3*5*plans {
				t.Fatalf("scorecard of %d plans: %+v, %v", plans, sc, err)
			}
		})
	}
	small, large := count(3), count(40)
	if small != large || small > 3+3*6 {
		t.Fatalf("the scorecard took %d statements for 3 plans and %d for 40: want the same small number", small, large)
	}
}

// BenchmarkScorecard computes the scorecard of a year of three rounds of
// the demo's 349 plans, five raters each.
func BenchmarkScorecard(b *testing.B) {
	env := evaltest.New(b, evaluation.SQLite)
	evaltest.SeedScorecardYear(b, env, 349)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := env.Store.DepartmentScorecard(ctx, evaluation.System, 2026); err != nil {
			b.Fatal(err)
		}
	}
}
