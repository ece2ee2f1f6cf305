package evaluation

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// NarrativeStatus is where a plan's conclusions stand:
// empty → draft → submitted → approved, or submitted → returned → submitted ….
type NarrativeStatus string

// Conclusion states.
const (
	NarrativeEmpty     NarrativeStatus = "empty" // never saved (no row)
	NarrativeDraft     NarrativeStatus = "draft"
	NarrativeSubmitted NarrativeStatus = "submitted"
	NarrativeReturned  NarrativeStatus = "returned" // stays returned while edited again
	NarrativeApproved  NarrativeStatus = "approved"
)

// MaxNarrativeSection is the longest section of the conclusions, in characters.
const MaxNarrativeSection = 5000

// NarrativeSections are the four parts of the conclusions.
type NarrativeSections struct {
	Overall         string `json:"overall" validate:"max=5000" text:"multiline"`         // 总体评价
	Achievements    string `json:"achievements" validate:"max=5000" text:"multiline"`    // 主要成效
	Problems        string `json:"problems" validate:"max=5000" text:"multiline"`        // 存在问题
	Recommendations string `json:"recommendations" validate:"max=5000" text:"multiline"` // 意见建议
}

// narrativeSectionNames are the sections in the order the report prints
// them, with their Chinese names.
var narrativeSectionNames = []struct{ key, name string }{
	{"overall", "总体评价"}, {"achievements", "主要成效"}, {"problems", "存在问题"}, {"recommendations", "意见建议"},
}

func (s NarrativeSections) byKey(key string) string {
	switch key {
	case "overall":
		return s.Overall
	case "achievements":
		return s.Achievements
	case "problems":
		return s.Problems
	}
	return s.Recommendations
}

// Narrative is a plan's conclusions (评估结论) in a round, written by the
// evaluator of the plan's lead assignment and approved by the office (审定).
// Each submission is also kept as a NarrativeVersion.
type Narrative struct {
	ID      int64
	RoundID int64
	PlanID  int64
	Status  NarrativeStatus
	Version int
	NarrativeSections
	Comment     string // the office's reason when it returned them
	UpdatedBy   *int64
	SubmittedAt *time.Time
	SubmittedBy *int64
	ApprovedAt  *time.Time
	ApprovedBy  *int64
	ReturnedAt  *time.Time
	ReturnedBy  *int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// NarrativeVersion is one submission of the conclusions, as it was submitted.
type NarrativeVersion struct {
	ID          int64
	NarrativeID int64
	Number      int
	NarrativeSections
	SubmittedBy int64
	SubmittedAt time.Time
}

// NarrativeView is a plan's conclusions as the API shows them (API.md
// "Conclusions and sign-off").
type NarrativeView struct {
	RoundID       int64             `json:"round_id"`
	Plan          PlanRef           `json:"plan"`
	Status        NarrativeStatus   `json:"status"`
	Version       int               `json:"version"`
	Sections      NarrativeSections `json:"sections"`
	Prefilled     bool              `json:"prefilled"` // sections.problems is a suggestion from the findings, not saved yet
	LeadAgency    *string           `json:"lead_agency"`
	LeadEvaluator *string           `json:"lead_evaluator"` // null for departments and viewers
	Comment       string            `json:"comment"`
	SubmittedAt   *time.Time        `json:"submitted_at"`
	ApprovedAt    *time.Time        `json:"approved_at"`
	ApprovedBy    *string           `json:"approved_by"` // the office that approved them
	RoundStatus   RoundStatus       `json:"round_status"`
	CanWrite      bool              `json:"can_write"`  // the caller may save and submit them now
	CanReview     bool              `json:"can_review"` // the caller may approve or return them now
}

// NarrativeRequest saves the conclusions.
type NarrativeRequest struct {
	Version  int               `json:"version" validate:"min=0"`
	Sections NarrativeSections `json:"sections"`
}

// NarrativeReturn returns submitted conclusions with the office's reason.
type NarrativeReturn struct {
	Comment string `json:"comment" validate:"max=5000" text:"multiline"`
}

// narrativeScope is a plan of a round as the conclusions see it: the round,
// the plan, its lead assignment (nil without one) and the caller's relation.
type narrativeScope struct {
	round    Round
	plan     Plan
	lead     *Assignment
	isLead   bool // the caller is the lead assignment's evaluator
	assigned bool // the caller evaluates the plan in the round
}

// loadNarrativeScope loads what decides who may read and write a plan's
// conclusions. A plan not assigned in the round, a round the caller may not
// see, or a plan that is not the caller's, is not found.
func loadNarrativeScope(g *gorm.DB, actor Actor, roundID, planID int64, lockRound bool) (*narrativeScope, error) {
	sc := &narrativeScope{}
	q := g
	if lockRound {
		q = q.Clauses(clause.Locking{Strength: clause.LockingStrengthUpdate})
	}
	if err := q.First(&sc.round, roundID).Error; err != nil {
		return nil, notFound(err, "round")
	}
	if !actor.MayReadRound(sc.round.Status) {
		return nil, ErrNotFound
	}
	var as []Assignment
	if err := g.Where("round_id = ? AND plan_id = ?", roundID, planID).Order("id").Find(&as).Error; err != nil {
		return nil, fmt.Errorf("narrative assignments: %w", err)
	}
	if len(as) == 0 {
		return nil, ErrNotFound
	}
	for i, a := range as {
		if a.Lead {
			sc.lead = &as[i]
		}
		if actor.Role == RoleEvaluator && a.EvaluatorID == actor.UserID {
			sc.assigned = true
			sc.isLead = sc.isLead || bool(a.Lead)
		}
	}
	if err := g.First(&sc.plan, planID).Error; err != nil {
		return nil, notFound(err, "plan")
	}
	switch actor.Role {
	case RoleAdmin, RoleViewer:
	case RoleEvaluator:
		if !sc.assigned {
			return nil, ErrNotFound
		}
	case RoleDepartment:
		if sc.plan.LeadDepartmentID != actor.OrgID {
			return nil, ErrNotFound
		}
	default:
		return nil, ErrNotFound
	}
	return sc, nil
}

// writableNarrativeStates are the round states in which the lead writes and
// submits the conclusions, and the office approves or returns them.
func narrativeRoundOpen(st RoundStatus) bool { return st == RoundOpen || st == RoundScoringClosed }

// mayWrite reports whether the actor may save and submit the plan's conclusions.
func (sc *narrativeScope) mayWrite(actor Actor) bool {
	return actor.Role == RoleAdmin || sc.isLead
}

// checkWrite refuses a write of the conclusions by someone who may not or
// in a round state that does not allow it.
func (sc *narrativeScope) checkWrite(actor Actor) error {
	switch {
	case actor.Role != RoleAdmin && actor.Role != RoleEvaluator:
		return ErrNotFound
	case !sc.mayWrite(actor):
		return ErrNotLead
	case !narrativeRoundOpen(sc.round.Status):
		return conflictf("wrong_state", "轮次状态为「%s」，不能再撰写或提交评估结论", roundStatusNames[sc.round.Status])
	}
	return nil
}

// ErrNotLead is the refusal of a write of the conclusions by an evaluator of
// the plan whose assignment is not the lead: they may read them, not write them.
var ErrNotLead = &ForbiddenError{Code: "not_lead", Message: "只有牵头评估机构的评估人员可以撰写和提交评估结论"}

// ForbiddenError is returned when the caller sees an object but may not do
// what was asked with it (403 with a code).
type ForbiddenError struct {
	Code    string
	Message string
}

func (e *ForbiddenError) Error() string { return "evaluation: forbidden: " + e.Code + ": " + e.Message }

// loadNarrative loads a plan's conclusions (nil when never saved).
func loadNarrative(g *gorm.DB, roundID, planID int64) (*Narrative, error) {
	var n Narrative
	err := g.Where("round_id = ? AND plan_id = ?", roundID, planID).First(&n).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil //nolint:nilnil // never saved is not an error: the view shows status empty
	}
	if err != nil {
		return nil, fmt.Errorf("narrative: %w", err)
	}
	return &n, nil
}

// Narrative returns a plan's conclusions in a round: the office and the
// plan's evaluators always (from the phase rule on); the plan's department
// and viewers once the round is published, and only when approved. Never
// saved, they are status empty at version 0; for whoever may write them an
// empty 存在问题 is prefilled from the plan's findings (Prefilled), a
// suggestion until saved.
func (s *Store) Narrative(ctx context.Context, actor Actor, roundID, planID int64) (*NarrativeView, error) {
	g := s.read(ctx)
	sc, err := loadNarrativeScope(g, actor, roundID, planID, false)
	if err != nil {
		return nil, err
	}
	n, err := loadNarrative(g, roundID, planID)
	if err != nil {
		return nil, err
	}
	if actor.Role == RoleDepartment || actor.Role == RoleViewer {
		if !sc.round.Status.Published() || n == nil || n.Status != NarrativeApproved {
			return nil, ErrNotFound
		}
	}
	v, err := s.narrativeView(g, actor, sc, n)
	if err != nil {
		return nil, err
	}
	writable := n == nil || n.Status == NarrativeDraft || n.Status == NarrativeReturned
	if v.CanWrite && writable && v.Sections.Problems == "" {
		if v.Sections.Problems, err = findingsSuggestion(g, roundID, planID); err != nil {
			return nil, err
		}
		v.Prefilled = v.Sections.Problems != ""
	}
	return v, nil
}

// narrativeView describes the conclusions for the actor.
func (s *Store) narrativeView(g *gorm.DB, actor Actor, sc *narrativeScope, n *Narrative) (*NarrativeView, error) {
	v := &NarrativeView{RoundID: sc.round.ID, Plan: PlanRef{ID: sc.plan.ID, Code: sc.plan.Code, Title: sc.plan.Title},
		Status: NarrativeEmpty, RoundStatus: sc.round.Status}
	if n != nil {
		v.Status, v.Version, v.Sections, v.Comment = n.Status, n.Version, n.NarrativeSections, n.Comment
		v.SubmittedAt, v.ApprovedAt = n.SubmittedAt, n.ApprovedAt
		if n.ApprovedBy != nil {
			name, err := approverOffice(g, *n.ApprovedBy)
			if err != nil {
				return nil, err
			}
			v.ApprovedBy = &name
		}
	}
	if sc.lead != nil {
		var org Org
		if err := g.First(&org, sc.lead.AgencyID).Error; err != nil {
			return nil, notFound(err, "lead agency")
		}
		v.LeadAgency = &org.Name
		if actor.Role == RoleAdmin || actor.Role == RoleEvaluator {
			var u User
			if err := g.First(&u, sc.lead.EvaluatorID).Error; err != nil {
				return nil, notFound(err, "lead evaluator")
			}
			v.LeadEvaluator = &u.DisplayName
		}
	}
	open := narrativeRoundOpen(sc.round.Status)
	editable := v.Status == NarrativeEmpty || v.Status == NarrativeDraft || v.Status == NarrativeReturned
	v.CanWrite = open && editable && (actor.Role == RoleAdmin || sc.isLead)
	v.CanReview = open && actor.Role == RoleAdmin && v.Status == NarrativeSubmitted
	return v, nil
}

// approverOffice names the office of the user who approved conclusions.
func approverOffice(g *gorm.DB, userID int64) (string, error) {
	var row struct{ Name string }
	err := g.Table("users").Select("COALESCE(orgs.name, '') AS name").Joins("LEFT JOIN orgs ON orgs.id = users.org_id").
		Where("users.id = ?", userID).Take(&row).Error
	if err != nil {
		return "", notFound(err, "approver")
	}
	if row.Name == "" {
		return officeName(g)
	}
	return row.Name, nil
}

// officeName is the reform office's name (改革办 when none is recorded).
func officeName(g *gorm.DB) (string, error) {
	var office Org
	if err := g.Where("kind = ?", OrgOffice).Order("id").Limit(1).Find(&office).Error; err != nil {
		return "", fmt.Errorf("office: %w", err)
	}
	if office.Name == "" {
		return "改革办", nil
	}
	return office.Name, nil
}

// severityLabels are the severities as the conclusions print them.
var severityLabels = map[Severity]string{SeverityCritical: "严重", SeverityMajor: "较重", SeverityMinor: "一般"}

// findingsSuggestion is the 存在问题 section proposed from a plan's findings
// in the round: one numbered line per finding, most severe first (then in
// the order raised), "1. 【严重】description（指标 2.2）", cut to the section's
// limit.
func findingsSuggestion(g *gorm.DB, roundID, planID int64) (string, error) {
	var fs []Finding
	if err := g.Where("round_id = ? AND plan_id = ?", roundID, planID).Order("id").Find(&fs).Error; err != nil {
		return "", fmt.Errorf("narrative findings: %w", err)
	}
	rank := map[Severity]int{SeverityCritical: 0, SeverityMajor: 1, SeverityMinor: 2}
	sort.SliceStable(fs, func(i, j int) bool { return rank[fs[i].Severity] < rank[fs[j].Severity] })
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d. 【%s】%s", i+1, severityLabels[f.Severity], strings.Join(strings.Fields(f.Description), " "))
		if f.IndicatorCode != "" {
			fmt.Fprintf(&b, "（指标 %s）", f.IndicatorCode)
		}
	}
	return ClipText(b.String(), MaxNarrativeSection), nil
}

// SaveNarrative saves the conclusions as the plan's lead evaluator or the
// office, while the round is open or scoring closed. The version must be the
// one the write was based on (0 when never saved); a stale one is refused.
// Saving makes them draft; returned ones stay returned while edited.
func (s *Store) SaveNarrative(ctx context.Context, actor Actor, roundID, planID int64, req NarrativeRequest) (*NarrativeView, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	err := s.write(ctx, actor, func(t *tx) error {
		sc, err := loadNarrativeScope(t.DB, actor, roundID, planID, true)
		if err != nil {
			return err
		}
		if err := sc.checkWrite(actor); err != nil {
			return err
		}
		n, err := lockNarrative(t, roundID, planID)
		if err != nil {
			return err
		}
		if n == nil {
			if req.Version != 0 {
				return ErrStaleVersion
			}
			n = &Narrative{RoundID: roundID, PlanID: planID, Status: NarrativeDraft, Version: 1,
				NarrativeSections: req.Sections, UpdatedBy: actor.idPtr()}
			if err := t.Create(n).Error; err != nil {
				if errors.Is(err, gorm.ErrDuplicatedKey) {
					return ErrStaleVersion
				}
				return fmt.Errorf("create narrative: %w", err)
			}
			t.audit("narrative.save", "narrative", n.ID, nil, n)
			return nil
		}
		if req.Version != n.Version {
			return ErrStaleVersion
		}
		if err := editableNarrative(n); err != nil {
			return err
		}
		before := *n
		n.NarrativeSections, n.UpdatedBy = req.Sections, actor.idPtr()
		if n.Status == NarrativeEmpty {
			n.Status = NarrativeDraft
		}
		if err := updateNarrative(t, n, map[string]any{"status": n.Status, "overall": n.Overall,
			"achievements": n.Achievements, "problems": n.Problems, "recommendations": n.Recommendations,
			"updated_by": n.UpdatedBy}); err != nil {
			return err
		}
		t.audit("narrative.save", "narrative", n.ID, before, n)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.Narrative(ctx, actor, roundID, planID)
}

// lockNarrative loads and locks a plan's conclusions (nil when never saved).
func lockNarrative(t *tx, roundID, planID int64) (*Narrative, error) {
	return loadNarrative(t.forUpdate(), roundID, planID)
}

// updateNarrative writes changes with the next version, refusing a stale one.
func updateNarrative(t *tx, n *Narrative, changes map[string]any) error {
	changes["version"], changes["updated_at"] = n.Version+1, t.now
	res := t.Model(&Narrative{}).Where("id = ? AND version = ?", n.ID, n.Version).Updates(changes)
	if res.Error != nil {
		return fmt.Errorf("update narrative: %w", res.Error)
	}
	if res.RowsAffected != 1 {
		return ErrStaleVersion
	}
	n.Version++
	n.UpdatedAt = t.now
	return nil
}

// editableNarrative refuses changes to conclusions awaiting approval or approved.
func editableNarrative(n *Narrative) error {
	switch n.Status {
	case NarrativeSubmitted:
		return conflictf("submitted", "评估结论已提交，正在等待审定，暂不能修改")
	case NarrativeApproved:
		return conflictf("approved", "评估结论已审定，不能再修改")
	}
	return nil
}
