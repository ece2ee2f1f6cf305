package evaluation

import (
	"context"
	"fmt"
)

// AddRequestAttachment stores an evidence file for the department's answer
// to a request for more material, until the round is published. The file is
// checked first (size, name, type by content); a refused file is not stored.
func (s *Store) AddRequestAttachment(ctx context.Context, actor Actor, requestID int64, up Upload) (*AttachmentView, error) {
	if s.blobs == nil {
		return nil, errNoBlobs
	}
	ev, err := judgeEvidence(up)
	if err != nil {
		return nil, err
	}
	if ev.refusal != "" {
		return nil, Invalid("file", ev.refusal)
	}
	// Check that the caller may attach before anything is stored.
	err = s.write(ctx, actor, func(t *tx) error {
		_, _, err := lockRequestForDepartment(t, actor, requestID)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := s.putEvidence(ctx, ev); err != nil {
		return nil, err
	}
	a := &Attachment{RequestID: &requestID, Name: up.Name, Size: up.Size, SHA256: ev.key, ContentType: ev.contentType,
		UploadedBy: actor.UserID}
	err = s.write(ctx, actor, func(t *tx) error {
		m, _, err := lockRequestForDepartment(t, actor, requestID)
		if err != nil {
			return err
		}
		if err := t.Create(a).Error; err != nil {
			return fmt.Errorf("create attachment: %w", err)
		}
		t.audit("attachment.add", "request", m.ID, nil, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	v := a.view()
	return &v, nil
}

// visibleRequestAttachment checks that the actor may see a file of a
// request: whoever may see the request, once it is answered; before, only
// the department (it is the draft of its answer).
func (s *Store) visibleRequestAttachment(ctx context.Context, actor Actor, a *Attachment) error {
	m, err := s.Request(ctx, actor, *a.RequestID)
	if err != nil {
		return err
	}
	if actor.Role != RoleDepartment && m.Status != RequestAnswered {
		return ErrNotFound
	}
	return nil
}

// deleteRequestAttachment removes a file from the department's answer while
// the request is still open: once answered, evaluators may have read it.
func deleteRequestAttachment(t *tx, actor Actor, a *Attachment) error {
	m, _, err := lockRequestForDepartment(t, actor, *a.RequestID)
	if err != nil {
		return err
	}
	if m.Status != RequestOpen {
		return conflictf("answered", "补充材料已答复，已上传的材料不能删除")
	}
	if err := t.Delete(a).Error; err != nil {
		return fmt.Errorf("delete attachment: %w", err)
	}
	t.audit("attachment.delete", "request", m.ID, a, nil)
	return nil
}
