package evaluation

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// selfAssessmentStates is the phase rule (phase.go) as it applies to
// self-assessments: the department fills its own in from the opening of the
// round, so it sees them from then on, as evaluators see the submitted ones
// of their plans; viewers, as everywhere, once the round is published.
var selfAssessmentStates = map[Role][]RoundStatus{
	RoleAdmin:      {RoundDraft, RoundOpen, RoundScoringClosed, RoundPublished, RoundArchived},
	RoleEvaluator:  {RoundOpen, RoundScoringClosed, RoundPublished, RoundArchived},
	RoleDepartment: {RoundOpen, RoundScoringClosed, RoundPublished, RoundArchived},
	RoleViewer:     {RoundPublished, RoundArchived},
}

// SelfAssessmentItem is a self-assessment as lists show it.
type SelfAssessmentItem struct {
	ID             int64                `json:"id"`
	RoundID        int64                `json:"round_id"`
	RoundName      string               `json:"round_name"`
	RoundStatus    RoundStatus          `json:"round_status"`
	Plan           PlanRef              `json:"plan"`
	DepartmentID   int64                `json:"department_id"`
	DepartmentName string               `json:"department_name"`
	Status         SelfAssessmentStatus `json:"status"`
	DueOn          *Date                `json:"due_on"`   // its own extended date, else the round's
	Extended       bool                 `json:"extended"` // the office gave it its own due date
	Overdue        bool                 `json:"overdue"`  // past due and neither submitted nor returned
	SubmittedAt    *time.Time           `json:"submitted_at"`
	SelfTotal      *Hundredths          `json:"self_total"`
}

// SelfAttachment is an evidence file of a self-assessment.
type SelfAttachment struct {
	ID            int64     `json:"id"`
	Name          string    `json:"name"`
	Size          int64     `json:"size"`
	SHA256        string    `json:"sha256"`
	ContentType   string    `json:"content_type"`
	IndicatorCode string    `json:"indicator_code"` // "" when tied to no indicator
	CreatedAt     time.Time `json:"created_at"`
}

func (a *Attachment) selfView() SelfAttachment {
	return SelfAttachment{ID: a.ID, Name: a.Name, Size: a.Size, SHA256: a.SHA256, ContentType: a.ContentType,
		IndicatorCode: a.IndicatorCode, CreatedAt: a.CreatedAt}
}

// SelfAssessmentDetail is one self-assessment with its values and files.
type SelfAssessmentDetail struct {
	SelfAssessmentItem
	Version     int              `json:"version"`
	Summary     string           `json:"summary"`
	Comment     string           `json:"comment"`
	ReturnedAt  *time.Time       `json:"returned_at"`
	Scores      []SelfScore      `json:"scores"`
	Attachments []SelfAttachment `json:"attachments"`
	// Template is the round's indicator system, for the department's form
	// (departments read no templates otherwise); left out where the reader
	// has it already (an evaluator's assignment).
	Template *Template `json:"template,omitempty"`
}

// selfRow is the flat result of the self-assessment query.
type selfRow struct {
	SelfAssessment
	RoundName      string
	RoundStatus    RoundStatus
	RoundDue       *Date
	TemplateID     int64
	PlanCode       string
	PlanTitle      string
	DepartmentName string
}

// selfQuery selects self-assessments with their round, plan and department.
func selfQuery(g *gorm.DB) *gorm.DB {
	return g.Table("self_assessments").
		Select(`self_assessments.*, rounds.name AS round_name, rounds.status AS round_status,
			rounds.self_assessment_due AS round_due, rounds.template_id, plans.code AS plan_code,
			plans.title AS plan_title, orgs.name AS department_name`).
		Joins("JOIN rounds ON rounds.id = self_assessments.round_id").
		Joins("JOIN plans ON plans.id = self_assessments.plan_id").
		Joins("JOIN orgs ON orgs.id = self_assessments.department_id")
}

// visibleSelf narrows a self-assessment query to what the actor may see:
// the phase rule above, then ownership — the department its own, an
// evaluator the submitted ones of plans assigned to them in that round.
func visibleSelf(g *gorm.DB, actor Actor) *gorm.DB {
	q := g.Where("rounds.status IN ?", selfAssessmentStates[actor.Role])
	switch actor.Role {
	case RoleAdmin, RoleViewer:
		return q
	case RoleDepartment:
		return q.Where("self_assessments.department_id = ?", actor.OrgID)
	case RoleEvaluator:
		return q.Where("self_assessments.status = ?", SelfSubmitted).Where("EXISTS (?)",
			g.Session(&gorm.Session{NewDB: true}).Table("assignments").Select("1").
				Where("assignments.round_id = self_assessments.round_id AND assignments.plan_id = self_assessments.plan_id").
				Where("assignments.evaluator_id = ?", actor.UserID))
	}
	return q.Where("1 = 0")
}

// item builds the list line of a row; tpl scores its total.
func (r *selfRow) item(tpl *Template, today Date) SelfAssessmentItem {
	round := &Round{SelfAssessmentDue: r.RoundDue}
	it := SelfAssessmentItem{ID: r.ID, RoundID: r.RoundID, RoundName: r.RoundName, RoundStatus: r.RoundStatus,
		Plan: PlanRef{ID: r.PlanID, Code: r.PlanCode, Title: r.PlanTitle}, DepartmentID: r.DepartmentID,
		DepartmentName: r.DepartmentName, Status: r.Status, Extended: r.DueOn != nil, SubmittedAt: r.SubmittedAt}
	if due := r.dueOn(round); due != "" {
		it.DueOn = &due
	}
	it.Overdue = r.RoundStatus == RoundOpen && (r.Status == SelfPending || r.Status == SelfDraft) && r.pastDue(round, today)
	if tpl != nil {
		it.SelfTotal = selfTotal(tpl, r.Scores)
	}
	return it
}

// SelfAssessmentFilter narrows a list of self-assessments.
type SelfAssessmentFilter struct {
	RoundID int64
	PlanID  int64
	Status  SelfAssessmentStatus
	Page    Page
}

// SelfAssessments lists the self-assessments the actor may see (API.md
// "Self-assessment"), by round (newest first) and plan code.
func (s *Store) SelfAssessments(ctx context.Context, actor Actor, f SelfAssessmentFilter) (List[SelfAssessmentItem], error) {
	q := visibleSelf(selfQuery(s.read(ctx)), actor)
	if f.RoundID != 0 {
		q = q.Where("self_assessments.round_id = ?", f.RoundID)
	}
	if f.PlanID != 0 {
		q = q.Where("self_assessments.plan_id = ?", f.PlanID)
	}
	if f.Status != "" {
		q = q.Where("self_assessments.status = ?", f.Status)
	}
	rows, err := paginate[selfRow](q, f.Page, "rounds.starts_on DESC, rounds.id DESC, plans.code")
	if err != nil {
		return List[SelfAssessmentItem]{}, fmt.Errorf("self-assessments: %w", err)
	}
	tpls, err := s.templatesOf(ctx, rows.Items)
	if err != nil {
		return List[SelfAssessmentItem]{}, err
	}
	out := List[SelfAssessmentItem]{Total: rows.Total, Items: make([]SelfAssessmentItem, len(rows.Items))}
	today := s.Today()
	for i := range rows.Items {
		out.Items[i] = rows.Items[i].item(tpls[rows.Items[i].TemplateID], today)
	}
	return out, nil
}

// templatesOf loads the templates of the rows' rounds, one query each.
func (s *Store) templatesOf(ctx context.Context, rows []selfRow) (map[int64]*Template, error) {
	out := map[int64]*Template{}
	for _, r := range rows {
		if _, ok := out[r.TemplateID]; ok {
			continue
		}
		tpl, err := roundTemplate(s.read(ctx), &Round{TemplateID: r.TemplateID})
		if err != nil {
			return nil, err
		}
		out[r.TemplateID] = tpl
	}
	return out, nil
}

// SelfAssessment returns one self-assessment the actor may see, with its
// values and files.
func (s *Store) SelfAssessment(ctx context.Context, actor Actor, id int64) (*SelfAssessmentDetail, error) {
	var row selfRow
	if err := visibleSelf(selfQuery(s.read(ctx)), actor).Where("self_assessments.id = ?", id).Take(&row).Error; err != nil {
		return nil, notFound(err, "self-assessment")
	}
	return s.selfDetail(ctx, &row)
}

// selfDetail completes a row with its template's total and its files.
func (s *Store) selfDetail(ctx context.Context, row *selfRow) (*SelfAssessmentDetail, error) {
	tpl, err := roundTemplate(s.read(ctx), &Round{TemplateID: row.TemplateID})
	if err != nil {
		return nil, err
	}
	d := &SelfAssessmentDetail{SelfAssessmentItem: row.item(tpl, s.Today()), Version: row.Version, Summary: row.Summary,
		Comment: row.Comment, ReturnedAt: row.ReturnedAt, Scores: row.Scores, Attachments: []SelfAttachment{}, Template: tpl}
	if d.Scores == nil {
		d.Scores = []SelfScore{}
	}
	var as []Attachment
	if err := s.read(ctx).Where("self_assessment_id = ?", row.ID).Order("id").Find(&as).Error; err != nil {
		return nil, fmt.Errorf("self-assessment attachments: %w", err)
	}
	for i := range as {
		d.Attachments = append(d.Attachments, as[i].selfView())
	}
	return d, nil
}

// AssignmentSelfAssessment is what an evaluator scores on: the submitted
// self-assessment of the assignment's plan, or nil when there is none (yet).
func (s *Store) AssignmentSelfAssessment(ctx context.Context, actor Actor, assignmentID int64) (*SelfAssessmentDetail, error) {
	a, _, err := ownAssignment(s.read(ctx), actor, assignmentID)
	if err != nil {
		return nil, err
	}
	var row selfRow
	err = selfQuery(s.read(ctx)).Where("self_assessments.round_id = ? AND self_assessments.plan_id = ? AND self_assessments.status = ?",
		a.RoundID, a.PlanID, SelfSubmitted).Take(&row).Error
	if err != nil {
		if notFound(err, "self-assessment") == ErrNotFound {
			return nil, nil //nolint:nilnil // none submitted is a normal answer: the response says null
		}
		return nil, fmt.Errorf("self-assessment: %w", err)
	}
	d, err := s.selfDetail(ctx, &row)
	if d != nil {
		d.Template = nil // the assignment carries it
	}
	return d, err
}

// createSelfAssessments gives every assigned plan of an open round with a
// self-assessment due date (or only the plans named) its pending
// self-assessment for its lead department, and tells the department. Plans
// that have one already keep it.
func createSelfAssessments(t *tx, r *Round, planIDs []int64) error {
	if r.Status != RoundOpen || r.SelfAssessmentDue == nil {
		return nil
	}
	q := t.Model(&Plan{}).Where("id IN (?)", t.Session(&gorm.Session{NewDB: true}).Model(&Assignment{}).
		Select("plan_id").Where("round_id = ?", r.ID)).
		Where("id NOT IN (?)", t.Session(&gorm.Session{NewDB: true}).Model(&SelfAssessment{}).
			Select("plan_id").Where("round_id = ?", r.ID))
	if planIDs != nil {
		q = q.Where("id IN ?", planIDs)
	}
	var plans []Plan
	if err := q.Order("code").Find(&plans).Error; err != nil {
		return fmt.Errorf("self-assessment plans: %w", err)
	}
	if len(plans) == 0 {
		return nil
	}
	rows := make([]SelfAssessment, len(plans))
	for i, p := range plans {
		rows[i] = SelfAssessment{RoundID: r.ID, PlanID: p.ID, DepartmentID: p.LeadDepartmentID, Status: SelfPending,
			Scores: SelfScores{}, CreatedAt: t.now, UpdatedAt: t.now}
	}
	if err := t.CreateInBatches(rows, 200).Error; err != nil {
		return fmt.Errorf("create self-assessments: %w", err)
	}
	depts := make([]int64, len(plans))
	for i, p := range plans {
		depts[i] = p.LeadDepartmentID
	}
	usersOf, err := usersOfDepartments(t.DB, depts)
	if err != nil {
		return err
	}
	for i, sa := range rows {
		t.audit("self_assessment.create", "self_assessment", sa.ID, nil, sa)
		err := notify(t, usersOf[sa.DepartmentID], Notification{Kind: NoticeSelfAssessmentOpen,
			Title: "请填写自评：" + plans[i].Title,
			Body: fmt.Sprintf("「%s」已开始。请于%s前完成《%s》的部门自评并上传佐证材料，评估机构将据此评分。",
				r.Name, *r.SelfAssessmentDue, plans[i].Title),
			Link: fmt.Sprintf("/self-assessments/%d", sa.ID), Entity: "self_assessment", EntityID: sa.ID})
		if err != nil {
			return err
		}
	}
	return nil
}

// refuseWhileSelfAssessmentExpected refuses an evaluator's submit while the
// plan's self-assessment is still expected (neither submitted nor past due).
func refuseWhileSelfAssessmentExpected(t *tx, r *Round, assignmentID int64) error {
	var a Assignment
	if err := t.First(&a, assignmentID).Error; err != nil {
		return notFound(err, "assignment")
	}
	var sa SelfAssessment
	err := t.Where("round_id = ? AND plan_id = ?", r.ID, a.PlanID).Take(&sa).Error
	if err != nil {
		if notFound(err, "self-assessment") == ErrNotFound {
			return nil
		}
		return fmt.Errorf("self-assessment: %w", err)
	}
	if sa.expected(r, t.store.Today()) {
		return conflictf("self_assessment_pending", "牵头部门的自评尚未提交（截止%s），请待部门提交自评后再提交评分表", sa.dueOn(r))
	}
	return nil
}
