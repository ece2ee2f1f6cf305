package evaluation

import (
	"context"
	"fmt"
)

// AddSelfAttachment stores an evidence file for the department's
// self-assessment, tied to an indicator of the round's template when
// indicatorCode is given. The rules are those of rectification evidence
// (AddAttachment): checked before it is stored, kept by its SHA-256.
func (s *Store) AddSelfAttachment(ctx context.Context, actor Actor, id int64, indicatorCode string, up Upload) (*SelfAttachment, error) {
	if s.blobs == nil {
		return nil, errNoBlobs
	}
	indicatorCode = NormalizeLine(indicatorCode)
	ev, err := judgeEvidence(up)
	if err != nil {
		return nil, err
	}
	a := &Attachment{SelfAssessmentID: &id, IndicatorCode: indicatorCode, Name: up.Name, Size: up.Size, SHA256: ev.key,
		ContentType: ev.contentType, UploadedBy: actor.UserID}
	check := func(t *tx) (*SelfAssessment, error) {
		sa, r, err := lockOwnSelf(t, actor, id)
		if err != nil {
			return nil, err
		}
		if indicatorCode != "" {
			tpl, err := roundTemplate(t.DB, r)
			if err != nil {
				return nil, err
			}
			if _, ok := tpl.Indicator(indicatorCode); !ok {
				return nil, Invalid("indicator_code", "指标「"+indicatorCode+"」不在本轮指标体系中")
			}
		}
		return sa, nil
	}
	// Check that the caller may attach before anything is stored.
	if err := s.write(ctx, actor, func(t *tx) error { _, err := check(t); return err }); err != nil {
		return nil, err
	}
	if ev.refusal != "" {
		return nil, Invalid("file", ev.refusal)
	}
	if err := s.putEvidence(ctx, ev); err != nil {
		return nil, err
	}
	err = s.write(ctx, actor, func(t *tx) error {
		sa, err := check(t)
		if err != nil {
			return err
		}
		if err := t.Create(a).Error; err != nil {
			return fmt.Errorf("create attachment: %w", err)
		}
		t.audit("attachment.add", "self_assessment", sa.ID, nil, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	v := a.selfView()
	return &v, nil
}

// mayReadSelfAttachment: an evidence file of a self-assessment is seen by
// whoever may see the self-assessment (SelfAssessment).
func (s *Store) mayReadSelfAttachment(ctx context.Context, actor Actor, a *Attachment) error {
	_, err := s.SelfAssessment(ctx, actor, *a.SelfAssessmentID)
	return err
}

// deleteSelfAttachment removes a file from the department's self-assessment
// while it may still write it (not submitted).
func deleteSelfAttachment(t *tx, actor Actor, a *Attachment) error {
	sa, _, err := lockOwnSelf(t, actor, *a.SelfAssessmentID)
	if err != nil {
		return err
	}
	if err := t.Delete(a).Error; err != nil {
		return fmt.Errorf("delete attachment: %w", err)
	}
	t.audit("attachment.delete", "self_assessment", sa.ID, a, nil)
	return nil
}
