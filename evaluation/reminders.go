package evaluation

import (
	"context"
	"fmt"
	"sort"
)

// notifyPublished tells every department of a round being published how many
// findings it must rectify, and by when.
func notifyPublished(t *tx, r *Round) error {
	type row struct {
		DepartmentID int64
		Findings     int
		Plans        int
		FirstDue     Date
	}
	var rows []row
	err := t.Table("findings").
		Select("plans.lead_department_id AS department_id, COUNT(*) AS findings, COUNT(DISTINCT findings.plan_id) AS plans, MIN(findings.due_on) AS first_due").
		Joins("JOIN plans ON plans.id = findings.plan_id").
		Where("findings.round_id = ?", r.ID).Group("plans.lead_department_id").Order("plans.lead_department_id").Scan(&rows).Error
	if err != nil {
		return fmt.Errorf("notify published: %w", err)
	}
	ids := make([]int64, len(rows))
	for i, d := range rows {
		ids[i] = d.DepartmentID
	}
	usersOf, err := usersOfDepartments(t.DB, ids)
	if err != nil {
		return err
	}
	for _, d := range rows {
		err = notify(t, usersOf[d.DepartmentID], Notification{Kind: NoticePublished, Title: "评估问题已发布：" + r.Name,
			Body: fmt.Sprintf("「%s」评估结果已发布。贵单位牵头的%d个方案共有%d个问题需要整改，最早的整改期限为%s，请及时提交整改回复。",
				r.Name, d.Plans, d.Findings, d.FirstDue),
			Link: fmt.Sprintf("/findings?round_id=%d", r.ID), Entity: "round", EntityID: r.ID})
		if err != nil {
			return err
		}
	}
	return nil
}

// SweepDeadlines reminds departments of findings due within DueSoonDays and
// of overdue ones, once per finding, user and due date, and likewise of
// self-assessments (sweepSelfAssessments). The server runs it periodically;
// it is safe to run on several replicas at once.
func (s *Store) SweepDeadlines(ctx context.Context) (int, error) {
	selfCreated, err := s.sweepSelfAssessments(ctx)
	if err != nil {
		return 0, err
	}
	created, err := s.sweepFindingDeadlines(ctx)
	return selfCreated + created, err
}

// sweepFindingDeadlines reminds departments of findings due soon or overdue.
func (s *Store) sweepFindingDeadlines(ctx context.Context) (int, error) {
	today := s.Today()
	type row struct {
		Finding
		PlanTitle        string
		LeadDepartmentID int64
	}
	var rows []row
	err := s.read(ctx).Table("findings").
		Select("findings.*, plans.title AS plan_title, plans.lead_department_id").
		Joins("JOIN plans ON plans.id = findings.plan_id").
		Joins("JOIN rounds ON rounds.id = findings.round_id").
		Where("rounds.status = ? AND findings.status IN ? AND findings.due_on IS NOT NULL AND findings.due_on <= ?",
			RoundPublished, []FindingStatus{FindingOpen, FindingReturned}, today.AddDays(DueSoonDays)).
		Order("findings.id").Find(&rows).Error
	if err != nil {
		return 0, fmt.Errorf("sweep deadlines: %w", err)
	}
	if len(rows) == 0 {
		return 0, nil
	}
	created := 0
	err = s.write(ctx, System, func(t *tx) error {
		var depts []int64
		for _, f := range rows {
			depts = append(depts, f.LeadDepartmentID)
		}
		usersOf, err := usersOfDepartments(t.DB, depts)
		if err != nil {
			return err
		}
		var notes []Notification
		for _, f := range rows {
			n := Notification{Kind: NoticeDueSoon, Title: "整改即将到期：" + f.PlanTitle,
				Body: fmt.Sprintf("《%s》的问题“%s”将于%s到期，请在期限内提交整改回复。", f.PlanTitle, ClipText(f.Description, 60), *f.DueOn),
				Link: fmt.Sprintf("/findings/%d", f.ID), Entity: "finding", EntityID: f.ID}
			if *f.DueOn < today {
				n.Kind, n.Title = NoticeOverdue, "整改已逾期："+f.PlanTitle
				n.Body = fmt.Sprintf("《%s》的问题“%s”的整改期限%s已过，请尽快提交整改回复。", f.PlanTitle, ClipText(f.Description, 60), *f.DueOn)
			}
			for _, u := range usersOf[f.LeadDepartmentID] {
				n.UserID = u
				key := fmt.Sprintf("%s:f%d:u%d:%s", n.Kind, f.ID, u, *f.DueOn)
				n.DedupeKey = &key
				notes = append(notes, n)
			}
		}
		if created, err = notifyOnce(t, notes); err != nil {
			return err
		}
		if created > 0 {
			t.audit("notification.sweep", "system", 0, nil, map[string]any{"created": created, "today": today})
		}
		return nil
	})
	return created, err
}

// RemindResult says how many people a reminder reached.
type RemindResult struct {
	Notified int `json:"notified"`
}

// RemindRequest is the optional body of POST /rounds/{id}/remind: without
// evaluator ids everyone who owes work is reminded; with them only those
// evaluators (the laggards the office selected).
type RemindRequest struct {
	EvaluatorIDs []int64 `json:"evaluator_ids" validate:"max=1000"`
}

// Remind chases everyone who still owes work in a round: evaluators with
// unsubmitted scoresheets (while scoring is possible for them), departments
// with self-assessments not submitted (while the round is open) or with open
// or returned findings, and evaluators with responses awaiting
// their verdict. Each person gets one message summing up what they owe.
// With req.EvaluatorIDs only those evaluators are reminded; each must be
// assigned in the round.
func (s *Store) Remind(ctx context.Context, actor Actor, roundID int64, req RemindRequest) (*RemindResult, error) {
	res := &RemindResult{}
	err := s.write(ctx, actor, func(t *tx) error {
		var r Round
		if err := t.First(&r, roundID).Error; err != nil {
			return notFound(err, "round")
		}
		if r.Status == RoundDraft || r.Status == RoundArchived {
			return conflictf("wrong_state", "轮次状态为「%s」，没有需要催办的事项", roundStatusNames[r.Status])
		}
		selected, err := remindSelection(t, r.ID, req.EvaluatorIDs)
		if err != nil {
			return err
		}
		messages := map[int64][]string{}
		add := func(users []int64, msg string) {
			for _, u := range users {
				messages[u] = append(messages[u], msg)
			}
		}
		type count struct {
			ID int64
			N  int
		}
		var sheets []count
		q := t.Table("assignments").Select("assignments.evaluator_id AS id, COUNT(*) AS n").
			Joins("JOIN scoresheets ON scoresheets.assignment_id = assignments.id").
			Where("assignments.round_id = ? AND scoresheets.status = ?", r.ID, SheetDraft)
		switch r.Status {
		case RoundOpen:
		case RoundScoringClosed:
			q = q.Where("scoresheets.reopened = ?", true)
		default:
			q = q.Where("1 = 0")
		}
		if err := q.Group("assignments.evaluator_id").Scan(&sheets).Error; err != nil {
			return fmt.Errorf("remind scoresheets: %w", err)
		}
		for _, c := range sheets {
			add([]int64{c.ID}, fmt.Sprintf("您还有%d份评分表未提交（截止%s）", c.N, r.ScoringDue))
		}
		if err := remindSelfAssessments(t, &r, add); err != nil { // self_assessment_notify.go
			return err
		}
		if r.Status == RoundPublished {
			var depts []count
			if err := t.Table("findings").Select("plans.lead_department_id AS id, COUNT(*) AS n").
				Joins("JOIN plans ON plans.id = findings.plan_id").
				Where("findings.round_id = ? AND findings.status IN ?", r.ID, []FindingStatus{FindingOpen, FindingReturned}).
				Group("plans.lead_department_id").Scan(&depts).Error; err != nil {
				return fmt.Errorf("remind departments: %w", err)
			}
			ids := make([]int64, len(depts))
			for i, c := range depts {
				ids[i] = c.ID
			}
			usersOf, err := usersOfDepartments(t.DB, ids)
			if err != nil {
				return err
			}
			for _, c := range depts {
				add(usersOf[c.ID], fmt.Sprintf("贵单位还有%d个问题待整改或需重新提交整改回复", c.N))
			}
			var verdicts []count
			if err := t.Table("findings").Select("findings.evaluator_id AS id, COUNT(*) AS n").
				Where("findings.round_id = ? AND findings.status = ?", r.ID, FindingResponded).
				Group("findings.evaluator_id").Scan(&verdicts).Error; err != nil {
				return fmt.Errorf("remind verdicts: %w", err)
			}
			for _, c := range verdicts {
				add([]int64{c.ID}, fmt.Sprintf("您还有%d条整改回复待审核", c.N))
			}
		}
		users := make([]int64, 0, len(messages))
		for u := range messages {
			if selected == nil || selected[u] {
				users = append(users, u)
			}
		}
		sort.Slice(users, func(i, j int) bool { return users[i] < users[j] })
		for _, u := range users {
			body := fmt.Sprintf("改革办提醒（「%s」）：", r.Name)
			for i, m := range messages[u] {
				if i > 0 {
					body += "；"
				}
				body += m
			}
			err := notify(t, []int64{u}, Notification{Kind: NoticeReminder, Title: "催办提醒：" + r.Name, Body: body + "。",
				Link: "/", Entity: "round", EntityID: r.ID})
			if err != nil {
				return err
			}
		}
		res.Notified = len(users)
		after := map[string]any{"notified": users}
		if selected != nil {
			after["selected"] = req.EvaluatorIDs
		}
		t.audit("round.remind", "round", r.ID, nil, after)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// remindSelection returns the evaluators a reminder is limited to (nil: no
// limit), refusing any who has no assignment in the round.
func remindSelection(t *tx, roundID int64, ids []int64) (map[int64]bool, error) {
	if ids == nil {
		return nil, nil
	}
	if len(ids) == 0 || len(ids) > 1000 {
		return nil, Invalid("evaluator_ids", "请选择1至1000名评估人员")
	}
	var assigned []int64
	if err := t.Model(&Assignment{}).Distinct("evaluator_id").Where("round_id = ? AND evaluator_id IN ?", roundID, ids).
		Pluck("evaluator_id", &assigned).Error; err != nil {
		return nil, fmt.Errorf("remind selection: %w", err)
	}
	selected := make(map[int64]bool, len(assigned))
	for _, id := range assigned {
		selected[id] = true
	}
	for i, id := range ids {
		if !selected[id] {
			return nil, Invalid(fmt.Sprintf("evaluator_ids[%d]", i), "该人员在本轮次没有评估任务")
		}
	}
	return selected, nil
}
