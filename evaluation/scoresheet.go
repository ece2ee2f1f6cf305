package evaluation

import (
	"context"
	"database/sql/driver"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/evald/evald/evaluation/scoring"
)

// SheetStatus is the state of a scoresheet.
type SheetStatus string

// Scoresheet states.
const (
	SheetDraft     SheetStatus = "draft"     // may be saved any number of times
	SheetSubmitted SheetStatus = "submitted" // complete and frozen
)

// Answers are a scoresheet's answers, stored as one JSON document.
type Answers []Answer

// Value stores the answers as JSON text.
func (a Answers) Value() (driver.Value, error) { return jsonList([]Answer(a)) }

// Scan reads answers stored as JSON text.
func (a *Answers) Scan(src any) error {
	b, err := jsonColumn(src, "answers")
	if err != nil || b == nil {
		*a = Answers{}
		return err
	}
	out, err := scoring.DecodeAnswers(b)
	if err != nil {
		return fmt.Errorf("answers: %w", err)
	}
	*a = out
	return nil
}

// Scoresheet is one evaluator's scores for one assignment. Every write names
// the version it was based on; a stale version is refused, never overwritten.
type Scoresheet struct {
	ID           int64       `json:"id"`
	AssignmentID int64       `json:"assignment_id"`
	Status       SheetStatus `json:"status"`
	Version      int         `json:"version"` // 0 until first saved
	Reopened     bool        `json:"reopened"`
	Comment      string      `json:"comment"`
	Scores       Answers     `json:"scores"`
	SubmittedAt  *time.Time  `json:"submitted_at"`
	CreatedAt    time.Time   `json:"created_at"`
	UpdatedAt    time.Time   `json:"updated_at"`
}

// ScoresheetRequest saves a draft.
type ScoresheetRequest struct {
	Version int      `json:"version" validate:"min=0"`
	Comment string   `json:"comment" validate:"max=10000" text:"multiline"`
	Scores  []Answer `json:"scores" validate:"max=1000"`
}

// AssignmentDetail is what an evaluator needs to score a plan.
type AssignmentDetail struct {
	AssignmentView
	LeadDepartment string        `json:"lead_department"` // the plan's lead department, by name
	PlanDetail     *Plan         `json:"plan_detail"`
	Template       *Template     `json:"template"`
	Scoresheet     *Scoresheet   `json:"scoresheet"`
	Requests       []RequestView `json:"requests"` // the plan's requests for more material this reader may see
	// CarriedFindings are the plan's findings carried into this round from
	// earlier ones (上轮未整改问题), for every evaluator of the plan to check.
	CarriedFindings []CarriedFinding `json:"carried_findings"`
}

// ownAssignment loads an assignment of the actor's (any assignment for an
// admin). Another evaluator's assignment, or one in a round not yet opened,
// is not found.
func ownAssignment(g *gorm.DB, actor Actor, id int64) (*Assignment, *Round, error) {
	var a Assignment
	if err := g.First(&a, id).Error; err != nil {
		return nil, nil, notFound(err, "assignment")
	}
	var r Round
	if err := g.First(&r, a.RoundID).Error; err != nil {
		return nil, nil, notFound(err, "round")
	}
	if !actor.MayReadRound(r.Status) || (actor.Role != RoleAdmin && a.EvaluatorID != actor.UserID) {
		return nil, nil, ErrNotFound
	}
	return &a, &r, nil
}

// Assignment returns an assignment with its plan, template and scoresheet.
func (s *Store) Assignment(ctx context.Context, actor Actor, id int64) (*AssignmentDetail, error) {
	g := s.read(ctx)
	a, r, err := ownAssignment(g, actor, id)
	if err != nil {
		return nil, err
	}
	view, err := s.assignmentView(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	d := &AssignmentDetail{AssignmentView: *view}
	if d.PlanDetail, err = s.Plan(ctx, a.PlanID); err != nil {
		return nil, err
	}
	if dept, err := s.Org(ctx, d.PlanDetail.LeadDepartmentID); err == nil {
		d.LeadDepartment = dept.Name
	}
	if d.Template, err = s.Template(ctx, r.TemplateID); err != nil {
		return nil, err
	}
	var sheet Scoresheet
	if err := g.Where("assignment_id = ?", a.ID).First(&sheet).Error; err != nil {
		return nil, notFound(err, "scoresheet")
	}
	d.Scoresheet = &sheet
	if d.Requests, err = s.assignmentRequests(ctx, actor, a); err != nil {
		return nil, err
	}
	if d.CarriedFindings, err = carriedFindings(g, a.RoundID, a.PlanID); err != nil {
		return nil, err
	}
	return d, nil
}

// lockSheetForScoring locks the round and the scoresheet of an assignment and
// checks that its evaluator may write it now: while the round is open up to
// and including its scoring_due, or when an admin reopened it for correction.
func lockSheetForScoring(t *tx, actor Actor, assignmentID int64) (*Round, *Scoresheet, error) {
	a, _, err := ownAssignment(t.DB, actor, assignmentID)
	if err != nil {
		return nil, nil, err
	}
	if a.EvaluatorID != actor.UserID {
		return nil, nil, ErrNotFound
	}
	// Lock the round first: a state change of the round waits for this write,
	// and this write sees the state the change left.
	var r Round
	if err := t.forUpdate().First(&r, a.RoundID).Error; err != nil {
		return nil, nil, notFound(err, "round")
	}
	var sheet Scoresheet
	if err := t.forUpdate().Where("assignment_id = ?", a.ID).First(&sheet).Error; err != nil {
		return nil, nil, notFound(err, "scoresheet")
	}
	if sheet.Status == SheetSubmitted {
		return nil, nil, conflictf("submitted", "评分表已提交，不能再修改；如需更正请联系改革办重新开放")
	}
	switch {
	case sheet.Reopened && (r.Status == RoundOpen || r.Status == RoundScoringClosed):
	case r.Status != RoundOpen:
		return nil, nil, conflictf("wrong_state", "轮次状态为「%s」，不能再评分", roundStatusNames[r.Status])
	case t.store.Today() > r.ScoringDue:
		return nil, nil, conflictf("past_due", "评分已于%s截止", r.ScoringDue)
	}
	return &r, &sheet, nil
}

// checkAnswers validates answers against the template: known indicators,
// each at most once, numbers in steps of 0.5 within the points for score
// items, yes/no for check items.
func checkAnswers(t *Template, answers []Answer) error {
	errs := fieldErrors{}
	seen := map[string]bool{}
	for i, a := range answers {
		p := fmt.Sprintf("scores[%d]", i)
		ind, ok := t.Indicator(a.IndicatorCode)
		switch {
		case !ok:
			errs.add(p+".indicator_code", "指标「"+a.IndicatorCode+"」不在本轮指标体系中")
			continue
		case seen[a.IndicatorCode]:
			errs.add(p+".indicator_code", "指标「"+a.IndicatorCode+"」重复填写")
			continue
		}
		seen[a.IndicatorCode] = true
		if len([]rune(a.Comment)) > 2000 {
			errs.add(p+".comment", "说明不能超过2000字")
		}
		switch {
		case ind.Kind == KindCheck && a.Points != nil:
			errs.add(p+".value", "清单项只能选择「是」或「否」")
		case ind.Kind == KindScore && a.Yes != nil:
			errs.add(p+".value", "请填写分数")
		case a.Points != nil:
			h, ok := scoring.HalfPoints(*a.Points)
			most, _ := scoring.HalfPoints(ind.MaxScore)
			if !ok || h < 0 || h > most {
				errs.add(p+".value", fmt.Sprintf("分数必须在0到%s之间，且为0.5的整数倍", scoring.FormatHalfPoints(most)))
			}
		}
	}
	return errs.err()
}

// SaveScoresheet saves a draft of the actor's scoresheet. Partial answers are
// fine; the version must be the one the evaluator started from.
func (s *Store) SaveScoresheet(ctx context.Context, actor Actor, assignmentID int64, req ScoresheetRequest) (*Scoresheet, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	var sheet *Scoresheet
	err := s.write(ctx, actor, func(t *tx) error {
		r, locked, err := lockSheetForScoring(t, actor, assignmentID)
		if err != nil {
			return err
		}
		sheet = locked
		if sheet.Version != req.Version {
			return ErrStaleVersion
		}
		tpl, err := roundTemplate(t.DB, r)
		if err != nil {
			return err
		}
		if err := checkAnswers(tpl, req.Scores); err != nil {
			return err
		}
		before := *sheet
		if req.Scores == nil {
			req.Scores = []Answer{}
		}
		sheet.Scores, sheet.Comment = Answers(req.Scores), req.Comment
		if err := bumpSheet(t, sheet, map[string]any{"scores": sheet.Scores, "comment": sheet.Comment}); err != nil {
			return err
		}
		t.audit("scoresheet.save", "scoresheet", sheet.ID, before, sheet)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sheet, nil
}

// bumpSheet writes changes to a scoresheet if it is still at the version it
// was read at, and moves it to the next version.
func bumpSheet(t *tx, sheet *Scoresheet, changes map[string]any) error {
	changes["version"] = sheet.Version + 1
	changes["updated_at"] = t.now
	res := t.Model(&Scoresheet{}).Where("id = ? AND version = ?", sheet.ID, sheet.Version).Updates(changes)
	if res.Error != nil {
		return fmt.Errorf("write scoresheet: %w", res.Error)
	}
	if res.RowsAffected != 1 {
		return ErrStaleVersion
	}
	sheet.Version++
	sheet.UpdatedAt = t.now
	return nil
}

func roundTemplate(g *gorm.DB, r *Round) (*Template, error) {
	var row templateRow
	if err := g.First(&row, r.TemplateID).Error; err != nil {
		return nil, notFound(err, "template")
	}
	return row.template()
}

// SubmitScoresheet submits the actor's scoresheet: every indicator must be
// answered. It freezes the sheet until an admin reopens it.
func (s *Store) SubmitScoresheet(ctx context.Context, actor Actor, assignmentID int64, version int) (*Scoresheet, error) {
	var sheet *Scoresheet
	err := s.write(ctx, actor, func(t *tx) error {
		r, locked, err := lockSheetForScoring(t, actor, assignmentID)
		if err != nil {
			return err
		}
		sheet = locked
		if sheet.Version != version {
			return ErrStaleVersion
		}
		if err := refuseWhileSelfAssessmentExpected(t, r, assignmentID); err != nil {
			return err
		}
		tpl, err := roundTemplate(t.DB, r)
		if err != nil {
			return err
		}
		missing := unanswered(tpl, sheet.Scores)
		if err := missing.err(); err != nil {
			err.(*ValidationError).Message = fmt.Sprintf("还有%d项指标未评分，不能提交", len(missing))
			return err
		}
		before := *sheet
		now := t.now
		sheet.Status, sheet.SubmittedAt, sheet.Reopened = SheetSubmitted, &now, false
		if err := bumpSheet(t, sheet, map[string]any{"status": SheetSubmitted, "submitted_at": now, "reopened": false}); err != nil {
			return err
		}
		t.audit("scoresheet.submit", "scoresheet", sheet.ID, before, sheet)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sheet, nil
}

// unanswered names, by code, the template's indicators that the answers
// leave without a value (what blocks a submit).
func unanswered(tpl *Template, answers []Answer) fieldErrors {
	answered := map[string]bool{}
	for _, a := range answers {
		answered[a.IndicatorCode] = a.Answered()
	}
	missing := fieldErrors{}
	for _, ind := range tpl.Indicators() {
		if !answered[ind.Code] {
			missing.add(ind.Code, "指标「"+ind.Code+" "+ind.Name+"」尚未评分")
		}
	}
	return missing
}

// ReopenScoresheet returns a submitted scoresheet to its evaluator for
// correction, while the round is open or its scoring closed.
func (s *Store) ReopenScoresheet(ctx context.Context, actor Actor, assignmentID int64) (*Scoresheet, error) {
	var sheet Scoresheet
	err := s.write(ctx, actor, func(t *tx) error {
		var a Assignment
		if err := t.First(&a, assignmentID).Error; err != nil {
			return notFound(err, "assignment")
		}
		var r Round
		if err := t.forUpdate().First(&r, a.RoundID).Error; err != nil {
			return notFound(err, "round")
		}
		if r.Status != RoundOpen && r.Status != RoundScoringClosed {
			return conflictf("wrong_state", "轮次状态为「%s」，不能重新开放评分表", roundStatusNames[r.Status])
		}
		if err := t.forUpdate().Where("assignment_id = ?", a.ID).First(&sheet).Error; err != nil {
			return notFound(err, "scoresheet")
		}
		if sheet.Status != SheetSubmitted {
			return conflictf("not_submitted", "评分表尚未提交，无需重新开放")
		}
		before := sheet
		sheet.Status, sheet.Reopened, sheet.SubmittedAt = SheetDraft, true, nil
		if err := bumpSheet(t, &sheet, map[string]any{"status": SheetDraft, "reopened": true, "submitted_at": nil}); err != nil {
			return err
		}
		t.audit("scoresheet.reopen", "scoresheet", sheet.ID, before, sheet)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &sheet, nil
}
