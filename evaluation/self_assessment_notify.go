package evaluation

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// Notification kinds of the self-assessment (自评).
const (
	NoticeSelfAssessmentOpen      NoticeKind = "self_assessment_open"      // the department has one to fill in
	NoticeSelfAssessmentDueSoon   NoticeKind = "self_assessment_due_soon"  // due within DueSoonDays
	NoticeSelfAssessmentOverdue   NoticeKind = "self_assessment_overdue"   // past due, not submitted
	NoticeSelfAssessmentReturned  NoticeKind = "self_assessment_returned"  // the office sent it back
	NoticeSelfAssessmentSubmitted NoticeKind = "self_assessment_submitted" // to the office: handed in
	NoticeSelfAssessmentExtended  NoticeKind = "self_assessment_extended"  // the office moved its due date
)

// officeUsers returns the active admins (the reform office).
func officeUsers(g *gorm.DB) ([]int64, error) {
	var ids []int64
	if err := g.Model(&User{}).Where("role = ? AND disabled = ?", RoleAdmin, false).Order("id").Pluck("id", &ids).Error; err != nil {
		return nil, fmt.Errorf("office users: %w", err)
	}
	return ids, nil
}

// planTitle returns a plan's title, for messages.
func planTitle(g *gorm.DB, planID int64) (string, error) {
	var p Plan
	if err := g.Select("title").First(&p, planID).Error; err != nil {
		return "", notFound(err, "plan")
	}
	return p.Title, nil
}

// notifySelfSubmitted tells the office a self-assessment was handed in.
func notifySelfSubmitted(t *tx, sa *SelfAssessment, r *Round) error {
	title, err := planTitle(t.DB, sa.PlanID)
	if err != nil {
		return err
	}
	admins, err := officeUsers(t.DB)
	if err != nil {
		return err
	}
	return notify(t, admins, Notification{Kind: NoticeSelfAssessmentSubmitted, Title: "部门自评已提交：" + title,
		Body: fmt.Sprintf("「%s」中《%s》的牵头部门已提交自评，可在轮次页面查看，如有问题可退回。", r.Name, title),
		Link: fmt.Sprintf("/rounds/%d", r.ID), Entity: "self_assessment", EntityID: sa.ID})
}

// notifySelfReturned tells the department why the office sent it back.
func notifySelfReturned(t *tx, sa *SelfAssessment) error {
	title, err := planTitle(t.DB, sa.PlanID)
	if err != nil {
		return err
	}
	users, err := departmentUsers(t.DB, sa.DepartmentID)
	if err != nil {
		return err
	}
	return notify(t, users, Notification{Kind: NoticeSelfAssessmentReturned, Title: "自评被退回：" + title,
		Body: fmt.Sprintf("改革办退回了《%s》的自评，意见：%s。请修改后重新提交。", title, ClipText(sa.Comment, 200)),
		Link: fmt.Sprintf("/self-assessments/%d", sa.ID), Entity: "self_assessment", EntityID: sa.ID})
}

// notifySelfExtended tells the department its new due date.
func notifySelfExtended(t *tx, sa *SelfAssessment, r *Round) error {
	title, err := planTitle(t.DB, sa.PlanID)
	if err != nil {
		return err
	}
	users, err := departmentUsers(t.DB, sa.DepartmentID)
	if err != nil {
		return err
	}
	return notify(t, users, Notification{Kind: NoticeSelfAssessmentExtended, Title: "自评已延期：" + title,
		Body: fmt.Sprintf("改革办将《%s》的自评截止日期延至%s。", title, sa.dueOn(r)),
		Link: fmt.Sprintf("/self-assessments/%d", sa.ID), Entity: "self_assessment", EntityID: sa.ID})
}

// selfDueRow is a self-assessment still owed, with what messages name.
type selfDueRow struct {
	SelfAssessment
	RoundName string
	RoundDue  *Date
	PlanTitle string
}

// owedSelfAssessments lists the self-assessments of open rounds that the
// departments still owe (pending or draft; a returned one has no deadline).
func owedSelfAssessments(g *gorm.DB, where string, args ...any) ([]selfDueRow, error) {
	var rows []selfDueRow
	q := g.Table("self_assessments").
		Select("self_assessments.*, rounds.name AS round_name, rounds.self_assessment_due AS round_due, plans.title AS plan_title").
		Joins("JOIN rounds ON rounds.id = self_assessments.round_id").
		Joins("JOIN plans ON plans.id = self_assessments.plan_id").
		Where("rounds.status = ? AND self_assessments.status IN ?", RoundOpen, []SelfAssessmentStatus{SelfPending, SelfDraft})
	if where != "" {
		q = q.Where(where, args...)
	}
	if err := q.Order("self_assessments.id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("owed self-assessments: %w", err)
	}
	return rows, nil
}

// sweepSelfAssessments reminds departments of self-assessments due within
// DueSoonDays and of overdue ones, once per self-assessment, user and due
// date (as SweepDeadlines does for findings).
func (s *Store) sweepSelfAssessments(ctx context.Context) (int, error) {
	today := s.Today()
	rows, err := owedSelfAssessments(s.read(ctx), "")
	if err != nil {
		return 0, err
	}
	var due []selfDueRow
	for _, row := range rows {
		if d := row.dueOn(&Round{SelfAssessmentDue: row.RoundDue}); d != "" && d <= today.AddDays(DueSoonDays) {
			due = append(due, row)
		}
	}
	if len(due) == 0 {
		return 0, nil
	}
	created := 0
	err = s.write(ctx, System, func(t *tx) error {
		depts := make([]int64, len(due))
		for i, row := range due {
			depts[i] = row.DepartmentID
		}
		usersOf, err := usersOfDepartments(t.DB, depts)
		if err != nil {
			return err
		}
		var notes []Notification
		for _, row := range due {
			d := row.dueOn(&Round{SelfAssessmentDue: row.RoundDue})
			n := Notification{Kind: NoticeSelfAssessmentDueSoon, Title: "自评即将截止：" + row.PlanTitle,
				Body: fmt.Sprintf("「%s」中《%s》的自评将于%s截止，请按时提交。", row.RoundName, row.PlanTitle, d),
				Link: fmt.Sprintf("/self-assessments/%d", row.ID), Entity: "self_assessment", EntityID: row.ID}
			if d < today {
				n.Kind, n.Title = NoticeSelfAssessmentOverdue, "自评已逾期："+row.PlanTitle
				n.Body = fmt.Sprintf("「%s」中《%s》的自评已于%s截止，尚未提交；如需延期请联系改革办。", row.RoundName, row.PlanTitle, d)
			}
			for _, u := range usersOf[row.DepartmentID] {
				n.UserID = u
				key := fmt.Sprintf("%s:s%d:u%d:%s", n.Kind, row.ID, u, d)
				n.DedupeKey = &key
				notes = append(notes, n)
			}
		}
		if created, err = notifyOnce(t, notes); err != nil {
			return err
		}
		if created > 0 {
			t.audit("notification.sweep", "system", 0, nil, map[string]any{"created": created, "today": today, "of": "self_assessments"})
		}
		return nil
	})
	return created, err
}

// selfAssessmentTodo is the department's self-assessments to fill in or
// resubmit, in open rounds.
func (s *Store) selfAssessmentTodo(ctx context.Context, actor Actor) ([]TodoItem, error) {
	today := s.Today()
	var rows []selfDueRow
	err := s.read(ctx).Table("self_assessments").
		Select("self_assessments.*, rounds.name AS round_name, rounds.self_assessment_due AS round_due, plans.title AS plan_title").
		Joins("JOIN rounds ON rounds.id = self_assessments.round_id").
		Joins("JOIN plans ON plans.id = self_assessments.plan_id").
		Where("rounds.status = ? AND self_assessments.department_id = ? AND self_assessments.status <> ?", RoundOpen, actor.OrgID, SelfSubmitted).
		Order("self_assessments.id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("todo: %w", err)
	}
	var items []TodoItem
	for _, row := range rows {
		it := TodoItem{Kind: "self_assessment", Title: "填写《" + row.PlanTitle + "》的部门自评", Detail: row.RoundName,
			Link: fmt.Sprintf("/self-assessments/%d", row.ID), Entity: "self_assessment", EntityID: row.ID, Count: 1}
		if row.Status == SelfReturned {
			it.Title = "修改被退回的自评：《" + row.PlanTitle + "》"
			it.Detail = "改革办意见：" + ClipText(row.Comment, 40)
		} else if d := row.dueOn(&Round{SelfAssessmentDue: row.RoundDue}); d != "" {
			it.DueOn, it.Overdue = &d, today > d
		}
		items = append(items, it)
	}
	return items, nil
}

// selfAssessmentOfficeTodo is, per open round, the self-assessments the
// office still waits for (not submitted).
func (s *Store) selfAssessmentOfficeTodo(ctx context.Context) ([]TodoItem, error) {
	today := s.Today()
	var rows []struct {
		RoundID   int64
		RoundName string
		RoundDue  *Date
		N         int
	}
	err := s.read(ctx).Table("self_assessments").
		Select("rounds.id AS round_id, rounds.name AS round_name, rounds.self_assessment_due AS round_due, COUNT(*) AS n").
		Joins("JOIN rounds ON rounds.id = self_assessments.round_id").
		Where("rounds.status = ? AND self_assessments.status <> ?", RoundOpen, SelfSubmitted).
		Group("rounds.id, rounds.name, rounds.self_assessment_due").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("todo: %w", err)
	}
	var items []TodoItem
	for _, r := range rows {
		it := TodoItem{Kind: "missing_self_assessments", Title: fmt.Sprintf("「%s」还有%d份部门自评未提交", r.RoundName, r.N),
			Link: fmt.Sprintf("/rounds/%d", r.RoundID), Entity: "round", EntityID: r.RoundID, Count: r.N}
		if r.RoundDue != nil {
			it.DueOn, it.Overdue = r.RoundDue, today > *r.RoundDue
		}
		items = append(items, it)
	}
	return items, nil
}

// selfAssessmentTodoOf is the actor's self-assessment work for Todo.
func (s *Store) selfAssessmentTodoOf(ctx context.Context, actor Actor) ([]TodoItem, error) {
	switch actor.Role {
	case RoleDepartment:
		return s.selfAssessmentTodo(ctx, actor)
	case RoleAdmin:
		return s.selfAssessmentOfficeTodo(ctx)
	}
	return nil, nil
}

// remindSelfAssessments adds, for the office's reminder of an open round,
// the departments whose self-assessments are not submitted yet.
func remindSelfAssessments(t *tx, r *Round, add func(users []int64, msg string)) error {
	if r.Status != RoundOpen || r.SelfAssessmentDue == nil {
		return nil
	}
	var counts []struct {
		ID int64
		N  int
	}
	if err := t.Model(&SelfAssessment{}).Select("department_id AS id, COUNT(*) AS n").
		Where("round_id = ? AND status <> ?", r.ID, SelfSubmitted).Group("department_id").Scan(&counts).Error; err != nil {
		return fmt.Errorf("remind self-assessments: %w", err)
	}
	ids := make([]int64, len(counts))
	for i, c := range counts {
		ids[i] = c.ID
	}
	usersOf, err := usersOfDepartments(t.DB, ids)
	if err != nil {
		return err
	}
	for _, c := range counts {
		add(usersOf[c.ID], fmt.Sprintf("贵单位还有%d份部门自评未提交（截止%s）", c.N, *r.SelfAssessmentDue))
	}
	return nil
}
