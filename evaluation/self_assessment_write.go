package evaluation

import (
	"context"
	"fmt"
	"slices"
)

// The writes of a self-assessment: the department's drafts and submission,
// the office's return and extension (DESIGN.md "Evidence in, judgement out").

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
