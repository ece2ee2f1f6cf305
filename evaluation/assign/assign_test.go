package assign

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// agencyTeams builds active evaluators: agency i+1 gets sizes[i] evaluators
// with ids (i+1)*100+1, (i+1)*100+2, ….
func agencyTeams(sizes ...int) []AutoAssignEvaluator {
	var out []AutoAssignEvaluator
	for i, n := range sizes {
		agency := int64(i + 1)
		for j := 1; j <= n; j++ {
			out = append(out, AutoAssignEvaluator{ID: agency*100 + int64(j), AgencyID: agency})
		}
	}
	return out
}

// numberedPlans builds plans 1…n with codes P01… and lead department 1000+id.
func numberedPlans(n int) []AutoAssignPlan {
	out := make([]AutoAssignPlan, n)
	for i := range out {
		id := int64(i + 1)
		out[i] = AutoAssignPlan{ID: id, Code: fmt.Sprintf("P%02d", id), LeadDepartmentID: 1000 + id}
	}
	return out
}

// allowedAgencies lists, independently of the implementation, the agencies
// with active evaluators that plan may still get, and counts the distinct
// agencies already on it.
func allowedAgencies(in AutoAssignInput, plan AutoAssignPlan) (allowed []int64, have int) {
	on := map[int64]bool{}
	for _, x := range in.Existing {
		if x.PlanID == plan.ID && x.AgencyID != 0 {
			on[x.AgencyID] = true
		}
	}
	seen := map[int64]bool{}
	for _, e := range in.Evaluators {
		if e.AgencyID == 0 || seen[e.AgencyID] || on[e.AgencyID] {
			continue
		}
		seen[e.AgencyID] = true
		if !slices.ContainsFunc(in.Conflicts, func(c AgencyConflict) bool { return c.Covers(e.AgencyID, plan) }) {
			allowed = append(allowed, e.AgencyID)
		}
	}
	slices.Sort(allowed)
	return allowed, len(on)
}

// evaluatorLoads counts every active evaluator's assignments, existing and planned.
func evaluatorLoads(in AutoAssignInput, out []PlannedAssignment) map[int64]int {
	loads := map[int64]int{}
	for _, e := range in.Evaluators {
		if e.AgencyID != 0 {
			loads[e.ID] = 0
		}
	}
	for _, x := range in.Existing {
		if _, ok := loads[x.EvaluatorID]; ok {
			loads[x.EvaluatorID]++
		}
	}
	for _, x := range out {
		loads[x.EvaluatorID]++
	}
	return loads
}

func loadSpread(loads map[int64]int) (lo, hi int) {
	first := true
	for _, n := range loads {
		if first || n < lo {
			lo = n
		}
		if first || n > hi {
			hi = n
		}
		first = false
	}
	return lo, hi
}

func sumOfSquares(loads map[int64]int) int {
	total := 0
	for _, n := range loads {
		total += n * n
	}
	return total
}

// checkAutoAssignment fails the test unless out is a valid answer to in:
// sorted, real active evaluators of the stated agency, distinct agencies per
// plan never already on it nor barred by a conflict, every plan brought to
// exactly RatersPerPlan agencies.
func checkAutoAssignment(t *testing.T, in AutoAssignInput, out []PlannedAssignment) {
	t.Helper()
	agencyOf := map[int64]int64{}
	for _, e := range in.Evaluators {
		if e.AgencyID != 0 {
			agencyOf[e.ID] = e.AgencyID
		}
	}
	if !slices.IsSortedFunc(out, func(a, b PlannedAssignment) int {
		return cmp.Or(cmp.Compare(a.PlanID, b.PlanID), cmp.Compare(a.EvaluatorID, b.EvaluatorID))
	}) {
		t.Errorf("output not sorted by plan, evaluator: %v", out)
	}
	newAgencies := map[int64][]int64{}
	for _, x := range out {
		if got, ok := agencyOf[x.EvaluatorID]; !ok || got != x.AgencyID {
			t.Errorf("%v: evaluator %d is not an active evaluator of agency %d", x, x.EvaluatorID, x.AgencyID)
		}
		newAgencies[x.PlanID] = append(newAgencies[x.PlanID], x.AgencyID)
	}
	plans := map[int64]bool{}
	for _, plan := range in.Plans {
		plans[plan.ID] = true
		allowed, have := allowedAgencies(in, plan)
		got := newAgencies[plan.ID]
		for i, a := range got {
			if slices.Contains(got[:i], a) {
				t.Errorf("plan %s: agency %d seated twice", plan.Code, a)
			}
			if !slices.Contains(allowed, a) {
				t.Errorf("plan %s: agency %d is already on it or barred by a conflict", plan.Code, a)
			}
		}
		if want := max(0, in.RatersPerPlan-have); len(got) != want {
			t.Errorf("plan %s: %d new agencies on top of %d existing, want %d", plan.Code, len(got), have, want)
		}
	}
	for id := range newAgencies {
		if !plans[id] {
			t.Errorf("plan %d is not eligible but was assigned", id)
		}
	}
}

func TestAutoAssignConflictCovers(t *testing.T) {
	plan := AutoAssignPlan{ID: 7, Code: "P07", LeadDepartmentID: 30}
	noDepartment := AutoAssignPlan{ID: 8, Code: "P08"}
	tests := []struct {
		name     string
		conflict AgencyConflict
		agency   int64
		plan     AutoAssignPlan
		want     bool
	}{
		{"by plan", AgencyConflict{AgencyID: 1, PlanID: 7}, 1, plan, true},
		{"by department", AgencyConflict{AgencyID: 1, DepartmentID: 30}, 1, plan, true},
		{"other plan", AgencyConflict{AgencyID: 1, PlanID: 8}, 1, plan, false},
		{"other department", AgencyConflict{AgencyID: 1, DepartmentID: 31}, 1, plan, false},
		{"other agency", AgencyConflict{AgencyID: 2, PlanID: 7, DepartmentID: 30}, 1, plan, false},
		{"empty department does not match a plan without one", AgencyConflict{AgencyID: 1}, 1, noDepartment, false},
		{"department and plan: department matches", AgencyConflict{AgencyID: 1, DepartmentID: 30, PlanID: 9}, 1, plan, true},
		{"department and plan: plan matches", AgencyConflict{AgencyID: 1, DepartmentID: 31, PlanID: 7}, 1, plan, true},
		{"no agency", AgencyConflict{PlanID: 7}, 0, plan, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.conflict.Covers(tt.agency, tt.plan); got != tt.want {
				t.Errorf("%+v.Covers(%d, %+v) = %v, want %v", tt.conflict, tt.agency, tt.plan, got, tt.want)
			}
		})
	}
}

func TestPlanAutoAssignmentRejectsRatersBelowOne(t *testing.T) {
	for _, raters := range []int{0, -1} {
		t.Run(fmt.Sprint(raters), func(t *testing.T) {
			out, err := PlanAutoAssignment(AutoAssignInput{
				RatersPerPlan: raters, Plans: numberedPlans(1), Evaluators: agencyTeams(1),
			})
			// The store makes it a ValidationError on raters_per_plan
			// (TestAutoAssignRefusesRatersBelowOne).
			if !errors.Is(err, ErrTooFewRaters) {
				t.Fatalf("err = %v, want ErrTooFewRaters", err)
			}
			if out != nil {
				t.Errorf("out = %v, want nil", out)
			}
		})
	}
}

func TestPlanAutoAssignment(t *testing.T) {
	two := numberedPlans(2)
	tests := []struct {
		name string
		in   AutoAssignInput
		want []PlannedAssignment
	}{
		{
			name: "one rater per plan spreads over agencies",
			in:   AutoAssignInput{RatersPerPlan: 1, Plans: two, Evaluators: agencyTeams(1, 1)},
			want: []PlannedAssignment{{1, 101, 1}, {2, 201, 2}},
		},
		{
			name: "distinct agencies even when one agency has many evaluators",
			in:   AutoAssignInput{RatersPerPlan: 2, Plans: two, Evaluators: agencyTeams(4, 1)},
			want: []PlannedAssignment{{1, 101, 1}, {1, 201, 2}, {2, 102, 1}, {2, 201, 2}},
		},
		{
			name: "conflict by department",
			in: AutoAssignInput{RatersPerPlan: 1, Plans: two, Evaluators: agencyTeams(1, 1),
				Conflicts: []AgencyConflict{{AgencyID: 1, DepartmentID: 1001}}},
			want: []PlannedAssignment{{1, 201, 2}, {2, 101, 1}},
		},
		{
			name: "conflict by plan",
			in: AutoAssignInput{RatersPerPlan: 2, Plans: two, Evaluators: agencyTeams(1, 1, 1),
				Conflicts: []AgencyConflict{{AgencyID: 1, PlanID: 2}}},
			want: []PlannedAssignment{{1, 101, 1}, {1, 201, 2}, {2, 201, 2}, {2, 301, 3}},
		},
		{
			name: "evaluators with no agency are ignored",
			in: AutoAssignInput{RatersPerPlan: 1, Plans: two,
				Evaluators: append(agencyTeams(1), AutoAssignEvaluator{ID: 1}, AutoAssignEvaluator{ID: 2})},
			want: []PlannedAssignment{{1, 101, 1}, {2, 101, 1}},
		},
		{
			name: "existing agency on a plan is not used again and counts",
			in: AutoAssignInput{RatersPerPlan: 2, Plans: two, Evaluators: agencyTeams(2, 1),
				Existing: []AutoAssignExisting{{PlanID: 1, EvaluatorID: 101, AgencyID: 1}}},
			// Plan 1 needs one more, not agency 1; plan 2 needs two.
			want: []PlannedAssignment{{1, 201, 2}, {2, 102, 1}, {2, 201, 2}},
		},
		{
			name: "two evaluators of one agency already on a plan count as one agency",
			in: AutoAssignInput{RatersPerPlan: 2, Plans: numberedPlans(1), Evaluators: agencyTeams(2, 1),
				Existing: []AutoAssignExisting{{1, 101, 1}, {1, 102, 1}}},
			want: []PlannedAssignment{{1, 201, 2}},
		},
		{
			name: "plans already covered get nothing",
			in: AutoAssignInput{RatersPerPlan: 1, Plans: two, Evaluators: agencyTeams(1, 1),
				Existing: []AutoAssignExisting{{1, 101, 1}, {2, 101, 1}, {2, 201, 2}}},
			want: []PlannedAssignment{},
		},
		{
			name: "existing load elsewhere steers new plans away",
			in: AutoAssignInput{RatersPerPlan: 1, Plans: two, Evaluators: agencyTeams(1, 1),
				// Plan 9 is not eligible any more; its assignments still load evaluator 101.
				Existing: []AutoAssignExisting{{9, 101, 1}, {10, 101, 1}}},
			want: []PlannedAssignment{{1, 201, 2}, {2, 201, 2}},
		},
		{
			name: "existing load evens out within an agency",
			in: AutoAssignInput{RatersPerPlan: 1, Plans: numberedPlans(3), Evaluators: agencyTeams(3),
				Existing: []AutoAssignExisting{{9, 101, 1}, {10, 101, 1}, {9, 102, 1}}},
			want: []PlannedAssignment{{1, 103, 1}, {2, 102, 1}, {3, 103, 1}},
		},
		{
			// Taking the plans most constrained first and each time the least
			// loaded agency (ties by id) gives P01 agency 1 and ends with loads
			// 3, 0, 2; only moving P01 to agency 2 afterwards reaches 2, 1, 2.
			name: "a later plan moves an earlier one to balance the load",
			in: AutoAssignInput{RatersPerPlan: 1, Plans: numberedPlans(5), Evaluators: agencyTeams(1, 1, 1),
				Conflicts: []AgencyConflict{
					{AgencyID: 3, PlanID: 1},
					{AgencyID: 2, PlanID: 2}, {AgencyID: 2, PlanID: 3}, {AgencyID: 2, PlanID: 4},
					{AgencyID: 1, PlanID: 5}, {AgencyID: 2, PlanID: 5},
				}},
			want: []PlannedAssignment{{1, 201, 2}, {2, 101, 1}, {3, 101, 1}, {4, 301, 3}, {5, 301, 3}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := PlanAutoAssignment(tt.in)
			if err != nil {
				t.Fatalf("PlanAutoAssignment: %v", err)
			}
			checkAutoAssignment(t, tt.in, got)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestPlanAutoAssignmentBalance(t *testing.T) {
	tests := []struct {
		name     string
		in       AutoAssignInput
		loads    [2]int        // least and greatest evaluator load, existing included
		agencies map[int64]int // new seats per agency, where it is forced
	}{
		{
			name:  "equal agencies: within one",
			in:    AutoAssignInput{RatersPerPlan: 3, Plans: numberedPlans(22), Evaluators: agencyTeams(2, 2, 2, 2)},
			loads: [2]int{8, 9}, // 66 seats over 8 evaluators
		},
		{
			name:  "one-person agencies: exactly even",
			in:    AutoAssignInput{RatersPerPlan: 2, Plans: numberedPlans(10), Evaluators: agencyTeams(1, 1, 1, 1, 1)},
			loads: [2]int{4, 4},
		},
		{
			name:     "unequal agencies that can absorb their share: within one",
			in:       AutoAssignInput{RatersPerPlan: 2, Plans: numberedPlans(12), Evaluators: agencyTeams(1, 2, 3)},
			loads:    [2]int{4, 4}, // 24 seats, 6 evaluators; agency 3 needs 12 = every plan
			agencies: map[int64]int{1: 4, 2: 8, 3: 12},
		},
		{
			// 66 seats over 8 evaluators would be 8.25 each, but agency 2 can sit
			// on each of the 22 plans only once, so its three evaluators get 22
			// (8, 7, 7) and the other five share 44 (9, 9, 9, 9, 8): 7…9 is the
			// best possible, and both bounds are reached.
			name:     "a large agency capped at one seat per plan",
			in:       AutoAssignInput{RatersPerPlan: 3, Plans: numberedPlans(22), Evaluators: agencyTeams(2, 3, 1, 2)},
			loads:    [2]int{7, 9},
			agencies: map[int64]int{2: 22}, // how the others split 44 is not forced
		},
		{
			name: "existing loads are evened out",
			in: AutoAssignInput{RatersPerPlan: 1, Plans: numberedPlans(5), Evaluators: agencyTeams(1, 1, 1),
				Existing: []AutoAssignExisting{{90, 101, 1}, {91, 101, 1}, {92, 101, 1}, {90, 201, 2}}},
			loads:    [2]int{3, 3}, // 9 assignments over 3 evaluators
			agencies: map[int64]int{1: 0, 2: 2, 3: 3},
		},
		{
			// Agency 1 may not evaluate the ten plans of department 1001…1010;
			// the other 10 plans must take it to keep the others from overload.
			name: "conflicts push load onto the plans that can take it",
			in: AutoAssignInput{RatersPerPlan: 1, Plans: numberedPlans(20), Evaluators: agencyTeams(1, 1, 1, 1),
				Conflicts: func() []AgencyConflict {
					var cs []AgencyConflict
					for d := int64(1001); d <= 1010; d++ {
						cs = append(cs, AgencyConflict{AgencyID: 1, DepartmentID: d})
					}
					return cs
				}()},
			loads: [2]int{5, 5},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := PlanAutoAssignment(tt.in)
			if err != nil {
				t.Fatalf("PlanAutoAssignment: %v", err)
			}
			checkAutoAssignment(t, tt.in, got)
			loads := evaluatorLoads(tt.in, got)
			if lo, hi := loadSpread(loads); lo != tt.loads[0] || hi != tt.loads[1] {
				t.Errorf("evaluator loads range %d…%d, want %d…%d: %v", lo, hi, tt.loads[0], tt.loads[1], loads)
			}
			// Within an agency, evaluators never differ by more than one.
			byAgency := map[int64]map[int64]int{}
			for _, e := range tt.in.Evaluators {
				if byAgency[e.AgencyID] == nil {
					byAgency[e.AgencyID] = map[int64]int{}
				}
				byAgency[e.AgencyID][e.ID] = loads[e.ID]
			}
			for agency, l := range byAgency {
				if lo, hi := loadSpread(l); hi-lo > 1 {
					t.Errorf("agency %d: evaluator loads %v differ by more than one", agency, l)
				}
			}
			seats := map[int64]int{}
			for _, x := range got {
				seats[x.AgencyID]++
			}
			for agency, want := range tt.agencies {
				if seats[agency] != want {
					t.Errorf("agency %d got %d new plans, want %d", agency, seats[agency], want)
				}
			}
		})
	}
}

func TestPlanAutoAssignmentUncoverable(t *testing.T) {
	plans := []AutoAssignPlan{
		{ID: 1, Code: "B-01", LeadDepartmentID: 10},
		{ID: 2, Code: "A-02", LeadDepartmentID: 20},
		{ID: 3, Code: "C-03", LeadDepartmentID: 30},
		{ID: 4, Code: "D-04", LeadDepartmentID: 40},
	}
	tests := []struct {
		name string
		in   AutoAssignInput
		want []UncoverablePlan
	}{
		{
			name: "fewer agencies than raters",
			in:   AutoAssignInput{RatersPerPlan: 3, Plans: plans[:2], Evaluators: agencyTeams(5, 5)},
			want: []UncoverablePlan{{2, "A-02", 2, 3}, {1, "B-01", 2, 3}},
		},
		{
			name: "no active evaluators at all",
			in: AutoAssignInput{RatersPerPlan: 1, Plans: plans[:1],
				Evaluators: []AutoAssignEvaluator{{ID: 5}}},
			want: []UncoverablePlan{{1, "B-01", 0, 1}},
		},
		{
			name: "conflicts leave too few, sorted by code",
			in: AutoAssignInput{RatersPerPlan: 2, Plans: plans, Evaluators: agencyTeams(1, 1, 1),
				// B-01 keeps agency 3 only, A-02 keeps 1 and 2 (enough), C-03 keeps none.
				Conflicts: []AgencyConflict{
					{AgencyID: 1, DepartmentID: 10}, {AgencyID: 2, DepartmentID: 10},
					{AgencyID: 3, PlanID: 2},
					{AgencyID: 1, PlanID: 3}, {AgencyID: 2, PlanID: 3}, {AgencyID: 3, DepartmentID: 30},
				}},
			want: []UncoverablePlan{{1, "B-01", 1, 2}, {3, "C-03", 0, 2}},
		},
		{
			name: "existing agencies count towards what a plan can have",
			in: AutoAssignInput{RatersPerPlan: 3, Plans: plans[:2], Evaluators: agencyTeams(1, 1, 1),
				Conflicts: []AgencyConflict{{AgencyID: 3, PlanID: 1}, {AgencyID: 2, PlanID: 2}},
				// Plan 1 has agency 1 and can add 2: 2 < 3. Plan 2 has agency 4
				// (evaluator no longer active) and can add 1 and 3: 3, fine.
				Existing: []AutoAssignExisting{{1, 101, 1}, {2, 401, 4}}},
			want: []UncoverablePlan{{1, "B-01", 2, 3}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := PlanAutoAssignment(tt.in)
			var uerr *UncoverablePlansError
			if !errors.As(err, &uerr) {
				t.Fatalf("err = %v, want *UncoverablePlansError", err)
			}
			if got != nil {
				t.Errorf("assignments = %v, want nil", got)
			}
			if !reflect.DeepEqual(uerr.Plans, tt.want) {
				t.Errorf("plans = %+v, want %+v", uerr.Plans, tt.want)
			}
			msg := err.Error()
			last := -1
			for _, p := range tt.want {
				i := strings.Index(msg, p.Code)
				if i < 0 || i < last {
					t.Errorf("message %q does not list %s in order", msg, p.Code)
				}
				last = i
			}
		})
	}
}

// randomAutoAssignInput makes a small round: up to 6 plans, up to 4 agencies
// of 1–3 evaluators, random conflicts by department and by plan, and some
// existing assignments.
func randomAutoAssignInput(r *rand.Rand) AutoAssignInput {
	in := AutoAssignInput{RatersPerPlan: 1 + r.IntN(3)}
	sizes := make([]int, 1+r.IntN(4))
	for i := range sizes {
		sizes[i] = 1 + r.IntN(3)
	}
	in.Evaluators = agencyTeams(sizes...)
	if r.IntN(4) == 0 {
		in.Evaluators = append(in.Evaluators, AutoAssignEvaluator{ID: 9})
	}
	in.Plans = numberedPlans(1 + r.IntN(6))
	for i := range in.Plans {
		in.Plans[i].LeadDepartmentID = int64(1 + r.IntN(3))
	}
	for agency := int64(1); agency <= int64(len(sizes)); agency++ {
		if r.IntN(3) == 0 {
			in.Conflicts = append(in.Conflicts, AgencyConflict{AgencyID: agency, DepartmentID: int64(1 + r.IntN(3))})
		}
		for _, p := range in.Plans {
			if r.IntN(5) == 0 {
				in.Conflicts = append(in.Conflicts, AgencyConflict{AgencyID: agency, PlanID: p.ID})
			}
		}
	}
	for range r.IntN(5) {
		e := in.Evaluators[r.IntN(len(in.Evaluators))]
		x := AutoAssignExisting{PlanID: int64(1 + r.IntN(8)), EvaluatorID: e.ID, AgencyID: e.AgencyID}
		if !slices.Contains(in.Existing, x) {
			in.Existing = append(in.Existing, x)
		}
	}
	return in
}

// bestSumOfSquares finds by exhaustive search the least sum of squares of
// evaluator loads any valid answer reaches: every way of choosing each plan's
// new agencies, with each agency's plans going to its least-loaded evaluator
// (the best split within an agency).
func bestSumOfSquares(in AutoAssignInput) int {
	base := evaluatorLoads(in, nil)
	var choices [][][]int64 // per plan, every choice of its new agencies
	for _, plan := range in.Plans {
		allowed, have := allowedAgencies(in, plan)
		need := max(0, in.RatersPerPlan-have)
		var options [][]int64
		var pick func(from int, chosen []int64)
		pick = func(from int, chosen []int64) {
			if len(chosen) == need {
				options = append(options, slices.Clone(chosen))
				return
			}
			for i := from; i < len(allowed); i++ {
				pick(i+1, append(chosen, allowed[i]))
			}
		}
		pick(0, nil)
		choices = append(choices, options)
	}
	best := -1
	seats := map[int64]int{}
	var walk func(i int)
	walk = func(i int) {
		if i < len(choices) {
			for _, option := range choices[i] {
				for _, a := range option {
					seats[a]++
				}
				walk(i + 1)
				for _, a := range option {
					seats[a]--
				}
			}
			return
		}
		loads := maps.Clone(base)
		for agency, n := range seats {
			for range n {
				var least int64 = -1
				for _, e := range in.Evaluators {
					if e.AgencyID == agency && (least < 0 || loads[e.ID] < loads[least]) {
						least = e.ID
					}
				}
				loads[least]++
			}
		}
		if s := sumOfSquares(loads); best < 0 || s < best {
			best = s
		}
	}
	walk(0)
	return best
}

func TestPlanAutoAssignmentRandomRounds(t *testing.T) {
	r := rand.New(rand.NewPCG(2024, 11))
	var covered, uncovered int
	for i := range 400 {
		in := randomAutoAssignInput(r)
		got, err := PlanAutoAssignment(in)

		var wantUncoverable []string
		for _, plan := range in.Plans {
			if allowed, have := allowedAgencies(in, plan); have+len(allowed) < in.RatersPerPlan {
				wantUncoverable = append(wantUncoverable, plan.Code)
			}
		}
		slices.Sort(wantUncoverable)

		if len(wantUncoverable) > 0 {
			uncovered++
			var uerr *UncoverablePlansError
			if !errors.As(err, &uerr) || got != nil {
				t.Fatalf("round %d: got %v, %v; want only an UncoverablePlansError\n%+v", i, got, err, in)
			}
			var codes []string
			for _, p := range uerr.Plans {
				codes = append(codes, p.Code)
			}
			if !slices.Equal(codes, wantUncoverable) {
				t.Errorf("round %d: uncoverable %v, want %v", i, codes, wantUncoverable)
			}
			continue
		}
		covered++
		if err != nil {
			t.Fatalf("round %d: %v\n%+v", i, err, in)
		}
		checkAutoAssignment(t, in, got)
		if s, best := sumOfSquares(evaluatorLoads(in, got)), bestSumOfSquares(in); s != best {
			t.Errorf("round %d: sum of squared loads %d, best possible %d\n%+v\n%v", i, s, best, in, got)
		}
	}
	// Make sure the generator exercises both outcomes.
	if covered < 100 || uncovered < 50 {
		t.Errorf("only %d covered and %d uncoverable rounds; adjust the generator", covered, uncovered)
	}
}

func TestPlanAutoAssignmentDeterministic(t *testing.T) {
	in := AutoAssignInput{
		RatersPerPlan: 3,
		Plans:         numberedPlans(30),
		Evaluators:    agencyTeams(2, 3, 1, 2, 4),
	}
	for i := range in.Plans {
		in.Plans[i].LeadDepartmentID = int64(i%4 + 1)
	}
	in.Conflicts = []AgencyConflict{
		{AgencyID: 1, DepartmentID: 1}, {AgencyID: 2, DepartmentID: 2}, {AgencyID: 5, PlanID: 3},
		{AgencyID: 5, PlanID: 4}, {AgencyID: 3, PlanID: 4}, {AgencyID: 4, DepartmentID: 3},
	}
	in.Existing = []AutoAssignExisting{{1, 101, 1}, {1, 102, 1}, {2, 501, 5}, {7, 301, 3}, {40, 201, 2}}
	want, err := PlanAutoAssignment(in)
	if err != nil {
		t.Fatalf("PlanAutoAssignment: %v", err)
	}
	checkAutoAssignment(t, in, want)

	r := rand.New(rand.NewPCG(7, 7))
	for i := range 20 {
		shuffled := AutoAssignInput{
			RatersPerPlan: in.RatersPerPlan,
			Plans:         slices.Clone(in.Plans),
			Evaluators:    slices.Clone(in.Evaluators),
			Conflicts:     slices.Clone(in.Conflicts),
			Existing:      slices.Clone(in.Existing),
		}
		r.Shuffle(len(shuffled.Plans), reflect.Swapper(shuffled.Plans))
		r.Shuffle(len(shuffled.Evaluators), reflect.Swapper(shuffled.Evaluators))
		r.Shuffle(len(shuffled.Conflicts), reflect.Swapper(shuffled.Conflicts))
		r.Shuffle(len(shuffled.Existing), reflect.Swapper(shuffled.Existing))
		got, err := PlanAutoAssignment(shuffled)
		if err != nil {
			t.Fatalf("shuffle %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffle %d: result differs\ngot  %v\nwant %v", i, got, want)
		}
	}
}
