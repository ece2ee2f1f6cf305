package demo

// The ledger of the demo (台账): plans closed out after the latest published
// round, and carried findings checked by the new round's evaluators.

import (
	"fmt"

	"github.com/evald/evald/evaluation"
)

// closedPlans are the demo plans the office closes out (销账) after the latest
// published round, with why: they keep their history and findings but are
// not assigned to the open round.
var closedPlans = []struct{ code, reason string }{
	{"CD-2018-007", "方案确定的改革任务已全部完成，经市委深改组审议同意销账，后续工作纳入日常管理。"},
	{"CD-2017-017", "方案已被新印发的《统计管理体制改革深化方案》替代，原方案不再单独评估。"},
}

// closeOuts closes out the demo plans of closedPlans that were loaded.
func (l *loader) closeOuts() error {
	l.clock.set(l.clock.Now().AddDate(0, 0, 7))
	for _, c := range closedPlans {
		plans, err := l.store.Plans(l.ctx, evaluation.PlanFilter{Q: c.code})
		if err != nil {
			return err
		}
		if len(plans.Items) != 1 {
			continue // fewer real plans at a small --scale
		}
		if _, err := l.store.CloseOutPlan(l.ctx, l.admin, plans.Items[0].ID, evaluation.CloseOutRequest{Reason: c.reason}); err != nil {
			return fmt.Errorf("demo close-out of %s: %w", c.code, err)
		}
		l.res.ClosedPlanIDs = append(l.res.ClosedPlanIDs, plans.Items[0].ID)
	}
	return nil
}

// checkCarried has the evaluator holding each carried finding of a round
// record that it was checked (上轮未整改问题已核查) — every one, or every
// other one, so that the open round shows both checked and unchecked ones.
func (l *loader) checkCarried(roundID int64, every int) error {
	list, err := l.roundFindings(roundID) // rectify.go
	if err != nil {
		return err
	}
	k := 0
	for _, f := range list {
		if f.CarriedFromFindingID == nil || f.EvaluatorID == nil {
			continue
		}
		if k++; k%every != 0 {
			continue
		}
		if _, err := l.store.CheckCarried(l.ctx, evaluation.ActorOf(l.users[l.username(*f.EvaluatorID)]), f.ID); err != nil {
			return fmt.Errorf("demo check of carried finding %d: %w", f.ID, err)
		}
	}
	return nil
}
