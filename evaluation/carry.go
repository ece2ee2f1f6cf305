package evaluation

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// Carrying findings into the next round (DESIGN.md "Across rounds: the
// ledger"). When a round that assigns a plan opens — or a plan is assigned
// to a round already open — each of the plan's earlier findings not accepted
// becomes a new finding of the round, naming the round and finding it came
// from; the original stays in its round unchanged, so that an earlier
// round's rectification rate never moves.
//
// Which findings: those of published (or archived) rounds other than this
// one that started no later than it, not accepted, and at the tip of their
// chain — not already carried into another published round (there the copy
// is carried instead, or not at all once it was accepted). Carrying is
// idempotent: a finding already carried into the round is left alone, and
// the unique index (round_id, carried_from_finding_id) keeps it so on both
// databases. A carried finding belongs to the plan's lead assignment in the
// round (or its first) and gets its due date when the round is published,
// like the round's own findings.

// carryFindings carries the earlier findings of the round's plans (of
// planIDs only, when not nil) into r, if r is open, and audits each one.
func carryFindings(t *tx, r *Round, planIDs []int64) error {
	if r.Status != RoundOpen {
		return nil
	}
	newDB := t.Session(&gorm.Session{NewDB: true})
	published := []RoundStatus{RoundPublished, RoundArchived}
	q := t.Table("findings").Select("findings.*").
		Joins("JOIN rounds ON rounds.id = findings.round_id").
		Where("findings.plan_id IN (?)", newDB.Model(&Assignment{}).Select("plan_id").Where("round_id = ?", r.ID)).
		Where("rounds.status IN ? AND rounds.id <> ? AND rounds.starts_on <= ?", published, r.ID, r.StartsOn).
		Where("findings.status <> ?", FindingAccepted).
		Where("NOT EXISTS (?)", newDB.Table("findings later").Select("1").
			Joins("JOIN rounds later_round ON later_round.id = later.round_id").
			Where("later.carried_from_finding_id = findings.id").
			Where("later_round.status IN ? OR later.round_id = ?", published, r.ID))
	if planIDs != nil {
		q = q.Where("findings.plan_id IN ?", planIDs)
	}
	var earlier []Finding
	if err := q.Order("findings.id").Find(&earlier).Error; err != nil {
		return fmt.Errorf("findings to carry: %w", err)
	}
	if len(earlier) == 0 {
		return nil
	}
	holders, err := carryHolders(t.DB, r.ID)
	if err != nil {
		return err
	}
	carried := make([]Finding, len(earlier))
	for i, f := range earlier {
		a := holders[f.PlanID]
		roundID, findingID := f.RoundID, f.ID
		carried[i] = Finding{RoundID: r.ID, AssignmentID: a.ID, PlanID: f.PlanID, EvaluatorID: a.EvaluatorID,
			IndicatorCode: f.IndicatorCode, Severity: f.Severity, Description: f.Description,
			Recommendation: f.Recommendation, Status: FindingOpen,
			CarriedFromRoundID: &roundID, CarriedFromFindingID: &findingID}
	}
	if err := t.CreateInBatches(carried, 200).Error; err != nil {
		return fmt.Errorf("carry findings: %w", err)
	}
	for _, f := range carried {
		t.audit("finding.carry", "finding", f.ID, nil, f)
	}
	return nil
}

// carryHolders picks, per plan of a round, the assignment a carried finding
// belongs to: the lead's, else the plan's first.
func carryHolders(g *gorm.DB, roundID int64) (map[int64]Assignment, error) {
	var as []Assignment
	if err := g.Where("round_id = ?", roundID).Order("id").Find(&as).Error; err != nil {
		return nil, fmt.Errorf("carry assignments: %w", err)
	}
	holders := make(map[int64]Assignment, len(as))
	for _, a := range as {
		if h, ok := holders[a.PlanID]; !ok || (bool(a.Lead) && !bool(h.Lead)) {
			holders[a.PlanID] = a
		}
	}
	return holders, nil
}

// CheckCarried records that an evaluator of the plan in the finding's round
// (or an admin) has checked a carried finding (上轮未整改问题已核查), while
// the round is open or its scoring closed.
func (s *Store) CheckCarried(ctx context.Context, actor Actor, findingID int64) (*Finding, error) {
	var f Finding
	err := s.write(ctx, actor, func(t *tx) error {
		if err := t.forUpdate().First(&f, findingID).Error; err != nil {
			return notFound(err, "finding")
		}
		var r Round
		if err := t.First(&r, f.RoundID).Error; err != nil {
			return notFound(err, "round")
		}
		if actor.Role != RoleAdmin {
			var n int64
			if err := t.Model(&Assignment{}).Where("round_id = ? AND plan_id = ? AND evaluator_id = ?", f.RoundID, f.PlanID, actor.UserID).
				Count(&n).Error; err != nil {
				return fmt.Errorf("check carried: %w", err)
			}
			if n == 0 || f.CarriedFromFindingID == nil || (r.Status != RoundOpen && r.Status != RoundScoringClosed) {
				return ErrNotFound
			}
		}
		if f.CarriedFromFindingID == nil {
			return conflictf("not_carried", "该问题不是上轮结转的问题")
		}
		if r.Status != RoundOpen && r.Status != RoundScoringClosed {
			return conflictf("wrong_state", "轮次状态为「%s」，不能再核查上轮未整改问题", roundStatusNames[r.Status])
		}
		if f.CarriedCheckedAt != nil {
			return nil
		}
		before := f
		now, by := t.now, actor.idPtr()
		f.CarriedCheckedAt, f.CarriedCheckedBy = &now, by
		if err := t.Model(&f).Select("carried_checked_at", "carried_checked_by", "updated_at").Updates(&f).Error; err != nil {
			return fmt.Errorf("check carried: %w", err)
		}
		t.audit("finding.check_carried", "finding", f.ID, before, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &f, nil
}

// CarriedFinding is a finding carried into a round, with where it came from:
// what the new round's evaluators check (上轮未整改问题).
type CarriedFinding struct {
	Finding
	Origins []CarriedOrigin `json:"origins"` // the findings it was carried from, the nearest round first
}

// CarriedOrigin is an earlier finding a carried one came from, as it stands
// in its own round.
type CarriedOrigin struct {
	FindingID int64         `json:"finding_id"`
	RoundID   int64         `json:"round_id"`
	RoundName string        `json:"round_name"`
	Status    FindingStatus `json:"status"`
	DueOn     *Date         `json:"due_on"`
}

// carriedFindings returns the findings carried into a round, of one plan
// (planID 0: every plan), each with its origins. One query per round of
// history, however many findings.
func carriedFindings(g *gorm.DB, roundID, planID int64) ([]CarriedFinding, error) {
	q := g.Where("round_id = ? AND carried_from_finding_id IS NOT NULL", roundID)
	if planID != 0 {
		q = q.Where("plan_id = ?", planID)
	}
	var fs []Finding
	if err := q.Order("id").Find(&fs).Error; err != nil {
		return nil, fmt.Errorf("carried findings: %w", err)
	}
	out := make([]CarriedFinding, len(fs))
	next := map[int64][]int{} // the finding to load → the carried findings whose chain reaches it
	for i, f := range fs {
		out[i] = CarriedFinding{Finding: f, Origins: []CarriedOrigin{}}
		next[*f.CarriedFromFindingID] = append(next[*f.CarriedFromFindingID], i)
	}
	for len(next) > 0 {
		ids := make([]int64, 0, len(next))
		for id := range next {
			ids = append(ids, id)
		}
		type originRow struct {
			Finding
			RoundName string
		}
		var rows []originRow
		if err := g.Table("findings").Select("findings.*, rounds.name AS round_name").
			Joins("JOIN rounds ON rounds.id = findings.round_id").Where("findings.id IN ?", ids).
			Find(&rows).Error; err != nil {
			return nil, fmt.Errorf("carried origins: %w", err)
		}
		later := map[int64][]int{}
		for _, r := range rows {
			for _, i := range next[r.ID] {
				out[i].Origins = append(out[i].Origins, CarriedOrigin{FindingID: r.ID, RoundID: r.RoundID,
					RoundName: r.RoundName, Status: r.Status, DueOn: r.DueOn})
				if r.CarriedFromFindingID != nil {
					later[*r.CarriedFromFindingID] = append(later[*r.CarriedFromFindingID], i)
				}
			}
		}
		next = later
	}
	return out, nil
}

// releaseCarried hands the carried findings that an assignment being deleted
// holds to another assignment of the plan in the round (the lead's, else the
// first); when it was the plan's last, the plan leaves the round and so do
// they — they are carried again if the plan is assigned again.
func releaseCarried(t *tx, a *Assignment) error {
	var held []Finding
	if err := t.Where("assignment_id = ? AND carried_from_finding_id IS NOT NULL", a.ID).Find(&held).Error; err != nil {
		return fmt.Errorf("carried findings of the assignment: %w", err)
	}
	if len(held) == 0 {
		return nil
	}
	var others []Assignment
	if err := t.Where("round_id = ? AND plan_id = ? AND id <> ?", a.RoundID, a.PlanID, a.ID).Order("id").
		Find(&others).Error; err != nil {
		return fmt.Errorf("other assignments of the plan: %w", err)
	}
	if len(others) == 0 {
		if err := t.Delete(&held).Error; err != nil {
			return fmt.Errorf("drop carried findings: %w", err)
		}
		for _, f := range held {
			t.audit("finding.uncarry", "finding", f.ID, f, nil)
		}
		return nil
	}
	to := others[0]
	for _, o := range others {
		if o.Lead {
			to = o
			break
		}
	}
	for _, f := range held {
		before := f
		f.AssignmentID, f.EvaluatorID = to.ID, to.EvaluatorID
		if err := t.Model(&f).Select("assignment_id", "evaluator_id", "updated_at").Updates(&f).Error; err != nil {
			return fmt.Errorf("move carried finding: %w", err)
		}
		t.audit("finding.carry_move", "finding", f.ID, before, f)
	}
	return nil
}
