package evaluation

import (
	"context"
	"fmt"
)

// notifyAsked tells the users of the plan's department that a request
// waits for their answer. It names the plan and the question, never who
// asked; one notification per request and user.
func notifyAsked(t *tx, m *MaterialRequest, p *Plan) error {
	usersOf, err := usersOfDepartments(t.DB, []int64{p.LeadDepartmentID})
	if err != nil {
		return err
	}
	var notes []Notification
	for _, u := range usersOf[p.LeadDepartmentID] {
		key := fmt.Sprintf("%s:q%d:u%d", NoticeRequestAsked, m.ID, u)
		notes = append(notes, Notification{UserID: u, Kind: NoticeRequestAsked, Title: "补充材料请求：" + p.Title,
			Body: fmt.Sprintf("评估组请贵单位就《%s》补充材料：“%s”。请在「补充材料」中答复并上传材料。", p.Title, ClipText(m.Question, 60)),
			Link: fmt.Sprintf("/requests/%d", m.ID), Entity: "request", EntityID: m.ID, DedupeKey: &key})
	}
	_, err = notifyOnce(t, notes)
	return err
}

// notifyAnswered tells the plan's evaluators in the round that a request was
// answered: the one who asked, and the others too, since every evaluator of
// the plan reads answered requests (one notification per request and user;
// edits of the answer notify nobody again).
func notifyAnswered(t *tx, m *MaterialRequest, p *Plan) error {
	var as []Assignment
	if err := t.Where("round_id = ? AND plan_id = ?", m.RoundID, m.PlanID).Order("id").Find(&as).Error; err != nil {
		return fmt.Errorf("request evaluators: %w", err)
	}
	var notes []Notification
	for _, a := range as {
		key := fmt.Sprintf("%s:q%d:u%d", NoticeRequestAnswered, m.ID, a.EvaluatorID)
		n := Notification{UserID: a.EvaluatorID, Kind: NoticeRequestAnswered, Title: "补充材料已答复：" + p.Title,
			Body: fmt.Sprintf("牵头部门已答复《%s》的补充材料请求：“%s”。", p.Title, ClipText(m.Question, 60)),
			Link: fmt.Sprintf("/tasks/%d", a.ID), Entity: "request", EntityID: m.ID, DedupeKey: &key}
		if a.EvaluatorID == m.AskedBy {
			n.Title = "您的补充材料请求已答复：" + p.Title
			n.Body = fmt.Sprintf("牵头部门已答复您就《%s》提出的补充材料请求：“%s”。", p.Title, ClipText(m.Question, 60))
		}
		notes = append(notes, n)
	}
	_, err := notifyOnce(t, notes)
	return err
}

// requestTodo is the actor's pending work on requests for more material:
// a department's open requests to answer (until publication), an
// evaluator's own open requests waiting for the answer.
func (s *Store) requestTodo(ctx context.Context, actor Actor) ([]TodoItem, error) {
	if actor.Role != RoleDepartment && actor.Role != RoleEvaluator {
		return nil, nil
	}
	q := requestQuery(s.read(ctx), actor).
		Where("material_requests.status = ? AND rounds.status IN ?", RequestOpen, []RoundStatus{RoundOpen, RoundScoringClosed})
	if actor.Role == RoleEvaluator {
		q = q.Where("material_requests.asked_by = ?", actor.UserID)
	}
	var rows []requestRow
	err := q.Order("material_requests.id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("request todo: %w", err)
	}
	items := make([]TodoItem, 0, len(rows))
	for _, r := range rows {
		it := TodoItem{Kind: "answer_request", Title: "答复《" + r.PlanTitle + "》的补充材料请求",
			Detail: ClipText(r.Question, 40), Link: fmt.Sprintf("/requests/%d", r.ID), Entity: "request", EntityID: r.ID, Count: 1}
		if actor.Role == RoleEvaluator {
			it.Kind, it.Title = "awaiting_answer", "等待部门答复：《"+r.PlanTitle+"》的补充材料请求"
			it.Link = "/tasks"
			if r.AssignmentID != nil {
				it.Link = fmt.Sprintf("/tasks/%d", *r.AssignmentID)
			}
		}
		items = append(items, it)
	}
	return items, nil
}
