package assign

import (
	"cmp"
	"slices"
)

// LeadCandidate is an assignment of a plan that may become its lead.
type LeadCandidate struct {
	AssignmentID int64
	AgencyID     int64
}

// LeadPlan is a plan without a lead and the assignments it has.
type LeadPlan struct {
	PlanID     int64
	Candidates []LeadCandidate
}

// LeadChoice names the assignment chosen as a plan's lead.
type LeadChoice struct {
	PlanID       int64
	AssignmentID int64
	AgencyID     int64
}

// ChooseLeads picks one lead assignment for each plan, balancing the number
// of plans each agency leads: held counts the leads agencies have already
// in the round. Plans with the fewest candidate agencies go first (their
// choice is the most constrained), then by id; each takes the candidate
// whose agency leads the fewest plans so far, ties broken by the lower
// agency id, then the lower assignment id. The result is sorted by plan id
// and depends only on the input's content, not its order.
func ChooseLeads(plans []LeadPlan, held map[int64]int) []LeadChoice {
	leads := make(map[int64]int, len(held))
	for a, n := range held {
		leads[a] = n
	}
	type planAgencies struct {
		plan     LeadPlan
		agencies int
	}
	order := make([]planAgencies, 0, len(plans))
	for _, p := range plans {
		if len(p.Candidates) == 0 {
			continue
		}
		cs := slices.Clone(p.Candidates)
		slices.SortFunc(cs, func(a, b LeadCandidate) int {
			return cmp.Or(cmp.Compare(a.AgencyID, b.AgencyID), cmp.Compare(a.AssignmentID, b.AssignmentID))
		})
		p.Candidates = cs
		n := len(slices.CompactFunc(slices.Clone(cs), func(a, b LeadCandidate) bool { return a.AgencyID == b.AgencyID }))
		order = append(order, planAgencies{p, n})
	}
	slices.SortFunc(order, func(a, b planAgencies) int {
		return cmp.Or(cmp.Compare(a.agencies, b.agencies), cmp.Compare(a.plan.PlanID, b.plan.PlanID))
	})
	out := make([]LeadChoice, 0, len(order))
	for _, p := range order {
		best := p.plan.Candidates[0]
		for _, c := range p.plan.Candidates[1:] {
			if leads[c.AgencyID] < leads[best.AgencyID] {
				best = c
			}
		}
		leads[best.AgencyID]++
		out = append(out, LeadChoice{PlanID: p.plan.PlanID, AssignmentID: best.AssignmentID, AgencyID: best.AgencyID})
	}
	slices.SortFunc(out, func(a, b LeadChoice) int { return cmp.Compare(a.PlanID, b.PlanID) })
	return out
}
