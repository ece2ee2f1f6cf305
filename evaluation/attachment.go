package evaluation

import (
	"context"
	"fmt"
	"io"
	"time"

	"gorm.io/gorm"

	"github.com/evald/evald/evaluation/blobs"
)

// Attachment is an evidence file (佐证材料) a department handed in: for its
// response to a finding, its self-assessment (optionally tied to an
// indicator) or its answer to a request for more material — exactly one of
// the three owners is set. It is stored by its SHA-256 in the blob store.
// SubmittedIn is the response version that first carried it; until then
// it may be removed.
type Attachment struct {
	ID               int64
	FindingID        *int64
	SelfAssessmentID *int64
	RequestID        *int64
	IndicatorCode    string
	Name             string
	Size             int64
	SHA256           string `gorm:"column:sha256"`
	ContentType      string
	SubmittedIn      *int
	UploadedBy       int64
	CreatedAt        time.Time
}

// AttachmentView is an attachment as the API shows it.
type AttachmentView struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	ContentType string    `json:"content_type"`
	SubmittedIn *int      `json:"submitted_in"`
	CreatedAt   time.Time `json:"created_at"`
}

func (a *Attachment) view() AttachmentView {
	return AttachmentView{ID: a.ID, Name: a.Name, Size: a.Size, SHA256: a.SHA256, ContentType: a.ContentType,
		SubmittedIn: a.SubmittedIn, CreatedAt: a.CreatedAt}
}

// attachmentsOf lists the evidence of findings; drafts (not yet submitted)
// only when withDrafts, i.e. for the department itself.
func attachmentsOf(g *gorm.DB, findingIDs []int64, withDrafts bool) (map[int64][]AttachmentView, error) {
	q := g.Where("finding_id IN ?", findingIDs)
	if !withDrafts {
		q = q.Where("submitted_in IS NOT NULL")
	}
	var as []Attachment
	if err := q.Order("id").Find(&as).Error; err != nil {
		return nil, fmt.Errorf("attachments: %w", err)
	}
	out := map[int64][]AttachmentView{}
	for i := range as {
		id := *as[i].FindingID
		out[id] = append(out[id], as[i].view())
	}
	return out, nil
}

// MaxEvidenceSize is the largest evidence file accepted (20 MB).
const MaxEvidenceSize = blobs.MaxEvidenceSize

// errNoBlobs is returned when the store was built without a blob store.
var errNoBlobs = fmt.Errorf("evaluation: no blob store configured for evidence files")

// AddAttachment stores an evidence file for the department's draft response
// to a finding. The file is checked first (size, name, type by content);
// a refused file is not stored at all.
func (s *Store) AddAttachment(ctx context.Context, actor Actor, findingID int64, up Upload) (*AttachmentView, error) {
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
		f, _, _, err := deptFinding(t, actor, findingID)
		if err != nil {
			return err
		}
		return writableByDepartment(f)
	})
	if err != nil {
		return nil, err
	}
	if err := s.putEvidence(ctx, ev); err != nil {
		return nil, err
	}
	a := &Attachment{FindingID: &findingID, Name: up.Name, Size: up.Size, SHA256: ev.key, ContentType: ev.contentType, UploadedBy: actor.UserID}
	err = s.write(ctx, actor, func(t *tx) error {
		f, _, _, err := deptFinding(t, actor, findingID)
		if err != nil {
			return err
		}
		if err := writableByDepartment(f); err != nil {
			return err
		}
		if err := t.Create(a).Error; err != nil {
			return fmt.Errorf("create attachment: %w", err)
		}
		t.audit("attachment.add", "finding", f.ID, nil, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	v := a.view()
	return &v, nil
}

// visibleAttachment loads an attachment whose finding the actor may see;
// others than the department see only submitted evidence.
func (s *Store) visibleAttachment(ctx context.Context, actor Actor, id int64) (*Attachment, error) {
	var a Attachment
	if err := s.read(ctx).First(&a, id).Error; err != nil {
		return nil, notFound(err, "attachment")
	}
	if a.RequestID != nil { // a file of an answer to a request for more material
		if err := s.visibleRequestAttachment(ctx, actor, &a); err != nil {
			return nil, err
		}
		return &a, nil
	}
	if a.SelfAssessmentID != nil { // self_assessment_attachment.go
		if err := s.mayReadSelfAttachment(ctx, actor, &a); err != nil {
			return nil, err
		}
		return &a, nil
	}
	if a.FindingID == nil {
		return nil, ErrNotFound
	}
	if _, err := s.Finding(ctx, actor, *a.FindingID); err != nil {
		return nil, err
	}
	if actor.Role != RoleDepartment && a.SubmittedIn == nil {
		return nil, ErrNotFound
	}
	return &a, nil
}

// OpenAttachment returns an evidence file for whoever may see its finding.
func (s *Store) OpenAttachment(ctx context.Context, actor Actor, id int64) (*AttachmentView, io.ReadSeekCloser, error) {
	if s.blobs == nil {
		return nil, nil, errNoBlobs
	}
	a, err := s.visibleAttachment(ctx, actor, id)
	if err != nil {
		return nil, nil, err
	}
	rc, err := s.blobs.Open(ctx, a.SHA256)
	if err != nil {
		return nil, nil, fmt.Errorf("open evidence %d: %w", a.ID, err)
	}
	v := a.view()
	return &v, rc, nil
}

// DeleteAttachment removes evidence from the department's draft response;
// evidence that was part of a submitted response stays. The file itself is
// kept: files are stored by content and may be shared, and nothing a
// department uploaded is ever lost (the audit trail names it).
func (s *Store) DeleteAttachment(ctx context.Context, actor Actor, id int64) error {
	return s.write(ctx, actor, func(t *tx) error {
		var a Attachment
		if err := t.First(&a, id).Error; err != nil {
			return notFound(err, "attachment")
		}
		if a.RequestID != nil { // a file of an answer to a request for more material
			return deleteRequestAttachment(t, actor, &a)
		}
		if a.SelfAssessmentID != nil { // self_assessment_attachment.go
			return deleteSelfAttachment(t, actor, &a)
		}
		if a.FindingID == nil {
			return ErrNotFound
		}
		f, _, _, err := deptFinding(t, actor, *a.FindingID)
		if err != nil {
			return err
		}
		if a.SubmittedIn != nil || writableByDepartment(f) != nil {
			return conflictf("submitted", "该佐证材料已随整改回复提交，不能删除")
		}
		if err := t.Delete(&a).Error; err != nil {
			return fmt.Errorf("delete attachment: %w", err)
		}
		t.audit("attachment.delete", "finding", f.ID, a, nil)
		return nil
	})
}
