package evaluation

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Progress is how far a department has got with a finding's rectification.
type Progress string

// Rectification progress.
const (
	ProgressNotStarted Progress = "not_started"
	ProgressInProgress Progress = "in_progress"
	ProgressCompleted  Progress = "completed"
)

// ResponseStatus is the state of a department's working response.
type ResponseStatus string

// Response states.
const (
	ResponseDraft     ResponseStatus = "draft"     // being written (again, after a return)
	ResponseSubmitted ResponseStatus = "submitted" // awaiting or past its verdict
)

// Verdict is the evaluator's or the office's decision on a response.
type Verdict string

// Verdicts.
const (
	VerdictAccepted Verdict = "accepted" // 销号
	VerdictReturned Verdict = "returned" // 退回, the department answers again
)

// Response is a department's working answer to a finding (整改回复). Each
// submission is also kept as a ResponseVersion, never overwritten.
type Response struct {
	ID                int64
	FindingID         int64
	Status            ResponseStatus
	Version           int
	Measures          string
	ResponsiblePerson string
	Progress          Progress
	CompletedOn       *Date
	Evidence          string
	UpdatedBy         *int64
	SubmittedAt       *time.Time
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// ResponseVersion is one submitted response, as it was when submitted.
type ResponseVersion struct {
	ID                int64
	FindingID         int64
	Number            int
	Measures          string
	ResponsiblePerson string
	Progress          Progress
	CompletedOn       *Date
	Evidence          string
	Attachments       AttachmentRefs
	SubmittedBy       int64
	SubmittedAt       time.Time
}

// VerdictRecord is a verdict on one response version.
type VerdictRecord struct {
	ID                int64
	FindingID         int64
	ResponseVersionID int64
	Verdict           Verdict
	Comment           string
	VerifiedBy        int64
	VerifierRole      Role // as it was when the verdict was given
	VerifiedAt        time.Time
}

// TableName is the verdicts table.
func (VerdictRecord) TableName() string { return "verdicts" }

// AttachmentRef names an evidence file inside a response version.
type AttachmentRef struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// AttachmentRefs are stored as JSON text.
type AttachmentRefs []AttachmentRef

// Value stores the references as JSON.
func (a AttachmentRefs) Value() (driver.Value, error) { return jsonList([]AttachmentRef(a)) }

// Scan reads references stored as JSON.
func (a *AttachmentRefs) Scan(src any) error {
	b, err := jsonColumn(src, "attachment refs")
	if err != nil || b == nil {
		*a = AttachmentRefs{}
		return err
	}
	return json.Unmarshal(b, (*[]AttachmentRef)(a))
}

// ResponseRequest saves a department's draft response.
type ResponseRequest struct {
	Measures          string   `json:"measures" validate:"required,max=10000" text:"multiline"`
	ResponsiblePerson string   `json:"responsible_person" validate:"required,col=responses.responsible_person"`
	Progress          Progress `json:"progress" validate:"required,oneof=not_started in_progress completed"`
	CompletedOn       *string  `json:"completed_on" validate:"omitnil,datetime=2006-01-02"`
	Evidence          string   `json:"evidence" validate:"max=5000" text:"multiline"`
	Version           *int     `json:"version" validate:"omitnil,min=0"` // when given, a stale version is refused
}

// VerifyRequest gives a verdict on a submitted response.
type VerifyRequest struct {
	Verdict Verdict `json:"verdict" validate:"required,oneof=accepted returned"`
	Comment string  `json:"comment" validate:"max=5000" text:"multiline"`
}

// deptFinding loads and locks a finding for its lead department's writes:
// visible only once its round is published, writable until it is archived.
func deptFinding(t *tx, actor Actor, id int64) (*Finding, *Plan, *Round, error) {
	var f Finding
	if err := t.forUpdate().First(&f, id).Error; err != nil {
		return nil, nil, nil, notFound(err, "finding")
	}
	var p Plan
	if err := t.First(&p, f.PlanID).Error; err != nil {
		return nil, nil, nil, notFound(err, "plan")
	}
	var r Round
	if err := t.First(&r, f.RoundID).Error; err != nil {
		return nil, nil, nil, notFound(err, "round")
	}
	if p.LeadDepartmentID != actor.OrgID || (r.Status != RoundPublished && r.Status != RoundArchived) {
		return nil, nil, nil, ErrNotFound
	}
	if r.Status == RoundArchived {
		return nil, nil, nil, conflictf("archived", "轮次已归档，只能查看")
	}
	return &f, &p, &r, nil
}

// checkResponse enforces the rules beyond the request's shape.
func checkResponse(req ResponseRequest, today Date) error {
	errs := fieldErrors{}
	switch {
	case req.Progress == ProgressCompleted && req.CompletedOn == nil:
		errs.add("completed_on", "整改已完成的，请填写完成日期")
	case req.CompletedOn != nil && Date(*req.CompletedOn) > today:
		errs.add("completed_on", "完成日期不能晚于今天")
	}
	return errs.err()
}

// SaveResponse saves the lead department's draft answer to a finding that is
// open or was returned.
func (s *Store) SaveResponse(ctx context.Context, actor Actor, findingID int64, req ResponseRequest) (*ResponseView, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	if err := checkResponse(req, s.Today()); err != nil {
		return nil, err
	}
	var resp Response
	err := s.write(ctx, actor, func(t *tx) error {
		f, _, _, err := deptFinding(t, actor, findingID)
		if err != nil {
			return err
		}
		if err := writableByDepartment(f); err != nil {
			return err
		}
		err = t.forUpdate().Where("finding_id = ?", f.ID).First(&resp).Error
		exists := err == nil
		if err != nil && notFound(err, "response") != ErrNotFound {
			return fmt.Errorf("response: %w", err)
		}
		if exists && req.Version != nil && *req.Version != resp.Version {
			return ErrStaleVersion
		}
		before := resp
		resp.FindingID, resp.Status = f.ID, ResponseDraft
		resp.Measures, resp.ResponsiblePerson, resp.Progress, resp.Evidence = req.Measures, req.ResponsiblePerson, req.Progress, req.Evidence
		resp.CompletedOn = nil
		if req.CompletedOn != nil {
			d := Date(*req.CompletedOn)
			resp.CompletedOn = &d
		}
		resp.UpdatedBy = actor.idPtr()
		if !exists {
			resp.Version = 1
			if err := t.Create(&resp).Error; err != nil {
				return fmt.Errorf("create response: %w", err)
			}
			t.audit("response.save", "finding", f.ID, nil, resp)
			return nil
		}
		res := t.Model(&Response{}).Where("id = ? AND version = ?", resp.ID, resp.Version).Updates(map[string]any{
			"status": resp.Status, "measures": resp.Measures, "responsible_person": resp.ResponsiblePerson,
			"progress": resp.Progress, "completed_on": resp.CompletedOn, "evidence": resp.Evidence,
			"updated_by": resp.UpdatedBy, "version": resp.Version + 1, "updated_at": t.now})
		if res.Error != nil {
			return fmt.Errorf("update response: %w", res.Error)
		}
		if res.RowsAffected != 1 {
			return ErrStaleVersion
		}
		resp.Version++
		resp.UpdatedAt = t.now
		t.audit("response.save", "finding", f.ID, before, resp)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.responseView(ctx, actor, &resp)
}

// writableByDepartment allows a department to (re)write its answer only
// while the finding is open or was returned.
func writableByDepartment(f *Finding) error {
	switch f.Status {
	case FindingOpen, FindingReturned:
		return nil
	case FindingResponded:
		return conflictf("awaiting_verdict", "整改回复已提交，正在等待审核，暂不能修改")
	}
	return conflictf("accepted", "该问题已销号，不能再修改整改回复")
}

// SubmitResponse submits the department's draft: it becomes a new response
// version, its evidence is frozen, the finding is responded, and the
// evaluator who raised it is told a verdict is awaited.
func (s *Store) SubmitResponse(ctx context.Context, actor Actor, findingID int64, version *int) (*FindingView, error) {
	err := s.write(ctx, actor, func(t *tx) error {
		f, p, r, err := deptFinding(t, actor, findingID)
		if err != nil {
			return err
		}
		if err := writableByDepartment(f); err != nil {
			return err
		}
		var resp Response
		if err := t.forUpdate().Where("finding_id = ?", f.ID).First(&resp).Error; err != nil {
			if notFound(err, "response") == ErrNotFound {
				return Invalid("measures", "请先填写并保存整改措施")
			}
			return fmt.Errorf("response: %w", err)
		}
		if version != nil && *version != resp.Version {
			return ErrStaleVersion
		}
		if resp.Status != ResponseDraft {
			return conflictf("awaiting_verdict", "整改回复已提交，正在等待审核")
		}
		var atts []Attachment
		if err := t.Where("finding_id = ?", f.ID).Order("id").Find(&atts).Error; err != nil {
			return fmt.Errorf("attachments: %w", err)
		}
		var n int64
		if err := t.Model(&ResponseVersion{}).Where("finding_id = ?", f.ID).Count(&n).Error; err != nil {
			return fmt.Errorf("response versions: %w", err)
		}
		v := ResponseVersion{FindingID: f.ID, Number: int(n) + 1, Measures: resp.Measures,
			ResponsiblePerson: resp.ResponsiblePerson, Progress: resp.Progress, CompletedOn: resp.CompletedOn,
			Evidence: resp.Evidence, Attachments: AttachmentRefs{}, SubmittedBy: actor.UserID, SubmittedAt: t.now}
		for _, a := range atts {
			v.Attachments = append(v.Attachments, AttachmentRef{ID: a.ID, Name: a.Name, Size: a.Size, SHA256: a.SHA256})
		}
		if err := t.Create(&v).Error; err != nil {
			return fmt.Errorf("create response version: %w", err)
		}
		if err := t.Model(&Attachment{}).Where("finding_id = ? AND submitted_in IS NULL", f.ID).
			Update("submitted_in", v.Number).Error; err != nil {
			return fmt.Errorf("freeze attachments: %w", err)
		}
		before := resp
		now := t.now
		res := t.Model(&Response{}).Where("id = ? AND version = ?", resp.ID, resp.Version).
			Updates(map[string]any{"status": ResponseSubmitted, "submitted_at": now, "version": resp.Version + 1, "updated_at": now})
		if res.Error != nil || res.RowsAffected != 1 {
			return ErrStaleVersion
		}
		resp.Status, resp.SubmittedAt, resp.Version = ResponseSubmitted, &now, resp.Version+1
		if err := t.Model(f).Updates(map[string]any{"status": FindingResponded, "updated_at": now}).Error; err != nil {
			return fmt.Errorf("finding status: %w", err)
		}
		t.audit("response.submit", "finding", f.ID, before, v)
		return notify(t, []int64{f.EvaluatorID}, Notification{Kind: NoticeAwaitingVerdict,
			Title: "整改回复待审核：" + p.Title,
			Body: fmt.Sprintf("《%s》（%s）的牵头单位提交了第%d次整改回复，请审核。问题：%s",
				p.Title, r.Name, v.Number, ClipText(f.Description, 60)),
			Link: fmt.Sprintf("/findings/%d", f.ID), Entity: "finding", EntityID: f.ID})
	})
	if err != nil {
		return nil, err
	}
	return s.Finding(ctx, actor, findingID)
}

// Verify gives the verdict on a finding's submitted response: accepted
// closes it (销号), returned sends it back to the department with the
// comment. Admins may verify any finding; evaluators those they raised.
func (s *Store) Verify(ctx context.Context, actor Actor, findingID int64, req VerifyRequest) (*FindingView, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	if req.Verdict == VerdictReturned && req.Comment == "" {
		return nil, Invalid("comment", "退回时请填写退回意见")
	}
	err := s.write(ctx, actor, func(t *tx) error {
		var f Finding
		if err := t.forUpdate().First(&f, findingID).Error; err != nil {
			return notFound(err, "finding")
		}
		if actor.Role != RoleAdmin && f.EvaluatorID != actor.UserID {
			return ErrNotFound
		}
		var r Round
		if err := t.First(&r, f.RoundID).Error; err != nil {
			return notFound(err, "round")
		}
		switch {
		case r.Status == RoundArchived:
			return conflictf("archived", "轮次已归档，只能查看")
		case r.Status != RoundPublished:
			return conflictf("wrong_state", "轮次尚未发布，没有可审核的整改回复")
		case f.Status != FindingResponded:
			return conflictf("not_responded", "该问题当前没有待审核的整改回复")
		}
		var v ResponseVersion
		if err := t.Where("finding_id = ?", f.ID).Order("number DESC").First(&v).Error; err != nil {
			return notFound(err, "response version")
		}
		rec := VerdictRecord{FindingID: f.ID, ResponseVersionID: v.ID, Verdict: req.Verdict, Comment: req.Comment,
			VerifiedBy: actor.UserID, VerifierRole: actor.Role, VerifiedAt: t.now}
		if err := t.Create(&rec).Error; err != nil {
			return fmt.Errorf("create verdict: %w", err)
		}
		before := f
		status := FindingAccepted
		if req.Verdict == VerdictReturned {
			status = FindingReturned
			if err := t.Model(&Response{}).Where("finding_id = ?", f.ID).
				Updates(map[string]any{"status": ResponseDraft, "updated_at": t.now}).Error; err != nil {
				return fmt.Errorf("return response: %w", err)
			}
		}
		if err := t.Model(&f).Updates(map[string]any{"status": status, "updated_at": t.now}).Error; err != nil {
			return fmt.Errorf("finding status: %w", err)
		}
		f.Status = status
		t.audit("finding.verify", "finding", f.ID, before, map[string]any{"finding": f, "verdict": rec})
		var p Plan
		if err := t.First(&p, f.PlanID).Error; err != nil {
			return notFound(err, "plan")
		}
		users, err := departmentUsers(t.DB, p.LeadDepartmentID)
		if err != nil {
			return err
		}
		n := Notification{Kind: NoticeAccepted, Title: "整改已通过审核（销号）：" + p.Title,
			Body: fmt.Sprintf("《%s》的问题“%s”的第%d次整改回复已通过审核，予以销号。", p.Title, ClipText(f.Description, 60), v.Number),
			Link: fmt.Sprintf("/findings/%d", f.ID), Entity: "finding", EntityID: f.ID}
		if status == FindingReturned {
			n.Kind, n.Title = NoticeReturned, "整改回复被退回："+p.Title
			n.Body = fmt.Sprintf("《%s》的问题“%s”的第%d次整改回复被退回，请按意见修改后重新提交。退回意见：%s",
				p.Title, ClipText(f.Description, 60), v.Number, req.Comment)
		}
		return notify(t, users, n)
	})
	if err != nil {
		return nil, err
	}
	return s.Finding(ctx, actor, findingID)
}

// departmentUsers returns the active users of a department.
func departmentUsers(g *gorm.DB, deptID int64) ([]int64, error) {
	byDept, err := usersOfDepartments(g, []int64{deptID})
	return byDept[deptID], err
}

// usersOfDepartments returns the active users of several departments in one query.
func usersOfDepartments(g *gorm.DB, deptIDs []int64) (map[int64][]int64, error) {
	var rows []struct {
		ID    int64
		OrgID int64
	}
	err := g.Model(&User{}).Select("id, org_id").
		Where("org_id IN ? AND role = ? AND disabled = ?", deptIDs, RoleDepartment, false).Order("id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("department users: %w", err)
	}
	out := map[int64][]int64{}
	for _, r := range rows {
		out[r.OrgID] = append(out[r.OrgID], r.ID)
	}
	return out, nil
}
