package evaluation

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// SubmitNarrative submits the saved conclusions (from draft or returned) for
// the office's approval: every section must be written. The submission is
// kept as a new NarrativeVersion and the office is told.
func (s *Store) SubmitNarrative(ctx context.Context, actor Actor, roundID, planID int64, version int) (*NarrativeView, error) {
	err := s.write(ctx, actor, func(t *tx) error {
		sc, err := loadNarrativeScope(t.DB, actor, roundID, planID, true)
		if err != nil {
			return err
		}
		if err := sc.checkWrite(actor); err != nil {
			return err
		}
		n, err := lockNarrative(t, roundID, planID)
		if err != nil {
			return err
		}
		if n == nil {
			if version != 0 {
				return ErrStaleVersion
			}
			return emptySections(NarrativeSections{})
		}
		if version != n.Version {
			return ErrStaleVersion
		}
		if err := editableNarrative(n); err != nil {
			return err
		}
		if err := emptySections(n.NarrativeSections); err != nil {
			return err
		}
		var count int64
		if err := t.Model(&NarrativeVersion{}).Where("narrative_id = ?", n.ID).Count(&count).Error; err != nil {
			return fmt.Errorf("narrative versions: %w", err)
		}
		v := NarrativeVersion{NarrativeID: n.ID, Number: int(count) + 1, NarrativeSections: n.NarrativeSections,
			SubmittedBy: actor.UserID, SubmittedAt: t.now}
		if actor.UserID == 0 {
			return errors.New("evaluation: conclusions are submitted by a user")
		}
		if err := t.Create(&v).Error; err != nil {
			return fmt.Errorf("create narrative version: %w", err)
		}
		before := *n
		now := t.now
		n.Status, n.SubmittedAt, n.SubmittedBy = NarrativeSubmitted, &now, actor.idPtr()
		if err := updateNarrative(t, n, map[string]any{"status": n.Status, "submitted_at": now,
			"submitted_by": n.SubmittedBy}); err != nil {
			return err
		}
		t.audit("narrative.submit", "narrative", n.ID, before, map[string]any{"narrative": n, "version": v.Number})
		admins, err := activeAdmins(t.DB)
		if err != nil {
			return err
		}
		return notify(t, admins, Notification{Kind: NoticeNarrativeSubmitted, Title: "评估结论待审定：" + sc.plan.Title,
			Body: fmt.Sprintf("《%s》（%s）的牵头评估机构提交了第%d稿评估结论，请审定。", sc.plan.Title, sc.round.Name, v.Number),
			Link: narrativeReviewLink(roundID, planID), Entity: "narrative", EntityID: n.ID})
	})
	if err != nil {
		return nil, err
	}
	return s.Narrative(ctx, actor, roundID, planID)
}

// emptySections names every section left empty, for a submission.
func emptySections(sec NarrativeSections) error {
	errs := fieldErrors{}
	for _, k := range narrativeSectionNames {
		if strings.TrimSpace(sec.byKey(k.key)) == "" {
			errs.add("sections."+k.key, "请填写「"+k.name+"」")
		}
	}
	return errs.err()
}

// ApproveNarrative approves submitted conclusions (审定), as the office,
// while the round is open or scoring closed.
func (s *Store) ApproveNarrative(ctx context.Context, actor Actor, roundID, planID int64) (*NarrativeView, error) {
	return s.reviewNarrative(ctx, actor, roundID, planID, NarrativeApproved, "")
}

// ReturnNarrative returns submitted conclusions to the lead with the
// office's reason; a non-empty comment is required.
func (s *Store) ReturnNarrative(ctx context.Context, actor Actor, roundID, planID int64, req NarrativeReturn) (*NarrativeView, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	if strings.TrimSpace(req.Comment) == "" {
		return nil, Invalid("comment", "退回时请填写退回意见")
	}
	return s.reviewNarrative(ctx, actor, roundID, planID, NarrativeReturned, req.Comment)
}

func (s *Store) reviewNarrative(ctx context.Context, actor Actor, roundID, planID int64, to NarrativeStatus, comment string) (*NarrativeView, error) {
	if actor.Role != RoleAdmin {
		return nil, ErrNotFound
	}
	err := s.write(ctx, actor, func(t *tx) error {
		sc, err := loadNarrativeScope(t.DB, actor, roundID, planID, true)
		if err != nil {
			return err
		}
		if !narrativeRoundOpen(sc.round.Status) {
			return conflictf("wrong_state", "轮次状态为「%s」，不能再审定评估结论", roundStatusNames[sc.round.Status])
		}
		n, err := lockNarrative(t, roundID, planID)
		if err != nil {
			return err
		}
		if n == nil || n.Status != NarrativeSubmitted {
			return conflictf("not_submitted", "评估结论尚未提交，没有可审定的内容")
		}
		before := *n
		now := t.now
		changes := map[string]any{"status": to}
		action := "narrative.approve"
		n.Status = to
		if to == NarrativeApproved {
			n.ApprovedAt, n.ApprovedBy = &now, actor.idPtr()
			changes["approved_at"], changes["approved_by"] = now, n.ApprovedBy
		} else {
			action = "narrative.return"
			n.Comment, n.ReturnedAt, n.ReturnedBy = comment, &now, actor.idPtr()
			changes["comment"], changes["returned_at"], changes["returned_by"] = comment, now, n.ReturnedBy
		}
		if err := updateNarrative(t, n, changes); err != nil {
			return err
		}
		t.audit(action, "narrative", n.ID, before, n)
		if to != NarrativeReturned || sc.lead == nil {
			return nil
		}
		return notify(t, []int64{sc.lead.EvaluatorID}, Notification{Kind: NoticeNarrativeReturned,
			Title: "评估结论被退回：" + sc.plan.Title,
			Body:  fmt.Sprintf("《%s》（%s）的评估结论被退回，请按意见修改后重新提交。退回意见：%s", sc.plan.Title, sc.round.Name, comment),
			Link:  narrativeEditLink(sc.lead.ID), Entity: "narrative", EntityID: n.ID})
	})
	if err != nil {
		return nil, err
	}
	return s.Narrative(ctx, actor, roundID, planID)
}

// narrativeEditLink is the lead evaluator's editor of the conclusions in the web UI.
func narrativeEditLink(assignmentID int64) string {
	return fmt.Sprintf("/tasks/%d/narrative", assignmentID)
}

// narrativeReviewLink is the office's review screen of the conclusions in the web UI.
func narrativeReviewLink(roundID, planID int64) string {
	return fmt.Sprintf("/rounds/%d/narratives/%d", roundID, planID)
}

// activeAdmins returns the active users of the reform office (role admin).
func activeAdmins(g *gorm.DB) ([]int64, error) {
	var ids []int64
	if err := g.Model(&User{}).Where("role = ? AND disabled = ?", RoleAdmin, false).Order("id").Pluck("id", &ids).Error; err != nil {
		return nil, fmt.Errorf("admins: %w", err)
	}
	return ids, nil
}
