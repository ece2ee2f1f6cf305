package evaluation_test

import (
	"context"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// Fewer than one rater per plan is a validation error on raters_per_plan,
// for a preview and a real run alike.
func TestAutoAssignRefusesRatersBelowOne(t *testing.T) {
	w := evaltest.Seed(t, evaltest.New(t, evaluation.SQLite))
	for _, dryRun := range []bool{true, false} {
		_, err := w.Store.AutoAssign(context.Background(), w.AdminActor(), w.Round.ID, 0, dryRun)
		wantInvalid(t, err, "raters_per_plan")
	}
}

// An evaluator's task list puts pending work first: a submitted sheet goes
// after the ones still to do, whatever the order of assignment.
func TestMyAssignmentsPendingFirst(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		first := w.Assign(w.Round, w.P1, w.Eval1)
		w.Assign(w.Round, w.P2, w.Eval1)
		w.Assign(w.Round, w.P3, w.Eval1)
		w.Move(w.Round, evaluation.RoundOpen)
		w.Score(first, w.Eval1, w.FullAnswers(0.8))
		l, err := w.Store.MyAssignments(context.Background(), evaluation.ActorOf(w.Eval1), evaluation.AssignmentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, a := range l.Items {
			got = append(got, a.Plan.ID)
		}
		if want := []int64{w.P2.ID, w.P3.ID, w.P1.ID}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
			t.Errorf("plans in the task list: %v, want %v (the submitted one last)", got, want)
		}
	})
}
