package evaluation

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// RoundStatus is where a round stands in its life:
// draft → open → scoring_closed → published → archived.
type RoundStatus string

// Round states.
const (
	RoundDraft         RoundStatus = "draft"
	RoundOpen          RoundStatus = "open"
	RoundScoringClosed RoundStatus = "scoring_closed"
	RoundPublished     RoundStatus = "published"
	RoundArchived      RoundStatus = "archived"
)

// Round defaults (DESIGN.md).
const (
	DefaultMinPlanAgeDays   = 183
	DefaultOutlierThreshold = 15
)

// ResponseDays is how many days after publication a department has to answer
// a finding, per severity.
type ResponseDays struct {
	Critical int `json:"critical" validate:"min=1,max=3650"`
	Major    int `json:"major" validate:"min=1,max=3650"`
	Minor    int `json:"minor" validate:"min=1,max=3650"`
}

// DefaultResponseDays are 30, 60 and 90 days for critical, major and minor findings.
func DefaultResponseDays() ResponseDays { return ResponseDays{Critical: 30, Major: 60, Minor: 90} }

// For returns the days allowed for a severity.
func (r ResponseDays) For(s Severity) int {
	switch s {
	case SeverityCritical:
		return r.Critical
	case SeverityMajor:
		return r.Major
	}
	return r.Minor
}

// Round is an evaluation round (评估轮次) of the plans issued long enough
// before it starts.
type Round struct {
	ID               int64   `json:"id"`
	Name             string  `json:"name"`
	TemplateID       int64   `json:"template_id"`
	StartsOn         Date    `json:"starts_on"`
	ScoringDue       Date    `json:"scoring_due"`
	MinPlanAgeDays   int     `json:"min_plan_age_days"`
	OutlierThreshold float64 `json:"outlier_threshold"`
	// MinRaters is the number of submitted scoresheets a plan needs for a
	// complete result (a total, grade, rank and evaluation report).
	MinRaters        int          `json:"min_raters"`
	ResponseDays     ResponseDays `json:"response_days" gorm:"embedded;embeddedPrefix:response_days_"`
	RequireNarrative bool         `json:"require_narrative"` // publication needs approved conclusions
	Status           RoundStatus  `json:"status"`
	PublishedOn      *Date        `json:"published_on"`
	// SelfAssessmentDue is the last day of the departments' self-assessment
	// (自评); nil: the round has none (self_assessment.go).
	SelfAssessmentDue *Date     `json:"self_assessment_due"`
	CreatedAt         time.Time `json:"created_at"`
	UpdatedAt         time.Time `json:"updated_at"`
}

// EligibleBefore is the last issue date of a plan this round may evaluate.
func (r *Round) EligibleBefore() Date { return r.StartsOn.AddDays(-r.MinPlanAgeDays) }

// RoundRequest creates a round.
type RoundRequest struct {
	Name             string        `json:"name" validate:"required,col=rounds.name"`
	TemplateID       int64         `json:"template_id" validate:"required"`
	StartsOn         string        `json:"starts_on" validate:"required,datetime=2006-01-02"`
	ScoringDue       string        `json:"scoring_due" validate:"required,datetime=2006-01-02"`
	MinPlanAgeDays   *int          `json:"min_plan_age_days" validate:"omitempty,min=0,max=36500"`
	OutlierThreshold *float64      `json:"outlier_threshold" validate:"omitempty,gt=0,lte=100"`
	MinRaters        *int          `json:"min_raters" validate:"omitnil,min=1,max=1000"` // default 1
	ResponseDays     *ResponseDays `json:"response_days"`
	RequireNarrative *bool         `json:"require_narrative"` // default false
	// SelfAssessmentDue, when given, gives the round a self-assessment (自评).
	SelfAssessmentDue *string `json:"self_assessment_due" validate:"omitnil,datetime=2006-01-02"`
}

// RoundPatch changes a round; nil fields stay as they are. In draft every
// field may change; while scoring only the name, the deadline, the outlier
// threshold and the response days; after publication nothing.
type RoundPatch struct {
	Name             *string       `json:"name" validate:"omitnil,min=1,col=rounds.name"`
	TemplateID       *int64        `json:"template_id"`
	StartsOn         *string       `json:"starts_on" validate:"omitnil,min=1,datetime=2006-01-02"`
	ScoringDue       *string       `json:"scoring_due" validate:"omitnil,min=1,datetime=2006-01-02"`
	MinPlanAgeDays   *int          `json:"min_plan_age_days" validate:"omitempty,min=0,max=36500"`
	OutlierThreshold *float64      `json:"outlier_threshold" validate:"omitempty,gt=0,lte=100"`
	MinRaters        *int          `json:"min_raters" validate:"omitnil,min=1,max=1000"`
	ResponseDays     *ResponseDays `json:"response_days"`
	RequireNarrative *bool         `json:"require_narrative"`
	// SelfAssessmentDue may be set or moved in draft and while open.
	SelfAssessmentDue *string `json:"self_assessment_due" validate:"omitnil,datetime=2006-01-02"`
}

// Patch applies the changes to r, refusing those the round's state forbids.
func (p RoundPatch) Patch(r *Round) error {
	draftOnly := p.TemplateID != nil || p.StartsOn != nil || p.MinPlanAgeDays != nil
	switch {
	case r.Status == RoundPublished || r.Status == RoundArchived:
		return conflictf("wrong_state", "轮次已发布，不能再修改")
	case r.Status != RoundDraft && draftOnly:
		return conflictf("wrong_state", "轮次已开始，指标体系、开始日期和方案印发最短天数不能再修改")
	case r.Status != RoundDraft && r.Status != RoundOpen && p.SelfAssessmentDue != nil:
		return conflictf("wrong_state", "评分已截止，自评截止日期不能再修改")
	}
	if p.Name != nil {
		r.Name = *p.Name
	}
	if p.TemplateID != nil {
		r.TemplateID = *p.TemplateID
	}
	if p.StartsOn != nil {
		r.StartsOn = Date(*p.StartsOn)
	}
	if p.ScoringDue != nil {
		r.ScoringDue = Date(*p.ScoringDue)
	}
	if p.MinPlanAgeDays != nil {
		r.MinPlanAgeDays = *p.MinPlanAgeDays
	}
	if p.OutlierThreshold != nil {
		r.OutlierThreshold = *p.OutlierThreshold
	}
	if p.MinRaters != nil {
		r.MinRaters = *p.MinRaters
	}
	if p.ResponseDays != nil {
		r.ResponseDays = *p.ResponseDays
	}
	if p.RequireNarrative != nil {
		r.RequireNarrative = *p.RequireNarrative
	}
	if p.SelfAssessmentDue != nil {
		d := Date(*p.SelfAssessmentDue)
		r.SelfAssessmentDue = &d
	}
	return nil
}

// checkRound enforces the rules beyond the request's shape and freezes the
// template the round uses.
func checkRound(t *tx, r *Round) error {
	errs := fieldErrors{}
	if r.ScoringDue < r.StartsOn {
		errs.add("scoring_due", "评分截止日期不能早于开始日期")
	}
	rd := r.ResponseDays
	if rd.Critical < 1 || rd.Major < 1 || rd.Minor < 1 {
		errs.add("response_days", "整改天数必须为正整数")
	}
	checkSelfAssessmentDue(r, errs)
	res := t.Model(&templateRow{}).Where("id = ?", r.TemplateID).Update("frozen", true)
	if res.Error != nil {
		return fmt.Errorf("freeze template: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		var n int64
		if err := t.Model(&templateRow{}).Where("id = ?", r.TemplateID).Count(&n).Error; err != nil {
			return fmt.Errorf("round template: %w", err)
		}
		if n == 0 {
			errs.add("template_id", "指标体系不存在")
		}
	}
	return errs.err()
}

// CreateRound adds a round in draft.
func (s *Store) CreateRound(ctx context.Context, actor Actor, req RoundRequest) (*Round, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	r := &Round{Name: req.Name, TemplateID: req.TemplateID, StartsOn: Date(req.StartsOn), ScoringDue: Date(req.ScoringDue),
		MinPlanAgeDays: DefaultMinPlanAgeDays, OutlierThreshold: DefaultOutlierThreshold, MinRaters: 1,
		ResponseDays: DefaultResponseDays(), Status: RoundDraft}
	if req.MinPlanAgeDays != nil {
		r.MinPlanAgeDays = *req.MinPlanAgeDays
	}
	if req.OutlierThreshold != nil {
		r.OutlierThreshold = *req.OutlierThreshold
	}
	if req.MinRaters != nil {
		r.MinRaters = *req.MinRaters
	}
	if req.ResponseDays != nil {
		r.ResponseDays = *req.ResponseDays
	}
	if req.RequireNarrative != nil {
		r.RequireNarrative = *req.RequireNarrative
	}
	if req.SelfAssessmentDue != nil {
		d := Date(*req.SelfAssessmentDue)
		r.SelfAssessmentDue = &d
	}
	err := s.write(ctx, actor, func(t *tx) error {
		if err := checkRound(t, r); err != nil {
			return err
		}
		if err := t.Create(r).Error; err != nil {
			return fmt.Errorf("create round: %w", err)
		}
		t.audit("round.create", "round", r.ID, nil, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// Round returns one round.
func (s *Store) Round(ctx context.Context, id int64) (*Round, error) {
	var r Round
	if err := s.read(ctx).First(&r, id).Error; err != nil {
		return nil, notFound(err, "round")
	}
	return &r, nil
}

// RoundFilter narrows the list of rounds.
type RoundFilter struct {
	Q      string // part of the name
	Status RoundStatus
	Page   Page
}

// Rounds lists the rounds the actor may see, newest first: all for admins;
// for viewers the published ones; for evaluators the opened rounds they have
// assignments in; for departments the published rounds that evaluated their
// plans.
func (s *Store) Rounds(ctx context.Context, actor Actor, f RoundFilter) (List[Round], error) {
	q := visibleRounds(s.read(ctx), actor).Model(&Round{})
	if f.Q != "" {
		q = q.Where(contains("rounds.name", f.Q))
	}
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	return paginate[Round](q, f.Page, "starts_on DESC, id DESC")
}

// VisibleRound returns a round the actor may see (see Rounds). Every read of
// an object of one round starts here.
func (s *Store) VisibleRound(ctx context.Context, actor Actor, id int64) (*Round, error) {
	var r Round
	if err := visibleRounds(s.read(ctx), actor).First(&r, id).Error; err != nil {
		return nil, notFound(err, "round")
	}
	return &r, nil
}

// visibleRounds narrows a query of rounds to those the actor may see: the
// phase rule (readableStates), then ownership.
func visibleRounds(g *gorm.DB, actor Actor) *gorm.DB {
	q := inReadableRounds(g, actor, "status")
	switch actor.Role {
	case RoleAdmin, RoleViewer:
		return q
	case RoleEvaluator:
		return q.Where("id IN (?)",
			g.Session(&gorm.Session{NewDB: true}).Model(&Assignment{}).Select("round_id").Where("evaluator_id = ?", actor.UserID))
	case RoleDepartment:
		return q.Where("id IN (?)",
			g.Session(&gorm.Session{NewDB: true}).Model(&Assignment{}).Select("assignments.round_id").
				Joins("JOIN plans ON plans.id = assignments.plan_id").Where("plans.lead_department_id = ?", actor.OrgID))
	}
	return g.Where("1 = 0")
}

// UpdateRound changes a round within what its state allows.
func (s *Store) UpdateRound(ctx context.Context, actor Actor, id int64, p RoundPatch) (*Round, error) {
	if err := s.checker.check(&p); err != nil {
		return nil, err
	}
	var r Round
	err := s.write(ctx, actor, func(t *tx) error {
		if err := t.forUpdate().First(&r, id).Error; err != nil {
			return notFound(err, "round")
		}
		before := r
		if err := p.Patch(&r); err != nil {
			return err
		}
		if err := checkRound(t, &r); err != nil {
			return err
		}
		if err := t.Save(&r).Error; err != nil {
			return fmt.Errorf("update round: %w", err)
		}
		t.audit("round.update", "round", r.ID, before, r)
		return createSelfAssessments(t, &r, nil) // a due date set while open

	})
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// roundSteps are the allowed transitions: the state each step starts from.
var roundSteps = map[RoundStatus]RoundStatus{
	RoundOpen:          RoundDraft,
	RoundScoringClosed: RoundOpen,
	RoundPublished:     RoundScoringClosed,
	RoundArchived:      RoundPublished,
}

// roundStatusNames are the states in Chinese, for messages.
var roundStatusNames = map[RoundStatus]string{
	RoundDraft: "草稿", RoundOpen: "评估中", RoundScoringClosed: "评分已截止", RoundPublished: "已发布", RoundArchived: "已归档",
}

// MoveRound takes a round one step along draft → open → scoring_closed →
// published → archived. Publishing sets the findings' due dates from the
// publication day and the round's response days. A step from the wrong state
// is a conflict.
func (s *Store) MoveRound(ctx context.Context, actor Actor, id int64, to RoundStatus) (*Round, error) {
	return s.StepRound(ctx, actor, id, to, StepRequest{})
}

// StepRequest is the optional body of a round's step: why the office took
// it despite the readiness warnings, kept in the audit event.
type StepRequest struct {
	Reason string `json:"reason" validate:"omitempty,col=issued_reports.reason" text:"multiline"`
}

// stepAudit is what a step's audit event keeps after it: the round, and the
// reason when one was given.
type stepAudit struct {
	Round
	Reason string `json:"reason"`
}

// StepRound is MoveRound with the step's reason (readiness.go).
func (s *Store) StepRound(ctx context.Context, actor Actor, id int64, to RoundStatus, req StepRequest) (*Round, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	from, ok := roundSteps[to]
	if !ok {
		return nil, fmt.Errorf("evaluation: no step to round status %q", to)
	}
	var r Round
	err := s.write(ctx, actor, func(t *tx) error {
		if err := t.forUpdate().First(&r, id).Error; err != nil {
			return notFound(err, "round")
		}
		if r.Status != from {
			return conflictf("wrong_state", "轮次当前状态为「%s」，只有「%s」状态的轮次可以变为「%s」",
				roundStatusNames[r.Status], roundStatusNames[from], roundStatusNames[to])
		}
		before := r
		r.Status = to
		if to == RoundOpen {
			if err := notifyRoundLeads(t, &r); err != nil {
				return err
			}
			if err := carryFindings(t, &r, nil); err != nil {
				return err
			}
		}
		if to == RoundPublished && r.RequireNarrative {
			pending, err := pendingNarratives(t.DB, &r)
			if err != nil {
				return err
			}
			if len(pending) > 0 {
				return &ConflictError{Code: "narratives_pending", Fields: pending,
					Message: fmt.Sprintf("本轮要求评估结论审定后才能发布，还有%d个方案的评估结论未审定", len(pending))}
			}
		}
		if to == RoundPublished {
			today := t.store.Today()
			r.PublishedOn = &today
			if err := setDueDates(t.DB, &r); err != nil {
				return err
			}
			if err := notifyPublished(t, &r); err != nil {
				return err
			}
		}
		if err := t.Save(&r).Error; err != nil {
			return fmt.Errorf("move round: %w", err)
		}
		if to == RoundPublished {
			// Issued means frozen: each plan's evaluation report as version 1.
			if err := t.issueRound(ctx, r.ID); err != nil {
				return err
			}
		}
		var after any = r
		if req.Reason != "" {
			after = stepAudit{Round: r, Reason: req.Reason}
		}
		t.audit("round."+string(to), "round", r.ID, before, after)
		return createSelfAssessments(t, &r, nil) // on opening

	})
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// setDueDates gives every finding of a round being published its due date.
func setDueDates(g *gorm.DB, r *Round) error {
	for _, sev := range []Severity{SeverityCritical, SeverityMajor, SeverityMinor} {
		due := r.PublishedOn.AddDays(r.ResponseDays.For(sev))
		err := g.Model(&Finding{}).Where("round_id = ? AND severity = ?", r.ID, sev).Update("due_on", due).Error
		if err != nil {
			return fmt.Errorf("finding due dates: %w", err)
		}
	}
	return nil
}

// eligiblePlans are the plans a round may assign: issued at least
// MinPlanAgeDays before it starts, and not closed out (销账).
func eligiblePlans(g *gorm.DB, r *Round) *gorm.DB {
	return g.Model(&Plan{}).Where("issued_on <= ? AND closed_at IS NULL", r.EligibleBefore())
}

// EligiblePlans lists the plans issued at least MinPlanAgeDays before the
// round starts and not closed out.
func (s *Store) EligiblePlans(ctx context.Context, roundID int64, p Page) (List[Plan], error) {
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return List[Plan]{}, err
	}
	return paginate[Plan](eligiblePlans(s.read(ctx), r), p, "code")
}
