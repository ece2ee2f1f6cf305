package evaluation

import (
	"context"
	"fmt"
	"slices"
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

// createSelfAssessmentsOnAssign gives plans assigned in an open round their
// self-assessment (createSelfAssessments), when the round has one.
func createSelfAssessmentsOnAssign(t *tx, roundID int64, planIDs []int64) error {
	var r Round
	if err := t.First(&r, roundID).Error; err != nil {
		return notFound(err, "round")
	}
	return createSelfAssessments(t, &r, planIDs)
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

// lockSelf loads and locks a self-assessment and its round for a write.
func lockSelf(t *tx, id int64) (*SelfAssessment, *Round, error) {
	var sa SelfAssessment
	if err := t.First(&sa, id).Error; err != nil {
		return nil, nil, notFound(err, "self-assessment")
	}
	var r Round
	if err := t.forUpdate().First(&r, sa.RoundID).Error; err != nil {
		return nil, nil, notFound(err, "round")
	}
	if err := t.forUpdate().First(&sa, id).Error; err != nil {
		return nil, nil, notFound(err, "self-assessment")
	}
	return &sa, &r, nil
}

// lockOwnSelf locks a self-assessment of the actor's department that it
// may still write: the round open, not submitted, not past due unless the
// office returned it.
func lockOwnSelf(t *tx, actor Actor, id int64) (*SelfAssessment, *Round, error) {
	sa, r, err := lockSelf(t, id)
	if err != nil {
		return nil, nil, err
	}
	if actor.Role != RoleDepartment || sa.DepartmentID != actor.OrgID || !slices.Contains(selfAssessmentStates[actor.Role], r.Status) {
		return nil, nil, ErrNotFound
	}
	switch {
	case r.Status != RoundOpen:
		return nil, nil, conflictf("wrong_state", "轮次状态为「%s」，自评已不能修改", roundStatusNames[r.Status])
	case sa.Status == SelfSubmitted:
		return nil, nil, conflictf("submitted", "自评已提交，不能再修改；如需更正请联系改革办退回")
	case sa.Status != SelfReturned && sa.pastDue(r, t.store.Today()):
		return nil, nil, conflictf("past_due", "自评已于%s截止，如需延期请联系改革办", sa.dueOn(r))
	}
	return sa, r, nil
}

// SelfAssessmentRequest saves a draft of a self-assessment.
type SelfAssessmentRequest struct {
	Version int         `json:"version" validate:"min=0"`
	Summary string      `json:"summary" validate:"max=10000" text:"multiline"`
	Scores  []SelfScore `json:"scores" validate:"max=1000"`
}

// bumpSelf writes changes to a self-assessment still at the version it was
// read at, and moves it to the next version.
func bumpSelf(t *tx, sa *SelfAssessment, changes map[string]any) error {
	changes["version"] = sa.Version + 1
	changes["updated_at"] = t.now
	res := t.Model(&SelfAssessment{}).Where("id = ? AND version = ?", sa.ID, sa.Version).Updates(changes)
	if res.Error != nil {
		return fmt.Errorf("write self-assessment: %w", res.Error)
	}
	if res.RowsAffected != 1 {
		return ErrStaleVersion
	}
	sa.Version++
	sa.UpdatedAt = t.now
	return nil
}

// SaveSelfAssessment saves the department's draft: partial values are fine;
// the version must be the one it started from. A returned self-assessment
// stays returned until it is submitted again.
func (s *Store) SaveSelfAssessment(ctx context.Context, actor Actor, id int64, req SelfAssessmentRequest) (*SelfAssessmentDetail, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	err := s.write(ctx, actor, func(t *tx) error {
		sa, r, err := lockOwnSelf(t, actor, id)
		if err != nil {
			return err
		}
		if sa.Version != req.Version {
			return ErrStaleVersion
		}
		tpl, err := roundTemplate(t.DB, r)
		if err != nil {
			return err
		}
		if err := checkSelfScores(tpl, req.Scores); err != nil {
			return err
		}
		before := *sa
		if req.Scores == nil {
			req.Scores = []SelfScore{}
		}
		if sa.Status == SelfPending {
			sa.Status = SelfDraft
		}
		sa.Summary, sa.Scores = req.Summary, SelfScores(req.Scores)
		if err := bumpSelf(t, sa, map[string]any{"status": sa.Status, "summary": sa.Summary, "scores": sa.Scores}); err != nil {
			return err
		}
		t.audit("self_assessment.save", "self_assessment", sa.ID, before, sa)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.SelfAssessment(ctx, actor, id)
}

// SubmitSelfAssessment hands the self-assessment in: every indicator must
// have a value. Late submission is refused unless the office returned it.
func (s *Store) SubmitSelfAssessment(ctx context.Context, actor Actor, id int64, version int) (*SelfAssessmentDetail, error) {
	err := s.write(ctx, actor, func(t *tx) error {
		sa, r, err := lockOwnSelf(t, actor, id)
		if err != nil {
			return err
		}
		if sa.Version != version {
			return ErrStaleVersion
		}
		tpl, err := roundTemplate(t.DB, r)
		if err != nil {
			return err
		}
		missing := unansweredSelf(tpl, sa.Scores)
		if err := missing.err(); err != nil {
			err.(*ValidationError).Message = fmt.Sprintf("还有%d项指标未自评，不能提交", len(missing))
			return err
		}
		before := *sa
		now := t.now
		sa.Status, sa.SubmittedAt, sa.SubmittedBy = SelfSubmitted, &now, actor.idPtr()
		if err := bumpSelf(t, sa, map[string]any{"status": SelfSubmitted, "submitted_at": now, "submitted_by": actor.idPtr()}); err != nil {
			return err
		}
		t.audit("self_assessment.submit", "self_assessment", sa.ID, before, sa)
		return notifySelfSubmitted(t, sa, r)
	})
	if err != nil {
		return nil, err
	}
	return s.SelfAssessment(ctx, actor, id)
}

// ReturnSelfRequest sends a submitted self-assessment back with a reason.
type ReturnSelfRequest struct {
	Comment string `json:"comment" validate:"required,max=5000" text:"multiline"`
}

// ReturnSelfAssessment lets the office send a submitted self-assessment
// back to the department with a comment, while the round is open.
func (s *Store) ReturnSelfAssessment(ctx context.Context, actor Actor, id int64, req ReturnSelfRequest) (*SelfAssessmentDetail, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	err := s.write(ctx, actor, func(t *tx) error {
		sa, r, err := lockSelf(t, id)
		if err != nil {
			return err
		}
		switch {
		case r.Status != RoundOpen:
			return conflictf("wrong_state", "轮次状态为「%s」，不能再退回自评", roundStatusNames[r.Status])
		case sa.Status != SelfSubmitted:
			return conflictf("not_submitted", "自评当前为「%s」，只有已提交的自评可以退回", selfStatusNames[sa.Status])
		}
		before := *sa
		now := t.now
		sa.Status, sa.Comment, sa.ReturnedAt = SelfReturned, req.Comment, &now
		if err := bumpSelf(t, sa, map[string]any{"status": SelfReturned, "comment": req.Comment, "returned_at": now}); err != nil {
			return err
		}
		t.audit("self_assessment.return", "self_assessment", sa.ID, before, sa)
		return notifySelfReturned(t, sa)
	})
	if err != nil {
		return nil, err
	}
	return s.SelfAssessment(ctx, actor, id)
}

// ExtendSelfRequest gives one self-assessment its own due date.
type ExtendSelfRequest struct {
	DueOn string `json:"due_on" validate:"required,datetime=2006-01-02"`
}

// ExtendSelfAssessment lets the office move one self-assessment's due date,
// while the round is open: not before today, not after scoring closes.
func (s *Store) ExtendSelfAssessment(ctx context.Context, actor Actor, id int64, req ExtendSelfRequest) (*SelfAssessmentDetail, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	due := Date(req.DueOn)
	err := s.write(ctx, actor, func(t *tx) error {
		sa, r, err := lockSelf(t, id)
		if err != nil {
			return err
		}
		switch {
		case r.Status != RoundOpen:
			return conflictf("wrong_state", "轮次状态为「%s」，不能再延期自评", roundStatusNames[r.Status])
		case sa.Status == SelfSubmitted:
			return conflictf("submitted", "自评已提交，无需延期")
		case due < t.store.Today():
			return Invalid("due_on", "延期后的截止日期不能早于今天")
		case due > r.ScoringDue:
			return Invalid("due_on", fmt.Sprintf("延期后的截止日期不能晚于评分截止日期%s", r.ScoringDue))
		}
		before := *sa
		sa.DueOn = &due
		if err := t.Model(&SelfAssessment{}).Where("id = ?", sa.ID).Updates(map[string]any{"due_on": due, "updated_at": t.now}).Error; err != nil {
			return fmt.Errorf("extend self-assessment: %w", err)
		}
		t.audit("self_assessment.extend", "self_assessment", sa.ID, before, sa)
		return notifySelfExtended(t, sa, r)
	})
	if err != nil {
		return nil, err
	}
	return s.SelfAssessment(ctx, actor, id)
}
