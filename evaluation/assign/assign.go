// Package assign proposes evaluators for the plans of a round: distinct
// agencies per plan, conflicts of interest respected, loads balanced.
package assign

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// AutoAssignInput is everything auto-assignment decides from.
type AutoAssignInput struct {
	RatersPerPlan int
	Plans         []AutoAssignPlan      // the round's eligible plans
	Evaluators    []AutoAssignEvaluator // active evaluators
	Conflicts     []AgencyConflict      // declared conflicts of interest
	Existing      []AutoAssignExisting  // assignments already in the round
}

// AutoAssignPlan is an eligible plan as auto-assignment sees it.
type AutoAssignPlan struct {
	ID               int64
	Code             string
	LeadDepartmentID int64
}

// AutoAssignEvaluator is an active evaluator and the agency they work for.
type AutoAssignEvaluator struct {
	ID       int64
	AgencyID int64
}

// AgencyConflict is a conflict of interest an agency has declared, either
// with a lead department (every plan it leads) or with one plan.
type AgencyConflict struct {
	AgencyID     int64
	DepartmentID int64 // 0 = none
	PlanID       int64 // 0 = none
}

// AutoAssignExisting is an assignment already made in the round.
type AutoAssignExisting struct {
	PlanID      int64
	EvaluatorID int64
	AgencyID    int64
}

// PlannedAssignment is one assignment auto-assignment proposes.
type PlannedAssignment struct {
	PlanID      int64
	EvaluatorID int64
	AgencyID    int64
}

// UncoverablePlan is a plan that cannot get enough evaluators from distinct
// agencies: Have is how many distinct agencies it can get at most (those
// already on it plus those still allowed), Need is raters_per_plan.
type UncoverablePlan struct {
	ID   int64
	Code string
	Have int
	Need int
}

// ErrTooFewRaters is returned for fewer than one rater per plan.
var ErrTooFewRaters = errors.New("assign: raters per plan below 1")

// UncoverablePlansError names the plans that cannot get enough evaluators
// from distinct agencies, sorted by code.
type UncoverablePlansError struct {
	Plans []UncoverablePlan
}

func (e *UncoverablePlansError) Error() string {
	parts := make([]string, len(e.Plans))
	for i, p := range e.Plans {
		parts[i] = fmt.Sprintf("%s（可用 %d 家，需要 %d 家）", p.Code, p.Have, p.Need)
	}
	return "evaluation: 以下方案没有足够的不同评估机构可以分配：" + strings.Join(parts, "、")
}

// Covers reports whether a conflict rule bars the agency from the plan. A
// rule naming both a department and a plan bars the agency from either.
func (c AgencyConflict) Covers(agencyID int64, plan AutoAssignPlan) bool {
	if agencyID == 0 || c.AgencyID != agencyID {
		return false
	}
	return (c.PlanID != 0 && c.PlanID == plan.ID) ||
		(c.DepartmentID != 0 && c.DepartmentID == plan.LeadDepartmentID)
}

// PlanAutoAssignment proposes the assignments that bring every plan to
// RatersPerPlan distinct agencies. It returns only the new assignments, sorted
// by plan id then evaluator id; existing ones are left as they are and count
// both towards a plan's agencies and towards evaluators' loads. When a plan
// cannot be covered it proposes nothing and returns *UncoverablePlansError
// naming every such plan.
//
// Feasibility is a per-plan question: an agency may evaluate any number of
// plans, so plans do not compete for agencies, and every plan with at least
// as many allowed agencies as it lacks can be covered whatever the others do.
//
// Balance is about people: the load that matters is the number of plans each
// evaluator must score. Balancing agencies' raw counts would give a
// one-person agency as many plans as a five-person one, so instead the
// assignment minimises the sum of squares of evaluators' loads (existing
// included). An agency then carries plans in proportion to its headcount,
// which is the even agency load normalised by size. The only thing that can
// keep evaluators from being within one of each other is the rule that an
// agency sits on a plan at most once: a large agency may be capped at one seat
// per plan while smaller ones must absorb the rest. On the set of reachable
// load vectors (an M-convex set, being the image of the plans' demands through
// a network) the least sum of squares is also the least maximum and the
// greatest minimum load (Frank and Murota, "Discrete decreasing minimization",
// 2022), so the result is as even as the constraints allow.
//
// The optimum is reached as a min-cost flow by successive shortest paths:
// plans (supply = seats missing) → allowed agencies (capacity one each) →
// their evaluators → sink, where the next plan costs an evaluator its current
// load (a convex cost, whose sum is the sum of squares up to a constant).
// Every arc but the last costs nothing, so a shortest path from a plan is an
// alternating path — the plan takes an agency, the plan that held it takes
// another, and so on — that ends at the agency whose least-loaded evaluator
// is least loaded among all agencies reachable that way. Augmenting along a
// shortest path from any plan keeps the flow free of negative cycles, so the
// final flow is optimal whatever order the plans are taken in. The order
// (fewest allowed agencies first, then code, then id) and the tie-breaks
// (fewest hops, then lowest agency id, then lowest evaluator id) only pick,
// deterministically, one among equally balanced results.
func PlanAutoAssignment(in AutoAssignInput) ([]PlannedAssignment, error) {
	if in.RatersPerPlan < 1 {
		return nil, ErrTooFewRaters
	}
	s, uncoverable := newAssigner(in)
	if len(uncoverable) > 0 {
		return nil, &UncoverablePlansError{Plans: uncoverable}
	}
	for p := range s.plans {
		for range s.plans[p].need {
			s.seat(p)
		}
	}
	return s.result(), nil
}

// assignAgency is an agency with active evaluators.
type assignAgency struct {
	id         int64
	evaluators []int // indices into assigner.evaluators, by ascending id
}

// assignPlan is a plan that lacks seats.
type assignPlan struct {
	plan    AutoAssignPlan
	allowed []int // indices into assigner.agencies, by ascending agency id
	need    int
}

// assigner holds the state of one auto-assignment run.
type assigner struct {
	agencies   []assignAgency
	evaluators []AutoAssignEvaluator // active, by ascending id
	load       []int                 // per evaluator: existing plus planned assignments
	plans      []assignPlan          // plans that lack seats, in processing order
	seats      [][]int               // seats[p][a]: evaluator seating agency a on plan p, or -1
}

// newAssigner normalises the input (sorted, duplicates dropped, so that the
// order of the input slices cannot matter) and reports the plans that cannot
// be covered, sorted by code.
func newAssigner(in AutoAssignInput) (*assigner, []UncoverablePlan) {
	s := &assigner{}

	for _, e := range in.Evaluators {
		if e.AgencyID != 0 {
			s.evaluators = append(s.evaluators, e)
		}
	}
	slices.SortFunc(s.evaluators, func(a, b AutoAssignEvaluator) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.AgencyID, b.AgencyID))
	})
	s.evaluators = slices.CompactFunc(s.evaluators, func(a, b AutoAssignEvaluator) bool { return a.ID == b.ID })
	agencyIDs := make([]int64, len(s.evaluators))
	for i, e := range s.evaluators {
		agencyIDs[i] = e.AgencyID
	}
	slices.Sort(agencyIDs)
	agencyIDs = slices.Compact(agencyIDs)
	agencyIndex := make(map[int64]int, len(agencyIDs))
	s.agencies = make([]assignAgency, len(agencyIDs))
	for i, id := range agencyIDs {
		agencyIndex[id] = i
		s.agencies[i].id = id
	}
	evaluatorIndex := make(map[int64]int, len(s.evaluators))
	for i, e := range s.evaluators {
		evaluatorIndex[e.ID] = i
		a := &s.agencies[agencyIndex[e.AgencyID]]
		a.evaluators = append(a.evaluators, i)
	}

	// Existing assignments: loads of active evaluators, agencies on each plan.
	s.load = make([]int, len(s.evaluators))
	type pair struct{ plan, evaluator int64 }
	seen := map[pair]bool{}
	onPlan := map[int64]map[int64]bool{}
	for _, x := range in.Existing {
		if seen[pair{x.PlanID, x.EvaluatorID}] {
			continue
		}
		seen[pair{x.PlanID, x.EvaluatorID}] = true
		if i, ok := evaluatorIndex[x.EvaluatorID]; ok {
			s.load[i]++
		}
		if x.AgencyID != 0 {
			if onPlan[x.PlanID] == nil {
				onPlan[x.PlanID] = map[int64]bool{}
			}
			onPlan[x.PlanID][x.AgencyID] = true
		}
	}

	conflicts := map[int64][]AgencyConflict{}
	for _, c := range in.Conflicts {
		conflicts[c.AgencyID] = append(conflicts[c.AgencyID], c)
	}
	barred := func(agencyID int64, plan AutoAssignPlan) bool {
		return slices.ContainsFunc(conflicts[agencyID], func(c AgencyConflict) bool {
			return c.Covers(agencyID, plan)
		})
	}

	plans := slices.Clone(in.Plans)
	slices.SortFunc(plans, func(a, b AutoAssignPlan) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.LeadDepartmentID, b.LeadDepartmentID))
	})
	plans = slices.CompactFunc(plans, func(a, b AutoAssignPlan) bool { return a.ID == b.ID })
	var uncoverable []UncoverablePlan
	for _, plan := range plans {
		have := len(onPlan[plan.ID])
		if have >= in.RatersPerPlan {
			continue
		}
		p := assignPlan{plan: plan, need: in.RatersPerPlan - have}
		for a, agency := range s.agencies {
			if !onPlan[plan.ID][agency.id] && !barred(agency.id, plan) {
				p.allowed = append(p.allowed, a)
			}
		}
		if len(p.allowed) < p.need {
			uncoverable = append(uncoverable, UncoverablePlan{
				ID: plan.ID, Code: plan.Code, Have: have + len(p.allowed), Need: in.RatersPerPlan,
			})
			continue
		}
		s.plans = append(s.plans, p)
	}
	slices.SortFunc(uncoverable, func(a, b UncoverablePlan) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.ID, b.ID))
	})
	slices.SortFunc(s.plans, func(a, b assignPlan) int {
		return cmp.Or(cmp.Compare(len(a.allowed), len(b.allowed)),
			cmp.Compare(a.plan.Code, b.plan.Code), cmp.Compare(a.plan.ID, b.plan.ID))
	})

	s.seats = make([][]int, len(s.plans))
	for p := range s.seats {
		s.seats[p] = make([]int, len(s.agencies))
		for a := range s.seats[p] {
			s.seats[p][a] = -1
		}
	}
	return s, uncoverable
}

// leastLoaded returns the agency's evaluator with the lowest load, the lowest
// id among equals: the one its next plan goes to.
func (s *assigner) leastLoaded(a int) int {
	best := -1
	for _, e := range s.agencies[a].evaluators {
		if best < 0 || s.load[e] < s.load[best] {
			best = e
		}
	}
	return best
}

// cost is what one more plan costs agency a: its least-loaded evaluator's load.
func (s *assigner) cost(a int) int { return s.load[s.leastLoaded(a)] }

// seat gives plan p one more agency along a cheapest augmenting path.
func (s *assigner) seat(p int) {
	// Shortcut: when an agency p may take directly is as cheap as any agency
	// at all, no longer path can do better, and the search below would pick
	// the same agency (fewest hops, then lowest id).
	floor := -1
	for a := range s.agencies {
		if c := s.cost(a); floor < 0 || c < floor {
			floor = c
		}
	}
	direct := -1
	for _, a := range s.plans[p].allowed {
		if s.seats[p][a] < 0 && (direct < 0 || s.cost(a) < s.cost(direct)) {
			direct = a
		}
	}
	if s.cost(direct) == floor {
		e := s.leastLoaded(direct)
		s.seats[p][direct] = e
		s.load[e]++
		return
	}

	// Breadth-first search over the residual graph: plan q → agency a when q
	// may take a and does not hold it; agency a → plan r when r holds a (and
	// could give it up for another).
	takenBy := make([]int, len(s.agencies)) // plan taking agency a on the path, or -1
	hops := make([]int, len(s.agencies))
	for a := range takenBy {
		takenBy[a] = -1
	}
	givesUp := make([]int, len(s.plans)) // agency plan r gives up on the path
	depth := make([]int, len(s.plans))
	visited := make([]bool, len(s.plans))
	visited[p] = true
	queue := []int{p}
	best := -1
	for len(queue) > 0 {
		q := queue[0]
		queue = queue[1:]
		for _, a := range s.plans[q].allowed {
			if takenBy[a] >= 0 || s.seats[q][a] >= 0 {
				continue
			}
			takenBy[a], hops[a] = q, depth[q]+1
			if best < 0 || cmp.Or(cmp.Compare(s.cost(a), s.cost(best)),
				cmp.Compare(hops[a], hops[best]), cmp.Compare(a, best)) < 0 {
				best = a
			}
			for r := range s.plans {
				if !visited[r] && s.seats[r][a] >= 0 {
					visited[r], givesUp[r], depth[r] = true, a, hops[a]
					queue = append(queue, r)
				}
			}
		}
	}

	// Augment: the last plan on the path takes best with a new evaluator;
	// every earlier plan takes the agency (and its evaluator) the next one gives up.
	e := s.leastLoaded(best)
	s.load[e]++
	for q, a := takenBy[best], best; ; {
		s.seats[q][a] = e
		if q == p {
			return
		}
		a = givesUp[q]
		e, s.seats[q][a] = s.seats[q][a], -1
		q = takenBy[a]
	}
}

// result lists the planned assignments by plan id, then evaluator id.
func (s *assigner) result() []PlannedAssignment {
	out := []PlannedAssignment{}
	for p, plan := range s.plans {
		for a, e := range s.seats[p] {
			if e >= 0 {
				out = append(out, PlannedAssignment{
					PlanID: plan.plan.ID, EvaluatorID: s.evaluators[e].ID, AgencyID: s.agencies[a].id,
				})
			}
		}
	}
	slices.SortFunc(out, func(a, b PlannedAssignment) int {
		return cmp.Or(cmp.Compare(a.PlanID, b.PlanID), cmp.Compare(a.EvaluatorID, b.EvaluatorID))
	})
	return out
}
