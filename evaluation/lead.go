package evaluation

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strconv"

	"github.com/evald/evald/evaluation/assign"
)

// LeadFlag marks the lead assignment of a plan in a round (牵头评估机构). It
// is stored as TRUE or NULL, never FALSE: the unique index on (round_id,
// plan_id, lead) then admits one lead per plan and any number of other
// assignments on both dialects, since NULLs never collide.
type LeadFlag bool

// Value stores true as TRUE and false as NULL.
func (f LeadFlag) Value() (driver.Value, error) {
	if f {
		return true, nil
	}
	return nil, nil
}

// Scan reads NULL as false.
func (f *LeadFlag) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*f = false
	case bool:
		*f = LeadFlag(v)
	case int64:
		*f = v != 0
	case []byte:
		n, err := strconv.Atoi(string(v))
		if err != nil {
			return fmt.Errorf("lead flag %q: %w", v, err)
		}
		*f = n != 0
	default:
		return fmt.Errorf("lead flag: unexpected %T", src)
	}
	return nil
}

// AssignmentPatch changes an assignment: Lead true makes it its plan's lead
// (the plan's previous lead loses it), false leaves the plan without one.
type AssignmentPatch struct {
	Lead *bool `json:"lead" validate:"required"`
}

// lockLeadRound locks a round whose leads may still change: not once published.
func lockLeadRound(t *tx, roundID int64) (*Round, error) {
	var r Round
	if err := t.forUpdate().First(&r, roundID).Error; err != nil {
		return nil, notFound(err, "round")
	}
	if r.Status.Published() {
		return nil, conflictf("wrong_state", "轮次已发布，不能再更改牵头评估机构")
	}
	return &r, nil
}

// clearLead takes the lead from the plan's current lead assignment other
// than keep, if any, and audits it.
func clearLead(t *tx, roundID, planID, keep int64) error {
	var prev []Assignment
	if err := t.forUpdate().Where("round_id = ? AND plan_id = ? AND lead IS NOT NULL AND id <> ?", roundID, planID, keep).
		Find(&prev).Error; err != nil {
		return fmt.Errorf("previous lead: %w", err)
	}
	for _, p := range prev {
		if err := t.Model(&Assignment{}).Where("id = ?", p.ID).Update("lead", LeadFlag(false)).Error; err != nil {
			return fmt.Errorf("clear lead: %w", err)
		}
		t.audit("assignment.lead", "assignment", p.ID, map[string]any{"lead": true}, map[string]any{"lead": false})
	}
	return nil
}

// UpdateAssignment changes an assignment as the office: its lead flag. The
// move is one transaction: the plan's previous lead loses it first.
func (s *Store) UpdateAssignment(ctx context.Context, actor Actor, id int64, p AssignmentPatch) (*AssignmentView, error) {
	if err := s.checker.check(&p); err != nil {
		return nil, err
	}
	err := s.write(ctx, actor, func(t *tx) error {
		var a Assignment
		if err := t.First(&a, id).Error; err != nil {
			return notFound(err, "assignment")
		}
		r, err := lockLeadRound(t, a.RoundID)
		if err != nil {
			return err
		}
		if err := t.forUpdate().First(&a, id).Error; err != nil {
			return notFound(err, "assignment")
		}
		if bool(a.Lead) == *p.Lead {
			return nil
		}
		if *p.Lead {
			if err := clearLead(t, a.RoundID, a.PlanID, a.ID); err != nil {
				return err
			}
		}
		if err := t.Model(&Assignment{}).Where("id = ?", a.ID).Update("lead", LeadFlag(*p.Lead)).Error; err != nil {
			return fmt.Errorf("set lead: %w", err)
		}
		t.audit("assignment.lead", "assignment", a.ID, map[string]any{"lead": bool(a.Lead)}, map[string]any{"lead": *p.Lead})
		if !*p.Lead {
			return nil
		}
		a.Lead = true
		return notifyLeads(t, r, []Assignment{a})
	})
	if err != nil {
		return nil, err
	}
	return s.assignmentView(ctx, id)
}

// autoLeads makes one assignment the lead of every plan of the round that
// has none, balancing the leads across agencies (assign.ChooseLeads).
func autoLeads(t *tx, r *Round) ([]Assignment, error) {
	var as []Assignment
	if err := t.Where("round_id = ?", r.ID).Order("id").Find(&as).Error; err != nil {
		return nil, fmt.Errorf("auto leads: %w", err)
	}
	choices := chooseLeads(as)
	byID := map[int64]Assignment{}
	for _, a := range as {
		byID[a.ID] = a
	}
	var chosen []Assignment
	for _, c := range choices {
		if err := t.Model(&Assignment{}).Where("id = ?", c.AssignmentID).Update("lead", LeadFlag(true)).Error; err != nil {
			return nil, fmt.Errorf("auto lead: %w", err)
		}
		t.audit("assignment.lead", "assignment", c.AssignmentID, map[string]any{"lead": false}, map[string]any{"lead": true})
		a := byID[c.AssignmentID]
		a.Lead = true
		chosen = append(chosen, a)
	}
	return chosen, nil
}

// chooseLeads proposes a lead for every plan among the assignments that has
// none.
func chooseLeads(as []Assignment) []assign.LeadChoice {
	held := map[int64]int{}
	led := map[int64]bool{}
	for _, a := range as {
		if a.Lead {
			held[a.AgencyID]++
			led[a.PlanID] = true
		}
	}
	plans := map[int64]*assign.LeadPlan{}
	var order []int64
	for _, a := range as {
		if led[a.PlanID] {
			continue
		}
		p, ok := plans[a.PlanID]
		if !ok {
			p = &assign.LeadPlan{PlanID: a.PlanID}
			plans[a.PlanID] = p
			order = append(order, a.PlanID)
		}
		p.Candidates = append(p.Candidates, assign.LeadCandidate{AssignmentID: a.ID, AgencyID: a.AgencyID})
	}
	in := make([]assign.LeadPlan, len(order))
	for i, id := range order {
		in[i] = *plans[id]
	}
	return assign.ChooseLeads(in, held)
}

// notifyLeads tells the evaluators of new lead assignments that they write
// the conclusions, when the round is open or scoring closed (in a draft round
// evaluators see nothing yet: opening it tells them).
func notifyLeads(t *tx, r *Round, leads []Assignment) error {
	if !narrativeRoundOpen(r.Status) || len(leads) == 0 {
		return nil
	}
	planIDs := make([]int64, len(leads))
	for i, a := range leads {
		planIDs[i] = a.PlanID
	}
	var plans []Plan
	if err := t.Where("id IN ?", planIDs).Find(&plans).Error; err != nil {
		return fmt.Errorf("lead plans: %w", err)
	}
	titles := map[int64]string{}
	for _, p := range plans {
		titles[p.ID] = p.Title
	}
	for _, a := range leads {
		err := notify(t, []int64{a.EvaluatorID}, Notification{Kind: NoticeNarrativeLead, Title: "请撰写评估结论：" + titles[a.PlanID],
			Body: fmt.Sprintf("您所在机构是《%s》（%s）的牵头评估机构，请撰写评估结论（总体评价、主要成效、存在问题、意见建议）并提交改革办审定。",
				titles[a.PlanID], r.Name),
			Link: narrativeEditLink(a.ID), Entity: "assignment", EntityID: a.ID})
		if err != nil {
			return err
		}
	}
	return nil
}

// notifyRoundLeads tells every lead evaluator of a round being opened.
func notifyRoundLeads(t *tx, r *Round) error {
	var leads []Assignment
	if err := t.Where("round_id = ? AND lead IS NOT NULL", r.ID).Order("id").Find(&leads).Error; err != nil {
		return fmt.Errorf("round leads: %w", err)
	}
	return notifyLeads(t, r, leads)
}

// previewLeads proposes, for a dry run of auto-assignment, which planned
// assignments would become their plan's lead (by index into planned).
func previewLeads(t *tx, roundID int64, planned []assign.PlannedAssignment) (map[int]bool, error) {
	var as []Assignment
	if err := t.Where("round_id = ?", roundID).Order("id").Find(&as).Error; err != nil {
		return nil, fmt.Errorf("preview leads: %w", err)
	}
	for i, p := range planned { // planned ones get ids below every real one, in order
		as = append(as, Assignment{ID: -int64(len(planned) - i), PlanID: p.PlanID, EvaluatorID: p.EvaluatorID, AgencyID: p.AgencyID})
	}
	out := map[int]bool{}
	for _, c := range chooseLeads(as) {
		if c.AssignmentID < 0 {
			out[len(planned)+int(c.AssignmentID)] = true
		}
	}
	return out, nil
}
