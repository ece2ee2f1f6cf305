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
