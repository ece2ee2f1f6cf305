package evaluation

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/evald/evald/evaluation/planimport"
)

// Plan is a special reform plan (专项改革方案) led by one department.
type Plan struct {
	ID               int64  `json:"id"`
	Code             string `json:"code"`
	Title            string `json:"title"`
	LeadDepartmentID int64  `json:"lead_department_id"`
	ApprovedBy       string `json:"approved_by"` // 市委深改组, 市委常委会, 市政府常务会, 专项小组…
	IssuedOn         Date   `json:"issued_on"`
	Field            string `json:"field"` // 经济体制, 生态文明, 社会治理…
	Summary          string `json:"summary"`
	// ClosedAt and CloseReason are set while the plan is closed out (销账,
	// plan_closeout.go): null when it is open.
	ClosedAt    *time.Time `json:"closed_at"`
	CloseReason *string    `json:"close_reason"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
}

// PlanRequest creates a plan.
type PlanRequest struct {
	Code             string `json:"code" validate:"required,col=plans.code"`
	Title            string `json:"title" validate:"required,col=plans.title"`
	LeadDepartmentID int64  `json:"lead_department_id" validate:"required"`
	ApprovedBy       string `json:"approved_by" validate:"col=plans.approved_by"`
	IssuedOn         string `json:"issued_on" validate:"required,datetime=2006-01-02"`
	Field            string `json:"field" validate:"col=plans.field"`
	Summary          string `json:"summary" validate:"max=5000" text:"multiline"`
}

// PlanPatch changes a plan; nil fields stay as they are.
type PlanPatch struct {
	Code             *string `json:"code" validate:"omitnil,min=1,col=plans.code"`
	Title            *string `json:"title" validate:"omitnil,min=1,col=plans.title"`
	LeadDepartmentID *int64  `json:"lead_department_id"`
	ApprovedBy       *string `json:"approved_by" validate:"omitnil,col=plans.approved_by"`
	IssuedOn         *string `json:"issued_on" validate:"omitnil,min=1,datetime=2006-01-02"`
	Field            *string `json:"field" validate:"omitnil,col=plans.field"`
	Summary          *string `json:"summary" validate:"omitnil,max=5000" text:"multiline"`
}

// Patch applies the changes to p.
func (pp PlanPatch) Patch(p *Plan) {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&p.Code, pp.Code)
	set(&p.Title, pp.Title)
	set(&p.ApprovedBy, pp.ApprovedBy)
	set(&p.Field, pp.Field)
	set(&p.Summary, pp.Summary)
	if pp.LeadDepartmentID != nil {
		p.LeadDepartmentID = *pp.LeadDepartmentID
	}
	if pp.IssuedOn != nil {
		p.IssuedOn = Date(*pp.IssuedOn)
	}
}

// checkPlan enforces the rules beyond the request's shape.
func checkPlan(t *gorm.DB, p *Plan) error {
	errs := fieldErrors{}
	if p.Code == "" {
		errs.add("code", "编号为必填字段")
	}
	if p.Title == "" {
		errs.add("title", "标题为必填字段")
	}
	var dept Org
	err := t.First(&dept, p.LeadDepartmentID).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		errs.add("lead_department_id", "牵头单位不存在")
	case err != nil:
		return fmt.Errorf("plan department: %w", err)
	case dept.Kind != OrgDepartment:
		errs.add("lead_department_id", "牵头单位必须是部门")
	}
	dup, err := taken(t, &Plan{}, "code", p.Code, p.ID)
	if err != nil {
		return err
	}
	if dup {
		errs.add("code", msgDuplicatePlanCode)
	}
	return errs.err()
}

const msgDuplicatePlanCode = "方案编号已存在"

func planWriteError(err error) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return Invalid("code", msgDuplicatePlanCode)
	}
	return fmt.Errorf("write plan: %w", err)
}

// CreatePlan adds a plan.
func (s *Store) CreatePlan(ctx context.Context, actor Actor, req PlanRequest) (*Plan, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	p := &Plan{Code: req.Code, Title: req.Title, LeadDepartmentID: req.LeadDepartmentID, ApprovedBy: req.ApprovedBy,
		IssuedOn: Date(req.IssuedOn), Field: req.Field, Summary: req.Summary}
	err := s.write(ctx, actor, func(t *tx) error {
		if err := checkPlan(t.DB, p); err != nil {
			return err
		}
		if err := t.Create(p).Error; err != nil {
			return planWriteError(err)
		}
		t.audit("plan.create", "plan", p.ID, nil, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// Plan returns one plan.
func (s *Store) Plan(ctx context.Context, id int64) (*Plan, error) {
	var p Plan
	if err := s.read(ctx).First(&p, id).Error; err != nil {
		return nil, notFound(err, "plan")
	}
	return &p, nil
}

// PlanFilter narrows the list of plans.
type PlanFilter struct {
	Q                string // part of the code or title
	Field            string
	ApprovedBy       string
	LeadDepartmentID int64
	IssuedFrom       Date
	IssuedTo         Date
	Closed           *bool // closed out (销账) or not; nil: both
	Page             Page
}

// Plans lists plans by code.
func (s *Store) Plans(ctx context.Context, f PlanFilter) (List[Plan], error) {
	q := s.read(ctx).Model(&Plan{})
	if f.Q != "" {
		c1, p := contains("code", f.Q)
		c2, _ := contains("title", f.Q)
		q = q.Where(c1+" OR "+c2, p, p)
	}
	if f.Field != "" {
		q = q.Where("field = ?", f.Field)
	}
	if f.ApprovedBy != "" {
		q = q.Where("approved_by = ?", f.ApprovedBy)
	}
	if f.LeadDepartmentID != 0 {
		q = q.Where("lead_department_id = ?", f.LeadDepartmentID)
	}
	if f.IssuedFrom != "" {
		q = q.Where("issued_on >= ?", f.IssuedFrom)
	}
	if f.IssuedTo != "" {
		q = q.Where("issued_on <= ?", f.IssuedTo)
	}
	if f.Closed != nil {
		q = q.Where(map[bool]string{true: "closed_at IS NOT NULL", false: "closed_at IS NULL"}[*f.Closed])
	}
	return paginate[Plan](q, f.Page, "code")
}

// UpdatePlan changes a plan.
func (s *Store) UpdatePlan(ctx context.Context, actor Actor, id int64, pp PlanPatch) (*Plan, error) {
	if err := s.checker.check(&pp); err != nil {
		return nil, err
	}
	var p Plan
	err := s.write(ctx, actor, func(t *tx) error {
		if err := t.forUpdate().First(&p, id).Error; err != nil {
			return notFound(err, "plan")
		}
		before := p
		pp.Patch(&p)
		if err := checkPlan(t.DB, &p); err != nil {
			return err
		}
		if err := t.Save(&p).Error; err != nil {
			return planWriteError(err)
		}
		t.audit("plan.update", "plan", p.ID, before, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// DeletePlan removes a plan that no round has assigned.
func (s *Store) DeletePlan(ctx context.Context, actor Actor, id int64) error {
	return s.write(ctx, actor, func(t *tx) error {
		var p Plan
		if err := t.forUpdate().First(&p, id).Error; err != nil {
			return notFound(err, "plan")
		}
		if err := t.Delete(&p).Error; err != nil {
			if errors.Is(err, gorm.ErrForeignKeyViolated) {
				return conflictf("in_use", "该方案已被评估轮次或回避声明引用，不能删除")
			}
			return fmt.Errorf("delete plan: %w", err)
		}
		t.audit("plan.delete", "plan", p.ID, p, nil)
		return nil
	})
}

// ImportRowError is a problem with one row of an import file, in Chinese.
type ImportRowError = planimport.ImportRowError

// MaxPlanImportSize is the largest plan import file accepted, in bytes.
const MaxPlanImportSize = planimport.MaxPlanImportSize

// ImportResult is the outcome of a plan import.
type ImportResult struct {
	Created int              `json:"created"`
	Updated int              `json:"updated"`
	Errors  []ImportRowError `json:"errors"`
}

// ImportRejectedError is returned when any row of an import is bad; nothing
// was written.
type ImportRejectedError struct{ Errors []ImportRowError }

func (e *ImportRejectedError) Error() string {
	return fmt.Sprintf("evaluation: import rejected: %d bad rows", len(e.Errors))
}

// ImportPlans creates or updates (by code) the plans of an import file in one
// transaction: if any row is bad, nothing is written and the error lists the
// rows.
func (s *Store) ImportPlans(ctx context.Context, actor Actor, filename string, data []byte) (*ImportResult, error) {
	rows, rowErrs, err := planimport.ParsePlanFile(filename, data)
	if fe := (*planimport.FileError)(nil); errors.As(err, &fe) {
		return nil, Invalid("file", fe.Message)
	}
	if err != nil {
		return nil, err
	}
	res := &ImportResult{Errors: []ImportRowError{}}
	err = s.write(ctx, actor, func(t *tx) error {
		var depts []Org
		if err := t.Where("kind = ?", OrgDepartment).Find(&depts).Error; err != nil {
			return fmt.Errorf("import: departments: %w", err)
		}
		deptID := make(map[string]int64, len(depts))
		for _, d := range depts {
			deptID[d.Name] = d.ID
		}
		codes := make([]string, 0, len(rows))
		for _, r := range rows {
			codes = append(codes, strings.ToLower(r.Code))
		}
		// Existing plans by code ignoring case, as MariaDB's unique index
		// compares them: "cd-1" in a file updates the plan "CD-1".
		existing := map[string]Plan{}
		for start := 0; start < len(codes); start += 500 {
			var batch []Plan
			end := min(start+500, len(codes))
			if err := t.Where("lower(code) IN ?", codes[start:end]).Find(&batch).Error; err != nil {
				return fmt.Errorf("import: existing plans: %w", err)
			}
			for _, p := range batch {
				existing[strings.ToLower(p.Code)] = p
			}
		}
		for _, r := range rows {
			if _, ok := deptID[r.LeadDepartment]; !ok {
				rowErrs = append(rowErrs, ImportRowError{Row: r.Row, Message: "牵头单位「" + r.LeadDepartment + "」不存在，请先在单位管理中添加"})
			}
		}
		if len(rowErrs) > 0 {
			sortRowErrors(rowErrs)
			return &ImportRejectedError{Errors: rowErrs}
		}
		for _, r := range rows {
			p := Plan{Code: r.Code, Title: r.Title, LeadDepartmentID: deptID[r.LeadDepartment], ApprovedBy: r.ApprovedBy,
				IssuedOn: Date(r.IssuedOn), Field: r.Field, Summary: r.Summary}
			if old, ok := existing[strings.ToLower(r.Code)]; ok {
				p.ID, p.CreatedAt = old.ID, old.CreatedAt
				if r.Absent.Has("approved_by") {
					p.ApprovedBy = old.ApprovedBy
				}
				if r.Absent.Has("field") {
					p.Field = old.Field
				}
				if r.Absent.Has("summary") {
					p.Summary = old.Summary
				}
				p.ClosedAt, p.CloseReason = old.ClosedAt, old.CloseReason
				s.importCloseOut(&p, r.CloseReason)
				if err := t.Save(&p).Error; err != nil {
					return fmt.Errorf("import row %d: %w", r.Row, err)
				}
				t.audit("plan.import_update", "plan", p.ID, old, p)
				res.Updated++
				continue
			}
			s.importCloseOut(&p, r.CloseReason)
			if err := t.Create(&p).Error; err != nil {
				return fmt.Errorf("import row %d: %w", r.Row, err)
			}
			t.audit("plan.import_create", "plan", p.ID, nil, p)
			res.Created++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// importCloseOut closes p out when its import row gives a reason (销账原因):
// a plan already closed keeps the day it was closed and takes the new
// reason. An empty reason leaves p as it was: an import never reopens a
// plan (POST /plans/{id}/reopen does), so an old file imported again cannot
// undo a close-out by accident.
func (s *Store) importCloseOut(p *Plan, reason string) {
	if reason == "" {
		return
	}
	if p.ClosedAt == nil {
		now := s.Now()
		p.ClosedAt = &now
	}
	p.CloseReason = &reason
}

// sortRowErrors orders import errors by row, keeping the order within a row.
func sortRowErrors(errs []ImportRowError) {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Row < errs[j].Row })
}
