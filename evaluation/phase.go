package evaluation

import (
	"slices"

	"gorm.io/gorm"
)

// readableStates is the phase rule of reading (DESIGN.md "What each round
// state allows" and the role table): in which states of a round each role
// may see the round and anything of it — results, findings, evidence,
// reports, linked surveys. Evaluators see nothing of a draft round;
// departments and viewers see a round once it is published (archived rounds
// stay published). Ownership (an evaluator's own plans, a department's own
// plans) narrows this further, where each object is loaded.
//
// Every read of a round-scoped object goes through MayReadRound or
// inReadableRounds, so that the rule is written once.
var readableStates = map[Role][]RoundStatus{
	RoleAdmin:      {RoundDraft, RoundOpen, RoundScoringClosed, RoundPublished, RoundArchived},
	RoleEvaluator:  {RoundOpen, RoundScoringClosed, RoundPublished, RoundArchived},
	RoleDepartment: {RoundPublished, RoundArchived},
	RoleViewer:     {RoundPublished, RoundArchived},
}

// Published reports whether a round in this state has been published
// (archived rounds were).
func (st RoundStatus) Published() bool { return st == RoundPublished || st == RoundArchived }

// MayReadRound reports whether the actor's role may see a round in state st
// and what belongs to it. A round it may not see is not found (404).
func (a Actor) MayReadRound(st RoundStatus) bool {
	return slices.Contains(readableStates[a.Role], st)
}

// inReadableRounds narrows a query to rows whose round (its status column
// given, e.g. "rounds.status") is in a state the actor may read.
func inReadableRounds(q *gorm.DB, actor Actor, statusColumn string) *gorm.DB {
	states := readableStates[actor.Role]
	if len(states) == len(readableStates[RoleAdmin]) { // every state: nothing to narrow
		return q
	}
	if len(states) == 0 {
		return q.Where("1 = 0")
	}
	return q.Where(statusColumn+" IN ?", states)
}
