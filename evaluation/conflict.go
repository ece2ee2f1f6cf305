package evaluation

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/evald/evald/evaluation/assign"
)

// Conflict is an agency's declared conflict of interest (回避): it never
// evaluates the plans of a department, or one plan.
type Conflict struct {
	ID           int64     `json:"id"`
	AgencyID     int64     `json:"agency_id"`
	DepartmentID *int64    `json:"department_id"`
	PlanID       *int64    `json:"plan_id"`
	Reason       string    `json:"reason"`
	CreatedAt    time.Time `json:"created_at"`
}

// ConflictRequest declares a conflict by department or by plan.
type ConflictRequest struct {
	AgencyID     int64  `json:"agency_id" validate:"required"`
	DepartmentID *int64 `json:"department_id"`
	PlanID       *int64 `json:"plan_id"`
	Reason       string `json:"reason" validate:"required,col=conflicts.reason"`
}

// rule returns the conflict in the form auto-assignment reads.
func (c Conflict) rule() assign.AgencyConflict {
	r := assign.AgencyConflict{AgencyID: c.AgencyID}
	if c.DepartmentID != nil {
		r.DepartmentID = *c.DepartmentID
	}
	if c.PlanID != nil {
		r.PlanID = *c.PlanID
	}
	return r
}

// CreateConflict records a conflict of interest.
func (s *Store) CreateConflict(ctx context.Context, actor Actor, req ConflictRequest) (*Conflict, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	if (req.DepartmentID == nil) == (req.PlanID == nil) {
		return nil, Invalid("department_id", "须且只能填写部门或方案之一")
	}
	c := &Conflict{AgencyID: req.AgencyID, DepartmentID: req.DepartmentID, PlanID: req.PlanID, Reason: req.Reason}
	err := s.write(ctx, actor, func(t *tx) error {
		errs := fieldErrors{}
		var agency Org
		if err := t.First(&agency, req.AgencyID).Error; err != nil || agency.Kind != OrgAgency {
			if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
				return fmt.Errorf("conflict agency: %w", err)
			}
			errs.add("agency_id", "评估机构不存在")
		}
		if req.DepartmentID != nil {
			var dept Org
			if err := t.First(&dept, *req.DepartmentID).Error; err != nil || dept.Kind != OrgDepartment {
				errs.add("department_id", "部门不存在")
			}
		}
		if req.PlanID != nil {
			if err := t.First(&Plan{}, *req.PlanID).Error; err != nil {
				errs.add("plan_id", "方案不存在")
			}
		}
		if err := errs.err(); err != nil {
			return err
		}
		if err := t.Create(c).Error; err != nil {
			return fmt.Errorf("create conflict: %w", err)
		}
		t.audit("conflict.create", "conflict", c.ID, nil, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// ConflictFilter narrows the list of conflicts.
type ConflictFilter struct {
	AgencyID int64
	Page     Page
}

// Conflicts lists declared conflicts.
func (s *Store) Conflicts(ctx context.Context, f ConflictFilter) (List[Conflict], error) {
	q := s.read(ctx).Model(&Conflict{})
	if f.AgencyID != 0 {
		q = q.Where("agency_id = ?", f.AgencyID)
	}
	return paginate[Conflict](q, f.Page, "id")
}

// agencyConflicts loads every conflict rule.
func agencyConflicts(g *gorm.DB) ([]assign.AgencyConflict, error) {
	var cs []Conflict
	if err := g.Find(&cs).Error; err != nil {
		return nil, fmt.Errorf("conflicts: %w", err)
	}
	out := make([]assign.AgencyConflict, len(cs))
	for i, c := range cs {
		out[i] = c.rule()
	}
	return out, nil
}
