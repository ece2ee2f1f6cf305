package evaluation

import (
	"context"
	"fmt"
	"sort"
)

// TodoItem is a piece of pending work of the caller's.
type TodoItem struct {
	Kind     string `json:"kind"` // scoresheet, verify, respond, narrative, self_assessment, answer_request, awaiting_answer, missing_scoresheets, awaiting_verdicts, awaiting_narratives, missing_self_assessments
	Title    string `json:"title"`
	Detail   string `json:"detail"`
	DueOn    *Date  `json:"due_on"`
	Overdue  bool   `json:"overdue"`
	Link     string `json:"link"`
	Entity   string `json:"entity"`
	EntityID int64  `json:"entity_id"`
	Count    int    `json:"count"`
}

// Todo returns the actor's pending work, most urgent first: overdue items,
// then by due date (items without one last).
//   - evaluator: unsubmitted assignments; responses awaiting their verdict
//   - department: open and returned findings with their due dates
//   - admin: missing scoresheets and responses awaiting a verdict, per round
//   - viewer: nothing (read-only)
//
// Requests for more material add their items (requestTodo).
func (s *Store) Todo(ctx context.Context, actor Actor) ([]TodoItem, error) {
	var items []TodoItem
	var err error
	switch actor.Role {
	case RoleEvaluator:
		items, err = s.evaluatorTodo(ctx, actor)
	case RoleDepartment:
		items, err = s.departmentTodo(ctx, actor)
	case RoleAdmin:
		items, err = s.adminTodo(ctx)
	}
	if err != nil {
		return nil, err
	}
	requests, err := s.requestTodo(ctx, actor)
	if err != nil {
		return nil, err
	}
	items = append(items, requests...)
	selfItems, err := s.selfAssessmentTodoOf(ctx, actor) // self_assessment_notify.go
	if err != nil {
		return nil, err
	}
	items = append(items, selfItems...)
	if items == nil {
		items = []TodoItem{}
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		switch {
		case a.Overdue != b.Overdue:
			return a.Overdue
		case (a.DueOn == nil) != (b.DueOn == nil):
			return b.DueOn == nil
		case a.DueOn != nil && *a.DueOn != *b.DueOn:
			return *a.DueOn < *b.DueOn
		}
		return false
	})
	return items, nil
}

func (s *Store) evaluatorTodo(ctx context.Context, actor Actor) ([]TodoItem, error) {
	today := s.Today()
	var items []TodoItem
	var rows []assignmentRow
	err := assignmentQuery(s.read(ctx)).
		Where("assignments.evaluator_id = ? AND scoresheets.status = ?", actor.UserID, SheetDraft).
		Where("rounds.status = ? OR (rounds.status = ? AND scoresheets.reopened = ?)", RoundOpen, RoundScoringClosed, true).
		Order("rounds.scoring_due, assignments.id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("todo: %w", err)
	}
	for _, r := range rows {
		due := r.ScoringDue
		title := "为《" + r.PlanTitle + "》评分"
		if r.Reopened {
			title = "更正已重新开放的评分表：《" + r.PlanTitle + "》"
		}
		items = append(items, TodoItem{Kind: "scoresheet", Title: title, Detail: r.RoundName, DueOn: &due,
			Overdue: !r.Reopened && today > due, Link: fmt.Sprintf("/tasks/%d", r.ID), Entity: "assignment", EntityID: r.ID, Count: 1})
	}
	narratives, err := s.leadTodo(ctx, actor)
	if err != nil {
		return nil, err
	}
	items = append(items, narratives...)
	awaiting, err := s.Findings(ctx, actor, FindingFilter{Status: FindingResponded, Page: Page{PerPage: MaxPerPage}})
	if err != nil {
		return nil, err
	}
	for _, f := range awaiting.Items {
		items = append(items, TodoItem{Kind: "verify", Title: "审核《" + f.Plan.Title + "》的整改回复",
			Detail: ClipText(f.Description, 40), Link: fmt.Sprintf("/findings/%d", f.ID), Entity: "finding", EntityID: f.ID, Count: 1})
	}
	return items, nil
}

func (s *Store) departmentTodo(ctx context.Context, actor Actor) ([]TodoItem, error) {
	var items []TodoItem
	for _, st := range []FindingStatus{FindingOpen, FindingReturned} {
		list, err := s.Findings(ctx, actor, FindingFilter{Status: st, Page: Page{PerPage: MaxPerPage}})
		if err != nil {
			return nil, err
		}
		for _, f := range list.Items {
			if f.Round.Status != RoundPublished {
				continue
			}
			title := "整改《" + f.Plan.Title + "》的问题"
			if st == FindingReturned {
				title = "重新提交被退回的整改回复：《" + f.Plan.Title + "》"
			}
			items = append(items, TodoItem{Kind: "respond", Title: title, Detail: ClipText(f.Description, 40), DueOn: f.DueOn,
				Overdue: f.Overdue, Link: fmt.Sprintf("/findings/%d", f.ID), Entity: "finding", EntityID: f.ID, Count: 1})
		}
	}
	return items, nil
}

func (s *Store) adminTodo(ctx context.Context) ([]TodoItem, error) {
	today := s.Today()
	type row struct {
		RoundID    int64
		RoundName  string
		ScoringDue Date
		N          int
	}
	var missing []row
	err := s.read(ctx).Table("assignments").
		Select("rounds.id AS round_id, rounds.name AS round_name, rounds.scoring_due, COUNT(*) AS n").
		Joins("JOIN rounds ON rounds.id = assignments.round_id").
		Joins("JOIN scoresheets ON scoresheets.assignment_id = assignments.id").
		Where("scoresheets.status = ? AND (rounds.status = ? OR (rounds.status = ? AND scoresheets.reopened = ?))",
			SheetDraft, RoundOpen, RoundScoringClosed, true).
		Group("rounds.id, rounds.name, rounds.scoring_due").Scan(&missing).Error
	if err != nil {
		return nil, fmt.Errorf("todo: %w", err)
	}
	var items []TodoItem
	for _, m := range missing {
		due := m.ScoringDue
		items = append(items, TodoItem{Kind: "missing_scoresheets", Title: fmt.Sprintf("「%s」还有%d份评分表未提交", m.RoundName, m.N),
			DueOn: &due, Overdue: today > due, Link: fmt.Sprintf("/rounds/%d", m.RoundID), Entity: "round", EntityID: m.RoundID, Count: m.N})
	}
	var awaiting []row
	err = s.read(ctx).Table("findings").Select("rounds.id AS round_id, rounds.name AS round_name, COUNT(*) AS n").
		Joins("JOIN rounds ON rounds.id = findings.round_id").
		Where("findings.status = ? AND rounds.status = ?", FindingResponded, RoundPublished).
		Group("rounds.id, rounds.name").Scan(&awaiting).Error
	if err != nil {
		return nil, fmt.Errorf("todo: %w", err)
	}
	narratives, err := s.narrativesTodo(ctx)
	if err != nil {
		return nil, err
	}
	items = append(items, narratives...)
	for _, a := range awaiting {
		items = append(items, TodoItem{Kind: "awaiting_verdicts", Title: fmt.Sprintf("「%s」有%d条整改回复待审核", a.RoundName, a.N),
			Link: fmt.Sprintf("/findings?round_id=%d&status=responded", a.RoundID), Entity: "round", EntityID: a.RoundID, Count: a.N})
	}
	return items, nil
}

// leadTodo lists the conclusions the evaluator writes as a plan's lead and
// has not submitted (never saved, draft or returned), in open or
// scoring-closed rounds.
func (s *Store) leadTodo(ctx context.Context, actor Actor) ([]TodoItem, error) {
	var rows []struct {
		ID        int64
		RoundName string
		PlanTitle string
		Status    *NarrativeStatus
	}
	err := s.read(ctx).Table("assignments").
		Select("assignments.id, rounds.name AS round_name, plans.title AS plan_title, narratives.status").
		Joins("JOIN rounds ON rounds.id = assignments.round_id").
		Joins("JOIN plans ON plans.id = assignments.plan_id").
		Joins("LEFT JOIN narratives ON narratives.round_id = assignments.round_id AND narratives.plan_id = assignments.plan_id").
		Where("assignments.evaluator_id = ? AND assignments.lead IS NOT NULL AND rounds.status IN ?", actor.UserID,
			[]RoundStatus{RoundOpen, RoundScoringClosed}).
		Where("narratives.status IS NULL OR narratives.status IN ?", []NarrativeStatus{NarrativeDraft, NarrativeReturned}).
		Order("assignments.id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("todo: %w", err)
	}
	items := make([]TodoItem, 0, len(rows))
	for _, r := range rows {
		title := "撰写《" + r.PlanTitle + "》的评估结论"
		if r.Status != nil && *r.Status == NarrativeReturned {
			title = "修改被退回的评估结论：《" + r.PlanTitle + "》"
		}
		items = append(items, TodoItem{Kind: "narrative", Title: title, Detail: r.RoundName, Link: narrativeEditLink(r.ID),
			Entity: "assignment", EntityID: r.ID, Count: 1})
	}
	return items, nil
}

// narrativesTodo counts, per round, the conclusions submitted and waiting
// for the office's approval.
func (s *Store) narrativesTodo(ctx context.Context) ([]TodoItem, error) {
	var rows []struct {
		RoundID   int64
		RoundName string
		N         int
	}
	err := s.read(ctx).Table("narratives").Select("rounds.id AS round_id, rounds.name AS round_name, COUNT(*) AS n").
		Joins("JOIN rounds ON rounds.id = narratives.round_id").
		Where("narratives.status = ? AND rounds.status IN ?", NarrativeSubmitted, []RoundStatus{RoundOpen, RoundScoringClosed}).
		Group("rounds.id, rounds.name").Order("rounds.id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("todo: %w", err)
	}
	items := make([]TodoItem, 0, len(rows))
	for _, r := range rows {
		items = append(items, TodoItem{Kind: "awaiting_narratives", Title: fmt.Sprintf("「%s」有%d份评估结论待审定", r.RoundName, r.N),
			Link: fmt.Sprintf("/rounds/%d?tab=narratives", r.RoundID), Entity: "round", EntityID: r.RoundID, Count: r.N})
	}
	return items, nil
}
