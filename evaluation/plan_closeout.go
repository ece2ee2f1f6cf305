package evaluation

import (
	"context"
	"fmt"
)

// CloseOutRequest closes a plan out (销账): why the office stops evaluating it.
type CloseOutRequest struct {
	Reason string `json:"reason" validate:"required,col=plans.close_reason" text:"multiline"`
}

// msgPlanClosed is why a closed plan cannot be assigned.
const msgPlanClosed = "方案已销账，不能分配到新的评估轮次；如需继续评估，请先恢复该方案"

// CloseOutPlan closes a plan out: it is no longer eligible for new rounds.
// Its findings, even those still open, stay tracked where they are.
func (s *Store) CloseOutPlan(ctx context.Context, actor Actor, id int64, req CloseOutRequest) (*Plan, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	return s.setPlanClosed(ctx, actor, id, &req.Reason)
}

// ReopenPlan undoes a close-out: the plan is eligible for new rounds again.
func (s *Store) ReopenPlan(ctx context.Context, actor Actor, id int64) (*Plan, error) {
	return s.setPlanClosed(ctx, actor, id, nil)
}

// setPlanClosed closes the plan with reason, or reopens it when reason is nil.
func (s *Store) setPlanClosed(ctx context.Context, actor Actor, id int64, reason *string) (*Plan, error) {
	var p Plan
	err := s.write(ctx, actor, func(t *tx) error {
		if err := t.forUpdate().First(&p, id).Error; err != nil {
			return notFound(err, "plan")
		}
		before := p
		action := "plan.close_out"
		if reason == nil {
			if p.ClosedAt == nil {
				return conflictf("not_closed", "方案未销账")
			}
			action, p.ClosedAt, p.CloseReason = "plan.reopen", nil, nil
		} else {
			if p.ClosedAt != nil {
				return conflictf("already_closed", "方案已于%s销账", DateOf(*p.ClosedAt, s.loc))
			}
			now := s.Now()
			p.ClosedAt, p.CloseReason = &now, reason
		}
		if err := t.Model(&p).Select("closed_at", "close_reason", "updated_at").Updates(&p).Error; err != nil {
			return fmt.Errorf("close out plan: %w", err)
		}
		t.audit(action, "plan", p.ID, before, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &p, nil
}
