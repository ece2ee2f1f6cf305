package evaluation

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Severity is how serious a finding is.
type Severity string

// Severities.
const (
	SeverityMinor    Severity = "minor"    // 一般
	SeverityMajor    Severity = "major"    // 较重
	SeverityCritical Severity = "critical" // 严重
)

// FindingStatus is where a finding stands in the rectification loop:
// open → responded → accepted, or responded → returned → responded ….
type FindingStatus string

// Finding states.
const (
	FindingOpen      FindingStatus = "open"
	FindingResponded FindingStatus = "responded"
	FindingReturned  FindingStatus = "returned"
	FindingAccepted  FindingStatus = "accepted"
)

// Finding is a problem (问题) an evaluator found in a plan's implementation,
// with a recommendation (整改建议). Departments see it once the round is
// published; its due date is set then.
type Finding struct {
	ID             int64         `json:"id"`
	RoundID        int64         `json:"round_id"`
	AssignmentID   int64         `json:"assignment_id"`
	PlanID         int64         `json:"plan_id"`
	EvaluatorID    int64         `json:"evaluator_id"`
	IndicatorCode  string        `json:"indicator_code"`
	Severity       Severity      `json:"severity"`
	Description    string        `json:"description"`
	Recommendation string        `json:"recommendation"`
	Status         FindingStatus `json:"status"`
	DueOn          *Date         `json:"due_on"`
	// CarriedFromRoundID and CarriedFromFindingID name the earlier round and
	// finding a carried finding came from (carry.go); null for a finding
	// raised in its own round.
	CarriedFromRoundID   *int64     `json:"carried_from_round_id"`
	CarriedFromFindingID *int64     `json:"carried_from_finding_id"`
	CarriedCheckedAt     *time.Time `json:"carried_checked_at"` // when a new round's evaluator checked it
	CarriedCheckedBy     *int64     `json:"-"`
	CreatedAt            time.Time  `json:"created_at"`
	UpdatedAt            time.Time  `json:"updated_at"`
}

// Overdue reports whether the finding is past its due date and not accepted.
func (f *Finding) Overdue(today Date) bool {
	return f.Status != FindingAccepted && f.DueOn != nil && today > *f.DueOn
}

// FindingRequest raises a finding.
type FindingRequest struct {
	IndicatorCode  string   `json:"indicator_code" validate:"col=findings.indicator_code"`
	Severity       Severity `json:"severity" validate:"required,oneof=minor major critical"`
	Description    string   `json:"description" validate:"required,max=10000" text:"multiline"`
	Recommendation string   `json:"recommendation" validate:"required,max=10000" text:"multiline"`
}

// FindingPatch changes a finding; nil fields stay as they are.
type FindingPatch struct {
	IndicatorCode  *string   `json:"indicator_code" validate:"omitnil,col=findings.indicator_code"`
	Severity       *Severity `json:"severity" validate:"omitempty,oneof=minor major critical"`
	Description    *string   `json:"description" validate:"omitnil,min=1,max=10000" text:"multiline"`
	Recommendation *string   `json:"recommendation" validate:"omitnil,min=1,max=10000" text:"multiline"`
}

// Patch applies the changes to f.
func (p FindingPatch) Patch(f *Finding) {
	if p.IndicatorCode != nil {
		f.IndicatorCode = *p.IndicatorCode
	}
	if p.Severity != nil {
		f.Severity = *p.Severity
	}
	if p.Description != nil {
		f.Description = *p.Description
	}
	if p.Recommendation != nil {
		f.Recommendation = *p.Recommendation
	}
}

func checkFinding(g *gorm.DB, r *Round, f *Finding) error {
	errs := fieldErrors{}
	if f.Description == "" {
		errs.add("description", "问题描述为必填字段")
	}
	if f.Recommendation == "" {
		errs.add("recommendation", "整改建议为必填字段")
	}
	if f.IndicatorCode != "" {
		tpl, err := roundTemplate(g, r)
		if err != nil {
			return err
		}
		if _, ok := tpl.Indicator(f.IndicatorCode); !ok {
			errs.add("indicator_code", "指标「"+f.IndicatorCode+"」不在本轮指标体系中")
		}
	}
	return errs.err()
}

// CreateFinding raises a finding on the actor's assignment while the round is open.
func (s *Store) CreateFinding(ctx context.Context, actor Actor, assignmentID int64, req FindingRequest) (*Finding, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	var f Finding
	err := s.write(ctx, actor, func(t *tx) error {
		a, _, err := ownAssignment(t.DB, actor, assignmentID)
		if err != nil {
			return err
		}
		if a.EvaluatorID != actor.UserID {
			return ErrNotFound
		}
		var r Round
		if err := t.forUpdate().First(&r, a.RoundID).Error; err != nil {
			return notFound(err, "round")
		}
		if r.Status != RoundOpen {
			return conflictf("wrong_state", "轮次状态为「%s」，不能再新增问题", roundStatusNames[r.Status])
		}
		f = Finding{RoundID: a.RoundID, AssignmentID: a.ID, PlanID: a.PlanID, EvaluatorID: a.EvaluatorID,
			IndicatorCode: req.IndicatorCode, Severity: req.Severity, Description: req.Description,
			Recommendation: req.Recommendation, Status: FindingOpen}
		if err := checkFinding(t.DB, &r, &f); err != nil {
			return err
		}
		if err := t.Create(&f).Error; err != nil {
			return fmt.Errorf("create finding: %w", err)
		}
		t.audit("finding.create", "finding", f.ID, nil, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &f, nil
}

// AssignmentFindings lists the findings raised on the actor's assignment.
func (s *Store) AssignmentFindings(ctx context.Context, actor Actor, assignmentID int64) ([]Finding, error) {
	g := s.read(ctx)
	a, _, err := ownAssignment(g, actor, assignmentID)
	if err != nil {
		return nil, err
	}
	out := []Finding{}
	if err := g.Where("assignment_id = ?", a.ID).Order("id").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("assignment findings: %w", err)
	}
	return out, nil
}

// lockOwnFinding locks a finding the actor raised, in a round not yet
// published, with its round.
func lockOwnFinding(t *tx, actor Actor, id int64) (*Finding, *Round, error) {
	var f Finding
	if err := t.First(&f, id).Error; err != nil {
		return nil, nil, notFound(err, "finding")
	}
	if f.EvaluatorID != actor.UserID {
		return nil, nil, ErrNotFound
	}
	var r Round
	if err := t.forUpdate().First(&r, f.RoundID).Error; err != nil {
		return nil, nil, notFound(err, "round")
	}
	if r.Status != RoundOpen && r.Status != RoundScoringClosed {
		return nil, nil, conflictf("wrong_state", "轮次已发布，问题不能再修改或删除")
	}
	if err := t.forUpdate().First(&f, id).Error; err != nil {
		return nil, nil, notFound(err, "finding")
	}
	return &f, &r, nil
}

// UpdateFinding changes a finding the actor raised, until the round is published.
func (s *Store) UpdateFinding(ctx context.Context, actor Actor, id int64, p FindingPatch) (*Finding, error) {
	if err := s.checker.check(&p); err != nil {
		return nil, err
	}
	var f *Finding
	err := s.write(ctx, actor, func(t *tx) error {
		var r *Round
		var err error
		if f, r, err = lockOwnFinding(t, actor, id); err != nil {
			return err
		}
		before := *f
		p.Patch(f)
		if err := checkFinding(t.DB, r, f); err != nil {
			return err
		}
		if err := t.Save(f).Error; err != nil {
			return fmt.Errorf("update finding: %w", err)
		}
		t.audit("finding.update", "finding", f.ID, before, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// DeleteFinding removes a finding the actor raised, until the round is
// published; a finding carried from an earlier round stays (carry.go).
func (s *Store) DeleteFinding(ctx context.Context, actor Actor, id int64) error {
	return s.write(ctx, actor, func(t *tx) error {
		f, _, err := lockOwnFinding(t, actor, id)
		if err != nil {
			return err
		}
		if f.CarriedFromFindingID != nil {
			return conflictf("carried", "上轮未整改问题由系统结转，不能删除；核查后请在评估中说明其整改情况")
		}
		if err := t.Delete(f).Error; err != nil {
			return fmt.Errorf("delete finding: %w", err)
		}
		t.audit("finding.delete", "finding", f.ID, f, nil)
		return nil
	})
}
