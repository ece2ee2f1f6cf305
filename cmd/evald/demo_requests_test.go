package main

import (
	"context"
	"testing"

	"github.com/evald/evald/evaluation"
)

// checkDemoRequests: the open demo round has requests for more material
// both answered (with a file) and open; the demo department has one of each,
// and the demo evaluator reads an answered one and waits on its own.
func checkDemoRequests(t *testing.T, s *evaluation.Store, roundID int64) {
	t.Helper()
	ctx := context.Background()
	all, err := s.Requests(ctx, evaluation.System, evaluation.RequestFilter{RoundID: roundID, Page: evaluation.Page{PerPage: 500}})
	if err != nil {
		t.Fatal(err)
	}
	states, withFiles := map[evaluation.RequestStatus]int{}, 0
	for _, q := range all.Items {
		states[q.Status]++
		if len(q.Attachments) > 0 {
			withFiles++
		}
	}
	if states[evaluation.RequestOpen] == 0 || states[evaluation.RequestAnswered] == 0 || withFiles == 0 {
		t.Errorf("the open demo round's requests: %v, %d with files", states, withFiles)
	}
	for _, who := range []string{"department", "evaluator"} {
		_, u, err := s.Login(ctx, who, "demo-password-1", "192.0.2.2")
		if err != nil {
			t.Fatal(err)
		}
		mine, err := s.Requests(ctx, evaluation.ActorOf(u), evaluation.RequestFilter{RoundID: roundID})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[evaluation.RequestStatus]bool{}
		for _, q := range mine.Items {
			seen[q.Status] = true
		}
		if !seen[evaluation.RequestOpen] || !seen[evaluation.RequestAnswered] {
			t.Errorf("the demo %s sees requests %+v", who, mine.Items)
		}
	}
}
