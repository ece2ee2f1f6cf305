package evaltest

import (
	"context"
	"fmt"
	"testing"

	"github.com/evald/evald/evaluation"
)

// SeedScorecardYear makes SeedBigRound's plans evaluated in three rounds
// published in 2026 (the second and third copied from the first in SQL, so
// that a large year seeds in seconds), with one open finding per
// assignment, due 2026-06-30.
func SeedScorecardYear(tb testing.TB, env *Env, plans int) []*evaluation.Round {
	tb.Helper()
	ctx := context.Background()
	big := SeedBigRound(tb, env, plans)
	g := env.DB.Gorm
	exec := func(sql string, args ...any) {
		tb.Helper()
		if err := g.Exec(sql, args...).Error; err != nil {
			tb.Fatalf("%s: %v", sql, err)
		}
	}
	rounds := []*evaluation.Round{big.Round}
	for i := 2; i <= 3; i++ {
		r, err := env.Store.CreateRound(ctx, evaluation.System, evaluation.RoundRequest{Name: fmt.Sprintf("基准轮次%d", i),
			TemplateID: big.Template.ID, StartsOn: "2026-03-01", ScoringDue: "2026-04-30"})
		if err != nil {
			tb.Fatal(err)
		}
		exec(`INSERT INTO assignments (round_id, plan_id, evaluator_id, agency_id, created_at)
			SELECT ?, plan_id, evaluator_id, agency_id, created_at FROM assignments WHERE round_id = ?`, r.ID, big.Round.ID)
		exec(`INSERT INTO scoresheets (assignment_id, status, version, reopened, comment, scores, submitted_at, created_at, updated_at)
			SELECT na.id, s.status, s.version, s.reopened, s.comment, s.scores, s.submitted_at, s.created_at, s.updated_at
			FROM scoresheets s JOIN assignments oa ON oa.id = s.assignment_id
			JOIN assignments na ON na.round_id = ? AND na.plan_id = oa.plan_id AND na.evaluator_id = oa.evaluator_id
			WHERE oa.round_id = ?`, r.ID, big.Round.ID)
		rounds = append(rounds, r)
	}
	for i, r := range rounds {
		exec(`INSERT INTO findings (round_id, assignment_id, plan_id, evaluator_id, indicator_code, severity, description,
			recommendation, status, due_on, created_at, updated_at)
			SELECT round_id, id, plan_id, evaluator_id, '', 'major', '问题', '建议', 'open', '2026-06-30', created_at, created_at
			FROM assignments WHERE round_id = ?`, r.ID)
		exec("UPDATE rounds SET status = ?, published_on = ? WHERE id = ?", evaluation.RoundPublished, fmt.Sprintf("2026-05-%02d", 10+i), r.ID)
	}
	return rounds
}
