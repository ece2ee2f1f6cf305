package evaluation_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// race runs fn n times at once and returns the errors.
func race(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	var start, done sync.WaitGroup
	start.Add(1)
	for i := 0; i < n; i++ {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			errs[i] = fn(i)
		}()
	}
	start.Done()
	done.Wait()
	return errs
}

func TestConcurrentSubmitsExactlyOneWins(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		a := w.Assign(w.Round, w.P1, w.Eval1)
		w.Move(w.Round, evaluation.RoundOpen)
		ev := evaluation.ActorOf(w.Eval1)
		s, err := w.Store.SaveScoresheet(ctx, ev, a.ID, evaluation.ScoresheetRequest{Scores: w.FullAnswers(0.7)})
		if err != nil {
			t.Fatal(err)
		}
		errs := race(8, func(int) error {
			_, err := w.Store.SubmitScoresheet(ctx, ev, a.ID, s.Version)
			return err
		})
		wins := 0
		for _, err := range errs {
			var ce *evaluation.ConflictError
			switch {
			case err == nil:
				wins++
			case errors.As(err, &ce) && (ce.Code == "stale_version" || ce.Code == "submitted"):
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}
		if wins != 1 {
			t.Fatalf("%d submits succeeded, want exactly 1", wins)
		}
		events, err := w.Store.ListAudit(ctx, evaluation.AuditFilter{Entity: "scoresheet"})
		if err != nil {
			t.Fatal(err)
		}
		submits := 0
		for _, e := range events.Items {
			if e.Action == "scoresheet.submit" {
				submits++
			}
		}
		if submits != 1 {
			t.Fatalf("%d submit events in the audit trail, want 1", submits)
		}
	})
}

func TestConcurrentSavesOfOneVersion(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		a := w.Assign(w.Round, w.P1, w.Eval1)
		w.Move(w.Round, evaluation.RoundOpen)
		ev := evaluation.ActorOf(w.Eval1)
		errs := race(6, func(i int) error {
			_, err := w.Store.SaveScoresheet(ctx, ev, a.ID, evaluation.ScoresheetRequest{Version: 0,
				Scores: w.FullAnswers(0.5 + float64(i)/20)})
			return err
		})
		wins := 0
		for _, err := range errs {
			if err == nil {
				wins++
			} else if !errors.Is(err, evaluation.ErrStaleVersion) {
				t.Errorf("unexpected error: %v", err)
			}
		}
		d, err := w.Store.Assignment(ctx, ev, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if wins != 1 || d.Scoresheet.Version != 1 {
			t.Fatalf("%d saves of version 0 succeeded (sheet at version %d), want exactly 1", wins, d.Scoresheet.Version)
		}
	})
}

// TestCloseScoringRacingSubmits closes scoring while evaluators submit: each
// submit either happened before the close (and is counted) or was refused,
// and nothing is half-written.
func TestCloseScoringRacingSubmits(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		evaluators := []*evaluation.User{w.Eval1, w.Eval2, w.Eval3, w.Eval4}
		var as []*evaluation.AssignmentView
		for _, ev := range evaluators {
			as = append(as, w.Assign(w.Round, w.P1, ev), w.Assign(w.Round, w.P2, ev))
		}
		w.Move(w.Round, evaluation.RoundOpen)
		versions := make([]int, len(as))
		for i, a := range as {
			s, err := w.Store.SaveScoresheet(ctx, evaluation.ActorOf(evaluators[i/2]), a.ID,
				evaluation.ScoresheetRequest{Scores: w.FullAnswers(0.75)})
			if err != nil {
				t.Fatal(err)
			}
			versions[i] = s.Version
		}
		errs := race(len(as)+1, func(i int) error {
			if i == len(as) {
				_, err := w.Store.MoveRound(ctx, w.AdminActor(), w.Round.ID, evaluation.RoundScoringClosed)
				return err
			}
			_, err := w.Store.SubmitScoresheet(ctx, evaluation.ActorOf(evaluators[i/2]), as[i].ID, versions[i])
			return err
		})
		if errs[len(as)] != nil {
			t.Fatalf("close scoring: %v", errs[len(as)])
		}
		// The close is an audit event; every submit that succeeded comes
		// before it in the chain, every refused one found the round closed.
		events, err := w.Store.ListAudit(ctx, evaluation.AuditFilter{Page: evaluation.Page{PerPage: 500}})
		if err != nil {
			t.Fatal(err)
		}
		var closeID int64
		submitIDs := map[int64]int64{}
		for _, e := range events.Items {
			switch e.Action {
			case "round.scoring_closed":
				closeID = e.ID
			case "scoresheet.submit":
				submitIDs[e.EntityID] = e.ID
			}
		}
		submitted := 0
		for i, err := range errs[:len(as)] {
			var ce *evaluation.ConflictError
			switch {
			case err == nil:
				submitted++
			case errors.As(err, &ce) && ce.Code == "wrong_state":
			default:
				t.Errorf("submit %d: unexpected error %v", i, err)
			}
		}
		if len(submitIDs) != submitted {
			t.Fatalf("%d submits succeeded but %d were audited", submitted, len(submitIDs))
		}
		for sheet, id := range submitIDs {
			if id > closeID {
				t.Errorf("scoresheet %d was submitted (event %d) after scoring closed (event %d)", sheet, id, closeID)
			}
		}
		list, err := w.Store.RoundAssignments(ctx, evaluation.AssignmentFilter{RoundID: w.Round.ID, Status: evaluation.AssignmentSubmitted})
		if err != nil {
			t.Fatal(err)
		}
		if int(list.Total) != submitted {
			t.Fatalf("%d sheets are submitted, but %d submits succeeded", list.Total, submitted)
		}
		if _, err := w.Store.VerifyAudit(ctx); err != nil {
			t.Fatalf("audit chain after the race: %v", err)
		}
	})
}
