package assign

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestChooseLeadsBalancesAgencies(t *testing.T) {
	// Six plans, each with agencies 1, 2 and 3 (assignment id = plan*10+agency).
	var plans []LeadPlan
	for p := int64(1); p <= 6; p++ {
		lp := LeadPlan{PlanID: p}
		for a := int64(1); a <= 3; a++ {
			lp.Candidates = append(lp.Candidates, LeadCandidate{AssignmentID: p*10 + a, AgencyID: a})
		}
		plans = append(plans, lp)
	}
	got := ChooseLeads(plans, nil)
	count := map[int64]int{}
	for _, c := range got {
		count[c.AgencyID]++
	}
	if len(got) != 6 || count[1] != 2 || count[2] != 2 || count[3] != 2 {
		t.Fatalf("leads %+v: per agency %v, want 2 each", got, count)
	}
	// Leads already held count: agency 1 holds three, so it gets none of three new plans.
	got = ChooseLeads(plans[:3], map[int64]int{1: 3})
	for _, c := range got {
		if c.AgencyID == 1 {
			t.Errorf("agency 1 already leads 3 plans but was given plan %d: %+v", c.PlanID, got)
		}
	}
}

func TestChooseLeadsConstrainedPlansFirst(t *testing.T) {
	// Plan 2 can only be led by agency 1; plan 1 by agency 1 or 2: plan 1 must go to 2.
	plans := []LeadPlan{
		{PlanID: 1, Candidates: []LeadCandidate{{11, 1}, {12, 2}}},
		{PlanID: 2, Candidates: []LeadCandidate{{21, 1}}},
		{PlanID: 3},
	}
	want := []LeadChoice{{1, 12, 2}, {2, 21, 1}}
	if got := ChooseLeads(plans, nil); !reflect.DeepEqual(got, want) {
		t.Fatalf("leads %+v, want %+v", got, want)
	}
}

func TestChooseLeadsIsDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	var plans []LeadPlan
	for p := int64(1); p <= 40; p++ {
		lp := LeadPlan{PlanID: p}
		for a := int64(1); a <= 5; a++ {
			if rng.IntN(2) == 0 || a == 5 {
				lp.Candidates = append(lp.Candidates, LeadCandidate{AssignmentID: p*10 + a, AgencyID: a})
			}
		}
		plans = append(plans, lp)
	}
	want := ChooseLeads(plans, map[int64]int{2: 1})
	for range 10 {
		shuffled := append([]LeadPlan(nil), plans...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		for i := range shuffled {
			cs := append([]LeadCandidate(nil), shuffled[i].Candidates...)
			rng.Shuffle(len(cs), func(a, b int) { cs[a], cs[b] = cs[b], cs[a] })
			shuffled[i].Candidates = cs
		}
		if got := ChooseLeads(shuffled, map[int64]int{2: 1}); !reflect.DeepEqual(got, want) {
			t.Fatalf("a shuffled input chose %+v, want %+v", got, want)
		}
	}
}
