package evaluation

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/evald/evald/evaluation/assign"
)

// Assignment puts one evaluator (and so their agency) on one plan in one round.
type Assignment struct {
	ID          int64
	RoundID     int64
	PlanID      int64
	EvaluatorID int64
	AgencyID    int64
	Lead        LeadFlag // the plan's lead assignment in the round (牵头评估机构)
	CreatedAt   time.Time
}

// AssignmentStatus is how far the evaluator has got with an assignment.
type AssignmentStatus string

// Assignment states.
const (
	AssignmentAssigned  AssignmentStatus = "assigned"  // scoresheet never saved
	AssignmentDraft     AssignmentStatus = "draft"     // saved, not submitted
	AssignmentSubmitted AssignmentStatus = "submitted" // submitted and frozen
)

// PlanRef names a plan inside other objects.
type PlanRef struct {
	ID    int64  `json:"id"`
	Code  string `json:"code"`
	Title string `json:"title"`
}

// AssignmentView is an assignment as lists show it.
type AssignmentView struct {
	ID            int64            `json:"id"`
	RoundID       int64            `json:"round_id"`
	RoundName     string           `json:"round_name"`
	RoundStatus   RoundStatus      `json:"round_status"`
	Plan          PlanRef          `json:"plan"`
	EvaluatorID   int64            `json:"evaluator_id"`
	EvaluatorName string           `json:"evaluator_name"`
	AgencyID      int64            `json:"agency_id"`
	AgencyName    string           `json:"agency_name"`
	Lead          bool             `json:"lead"`
	Status        AssignmentStatus `json:"status"`
	Reopened      bool             `json:"reopened"`
	ScoringDue    Date             `json:"scoring_due"`
	SubmittedAt   *time.Time       `json:"submitted_at"`
}

// assignmentRow is the flat result of the assignment list query.
type assignmentRow struct {
	ID            int64
	RoundID       int64
	RoundName     string
	RoundStatus   RoundStatus
	PlanID        int64
	PlanCode      string
	PlanTitle     string
	EvaluatorID   int64
	EvaluatorName string
	AgencyID      int64
	AgencyName    string
	Lead          LeadFlag
	SheetStatus   SheetStatus
	SheetVersion  int
	Reopened      bool
	ScoringDue    Date
	SubmittedAt   *time.Time
}

func (r assignmentRow) view() AssignmentView {
	v := AssignmentView{ID: r.ID, RoundID: r.RoundID, RoundName: r.RoundName, RoundStatus: r.RoundStatus,
		Plan: PlanRef{ID: r.PlanID, Code: r.PlanCode, Title: r.PlanTitle}, EvaluatorID: r.EvaluatorID,
		EvaluatorName: r.EvaluatorName, AgencyID: r.AgencyID, AgencyName: r.AgencyName, Lead: bool(r.Lead), Reopened: r.Reopened,
		ScoringDue: r.ScoringDue, SubmittedAt: r.SubmittedAt, Status: AssignmentDraft}
	switch {
	case r.SheetStatus == SheetSubmitted:
		v.Status = AssignmentSubmitted
	case r.SheetVersion == 0:
		v.Status = AssignmentAssigned
	}
	return v
}

// assignmentQuery selects assignment rows with their plan, evaluator, agency,
// round and scoresheet in one pass.
func assignmentQuery(g *gorm.DB) *gorm.DB {
	return g.Table("assignments").
		Select(`assignments.id, assignments.round_id, rounds.name AS round_name, rounds.status AS round_status,
			assignments.plan_id, plans.code AS plan_code, plans.title AS plan_title, assignments.evaluator_id,
			users.display_name AS evaluator_name, assignments.agency_id, orgs.name AS agency_name,
			assignments.lead, scoresheets.status AS sheet_status, scoresheets.version AS sheet_version, scoresheets.reopened,
			rounds.scoring_due, scoresheets.submitted_at`).
		Joins("JOIN rounds ON rounds.id = assignments.round_id").
		Joins("JOIN plans ON plans.id = assignments.plan_id").
		Joins("JOIN users ON users.id = assignments.evaluator_id").
		Joins("JOIN orgs ON orgs.id = assignments.agency_id").
		Joins("JOIN scoresheets ON scoresheets.assignment_id = assignments.id")
}

// AssignmentFilter narrows a list of assignments.
type AssignmentFilter struct {
	RoundID     int64
	PlanID      int64
	EvaluatorID int64
	Status      AssignmentStatus
	Page        Page
}

func (f AssignmentFilter) apply(q *gorm.DB) *gorm.DB {
	if f.RoundID != 0 {
		q = q.Where("assignments.round_id = ?", f.RoundID)
	}
	if f.PlanID != 0 {
		q = q.Where("assignments.plan_id = ?", f.PlanID)
	}
	if f.EvaluatorID != 0 {
		q = q.Where("assignments.evaluator_id = ?", f.EvaluatorID)
	}
	switch f.Status {
	case AssignmentAssigned:
		q = q.Where("scoresheets.version = 0")
	case AssignmentDraft:
		q = q.Where("scoresheets.status = ? AND scoresheets.version > 0", SheetDraft)
	case AssignmentSubmitted:
		q = q.Where("scoresheets.status = ?", SheetSubmitted)
	}
	return q
}

// myAssignmentsOrder puts an evaluator's pending work first: sheets not yet
// submitted in rounds still scoring, by due day; then the rest.
const myAssignmentsOrder = `CASE WHEN scoresheets.status <> 'submitted' AND rounds.status = 'open' THEN 0 ELSE 1 END,
	rounds.scoring_due, assignments.id`

func (s *Store) listAssignments(q *gorm.DB, p Page, order string) (List[AssignmentView], error) {
	rows, err := paginate[assignmentRow](q, p, order)
	if err != nil {
		return List[AssignmentView]{}, fmt.Errorf("assignments: %w", err)
	}
	out := List[AssignmentView]{Total: rows.Total, Items: make([]AssignmentView, len(rows.Items))}
	for i, r := range rows.Items {
		out.Items[i] = r.view()
	}
	return out, nil
}

// RoundAssignments lists a round's assignments for the reform office.
func (s *Store) RoundAssignments(ctx context.Context, f AssignmentFilter) (List[AssignmentView], error) {
	if _, err := s.Round(ctx, f.RoundID); err != nil {
		return List[AssignmentView]{}, err
	}
	return s.listAssignments(f.apply(assignmentQuery(s.read(ctx))), f.Page, "assignments.id")
}

// MyAssignments lists an evaluator's own assignments in rounds that have
// been opened (a draft round shows evaluators nothing yet).
func (s *Store) MyAssignments(ctx context.Context, actor Actor, f AssignmentFilter) (List[AssignmentView], error) {
	f.EvaluatorID = actor.UserID
	q := inReadableRounds(f.apply(assignmentQuery(s.read(ctx))), actor, "rounds.status")
	return s.listAssignments(q, f.Page, myAssignmentsOrder)
}

// AssignmentRequest assigns an evaluator to a plan.
type AssignmentRequest struct {
	PlanID      int64 `json:"plan_id" validate:"required"`
	EvaluatorID int64 `json:"evaluator_id" validate:"required"`
	Lead        bool  `json:"lead"` // make it the plan's lead (the previous lead loses it)
}

// lockAssignableRound locks a round that may still take assignments.
func lockAssignableRound(t *tx, roundID int64) (*Round, error) {
	var r Round
	if err := t.forUpdate().First(&r, roundID).Error; err != nil {
		return nil, notFound(err, "round")
	}
	if r.Status != RoundDraft && r.Status != RoundOpen {
		return nil, conflictf("wrong_state", "轮次状态为「%s」，不能再分配评估任务", roundStatusNames[r.Status])
	}
	return &r, nil
}

// insertAssignments stores assignments, each with an empty scoresheet at
// version 0, and audits them.
func insertAssignments(t *tx, as []Assignment) error {
	if len(as) == 0 {
		return nil
	}
	if err := t.CreateInBatches(as, 200).Error; err != nil {
		if errors.Is(err, gorm.ErrDuplicatedKey) {
			return conflictf("duplicate", "该评估人员已分配到这个方案")
		}
		return fmt.Errorf("create assignments: %w", err)
	}
	sheets := make([]Scoresheet, len(as))
	for i, a := range as {
		sheets[i] = Scoresheet{AssignmentID: a.ID, Status: SheetDraft, Scores: Answers{}}
	}
	if err := t.CreateInBatches(sheets, 200).Error; err != nil {
		return fmt.Errorf("create scoresheets: %w", err)
	}
	planIDs := make([]int64, len(as))
	for i, a := range as {
		t.audit("assignment.create", "assignment", a.ID, nil, a)
		planIDs[i] = a.PlanID
	}
	var r Round
	if err := t.First(&r, as[0].RoundID).Error; err != nil {
		return notFound(err, "round")
	}
	if err := carryFindings(t, &r, planIDs); err != nil {
		return err
	}
	return createSelfAssessments(t, &r, planIDs)
}

// CreateAssignment assigns an evaluator to an eligible plan of a round in
// draft or open, unless the evaluator's agency has a conflict with it.
func (s *Store) CreateAssignment(ctx context.Context, actor Actor, roundID int64, req AssignmentRequest) (*AssignmentView, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	var id int64
	err := s.write(ctx, actor, func(t *tx) error {
		r, err := lockAssignableRound(t, roundID)
		if err != nil {
			return err
		}
		var plan Plan
		if err := t.First(&plan, req.PlanID).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return Invalid("plan_id", "方案不存在")
			}
			return fmt.Errorf("assignment plan: %w", err)
		}
		if plan.ClosedAt != nil {
			return conflictf("plan_closed", msgPlanClosed)
		}
		if plan.IssuedOn > r.EligibleBefore() {
			return Invalid("plan_id", fmt.Sprintf("方案印发于%s，不足%d天，不在本轮评估范围内", plan.IssuedOn, r.MinPlanAgeDays))
		}
		var ev User
		err = t.First(&ev, req.EvaluatorID).Error
		if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return fmt.Errorf("assignment evaluator: %w", err)
		}
		if err != nil || ev.Role != RoleEvaluator || ev.OrgID == nil || ev.Disabled {
			return Invalid("evaluator_id", "评估人员不存在或已停用")
		}
		var conflicts []Conflict
		if err := t.Where("agency_id = ? AND (plan_id = ? OR department_id = ?)", *ev.OrgID, plan.ID, plan.LeadDepartmentID).
			Find(&conflicts).Error; err != nil {
			return fmt.Errorf("assignment conflicts: %w", err)
		}
		if len(conflicts) > 0 {
			return Invalid("evaluator_id", "该评估人员所在机构与此方案存在利益冲突，须回避："+conflicts[0].Reason)
		}
		as := []Assignment{{RoundID: r.ID, PlanID: plan.ID, EvaluatorID: ev.ID, AgencyID: *ev.OrgID, Lead: LeadFlag(req.Lead)}}
		if req.Lead {
			if err := clearLead(t, r.ID, plan.ID, 0); err != nil {
				return err
			}
		}
		if err := insertAssignments(t, as); err != nil {
			return err
		}
		id = as[0].ID
		if req.Lead {
			return notifyLeads(t, r, as)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.assignmentView(ctx, id)
}

func (s *Store) assignmentView(ctx context.Context, id int64) (*AssignmentView, error) {
	var row assignmentRow
	if err := assignmentQuery(s.read(ctx)).Where("assignments.id = ?", id).Take(&row).Error; err != nil {
		return nil, notFound(err, "assignment")
	}
	v := row.view()
	return &v, nil
}

// UncoverablePlansError names the plans that cannot get enough evaluators
// from distinct agencies (assign.UncoverablePlansError).
type UncoverablePlansError = assign.UncoverablePlansError

// AutoAssignResult is what auto-assignment created (or, on a dry run, would create).
type AutoAssignResult struct {
	Created     int              `json:"created"`
	DryRun      bool             `json:"dry_run"`
	Assignments []AssignmentView `json:"assignments"`
}

// AutoAssign gives every eligible plan of a round ratersPerPlan evaluators
// from distinct agencies (see assign.PlanAutoAssignment). All or nothing: when some
// plan cannot be covered, nothing is written and the error names the plans.
// A dry run computes the proposal without writing it.
func (s *Store) AutoAssign(ctx context.Context, actor Actor, roundID int64, ratersPerPlan int, dryRun bool) (*AutoAssignResult, error) {
	res := &AutoAssignResult{DryRun: dryRun, Assignments: []AssignmentView{}}
	var planned []assign.PlannedAssignment
	var proposedLeads map[int]bool // planned index → proposed as its plan's lead (dry run)
	err := s.write(ctx, actor, func(t *tx) error {
		r, err := lockAssignableRound(t, roundID)
		if err != nil {
			return err
		}
		in, err := autoAssignInput(t.DB, r, ratersPerPlan)
		if err != nil {
			return err
		}
		if planned, err = assign.PlanAutoAssignment(in); errors.Is(err, assign.ErrTooFewRaters) {
			return Invalid("raters_per_plan", "每个方案的评估人数至少为 1")
		} else if err != nil {
			return err
		}
		if dryRun {
			proposedLeads, err = previewLeads(t, r.ID, planned)
			return err
		}
		as := make([]Assignment, len(planned))
		for i, p := range planned {
			as[i] = Assignment{RoundID: r.ID, PlanID: p.PlanID, EvaluatorID: p.EvaluatorID, AgencyID: p.AgencyID}
		}
		if err := insertAssignments(t, as); err != nil {
			return err
		}
		leads, err := autoLeads(t, r)
		if err != nil {
			return err
		}
		if err := notifyLeads(t, r, leads); err != nil {
			return err
		}
		ids := make([]int64, len(as))
		for i, a := range as {
			ids[i] = a.ID
		}
		var rows []assignmentRow
		if err := assignmentQuery(t.DB).Where("assignments.id IN ?", ids).Order("assignments.id").Find(&rows).Error; err != nil && len(ids) > 0 {
			return fmt.Errorf("auto-assign: %w", err)
		}
		for _, row := range rows {
			res.Assignments = append(res.Assignments, row.view())
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.Created = len(planned)
	if dryRun {
		if res.Assignments, err = s.previewAssignments(ctx, roundID, planned); err != nil {
			return nil, err
		}
		for i := range res.Assignments {
			res.Assignments[i].Lead = proposedLeads[i]
		}
	}
	return res, nil
}

// autoAssignInput loads what auto-assignment decides from.
func autoAssignInput(g *gorm.DB, r *Round, ratersPerPlan int) (assign.AutoAssignInput, error) {
	in := assign.AutoAssignInput{RatersPerPlan: ratersPerPlan}
	var plans []Plan
	if err := eligiblePlans(g, r).Order("id").Find(&plans).Error; err != nil {
		return in, fmt.Errorf("auto-assign plans: %w", err)
	}
	for _, p := range plans {
		in.Plans = append(in.Plans, assign.AutoAssignPlan{ID: p.ID, Code: p.Code, LeadDepartmentID: p.LeadDepartmentID})
	}
	var evaluators []User
	if err := g.Where("role = ? AND disabled = ? AND org_id IS NOT NULL", RoleEvaluator, false).Order("id").
		Find(&evaluators).Error; err != nil {
		return in, fmt.Errorf("auto-assign evaluators: %w", err)
	}
	for _, u := range evaluators {
		in.Evaluators = append(in.Evaluators, assign.AutoAssignEvaluator{ID: u.ID, AgencyID: *u.OrgID})
	}
	var err error
	if in.Conflicts, err = agencyConflicts(g); err != nil {
		return in, err
	}
	var existing []Assignment
	if err := g.Where("round_id = ?", r.ID).Find(&existing).Error; err != nil {
		return in, fmt.Errorf("auto-assign existing: %w", err)
	}
	for _, a := range existing {
		in.Existing = append(in.Existing, assign.AutoAssignExisting{PlanID: a.PlanID, EvaluatorID: a.EvaluatorID, AgencyID: a.AgencyID})
	}
	return in, nil
}

// previewAssignments describes proposed assignments with names, for a dry run.
func (s *Store) previewAssignments(ctx context.Context, roundID int64, planned []assign.PlannedAssignment) ([]AssignmentView, error) {
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return nil, err
	}
	plans := map[int64]Plan{}
	users := map[int64]User{}
	orgs := map[int64]Org{}
	var ps []Plan
	var us []User
	var os []Org
	g := s.read(ctx)
	if err := g.Find(&ps).Error; err != nil {
		return nil, fmt.Errorf("preview: %w", err)
	}
	if err := g.Where("role = ?", RoleEvaluator).Find(&us).Error; err != nil {
		return nil, fmt.Errorf("preview: %w", err)
	}
	if err := g.Where("kind = ?", OrgAgency).Find(&os).Error; err != nil {
		return nil, fmt.Errorf("preview: %w", err)
	}
	for _, p := range ps {
		plans[p.ID] = p
	}
	for _, u := range us {
		users[u.ID] = u
	}
	for _, o := range os {
		orgs[o.ID] = o
	}
	out := make([]AssignmentView, len(planned))
	for i, p := range planned {
		out[i] = AssignmentView{RoundID: r.ID, RoundName: r.Name, RoundStatus: r.Status,
			Plan:        PlanRef{ID: p.PlanID, Code: plans[p.PlanID].Code, Title: plans[p.PlanID].Title},
			EvaluatorID: p.EvaluatorID, EvaluatorName: users[p.EvaluatorID].DisplayName,
			AgencyID: p.AgencyID, AgencyName: orgs[p.AgencyID].Name, Status: AssignmentAssigned, ScoringDue: r.ScoringDue}
	}
	return out, nil
}

// DeleteAssignment removes an assignment whose scoresheet was never
// submitted, to replace an evaluator who does not respond. Findings raised
// on it keep it (and their history) alive: such an assignment is a conflict.
func (s *Store) DeleteAssignment(ctx context.Context, actor Actor, id int64) error {
	return s.write(ctx, actor, func(t *tx) error {
		var a Assignment
		if err := t.First(&a, id).Error; err != nil {
			return notFound(err, "assignment")
		}
		var r Round
		if err := t.forUpdate().First(&r, a.RoundID).Error; err != nil {
			return notFound(err, "round")
		}
		if r.Status == RoundPublished || r.Status == RoundArchived {
			return conflictf("wrong_state", "轮次已发布，不能再删除评估任务")
		}
		var sheet Scoresheet
		if err := t.forUpdate().Where("assignment_id = ?", a.ID).First(&sheet).Error; err != nil {
			return notFound(err, "scoresheet")
		}
		if sheet.Status == SheetSubmitted {
			return conflictf("submitted", "评分表已提交，不能删除该评估任务；如需更正请重新开放评分表")
		}
		var findings int64
		if err := t.Model(&Finding{}).Where("assignment_id = ? AND carried_from_finding_id IS NULL", a.ID).
			Count(&findings).Error; err != nil {
			return fmt.Errorf("assignment findings: %w", err)
		}
		if findings > 0 {
			return conflictf("has_findings", "该评估任务下已记录%d个问题，不能删除", findings)
		}
		if err := releaseCarried(t, &a); err != nil {
			return err
		}
		if err := t.Delete(&sheet).Error; err != nil {
			return fmt.Errorf("delete scoresheet: %w", err)
		}
		if err := t.Delete(&a).Error; err != nil {
			return fmt.Errorf("delete assignment: %w", err)
		}
		t.audit("assignment.delete", "assignment", a.ID, map[string]any{"assignment": a, "scoresheet": sheet}, nil)
		return nil
	})
}
