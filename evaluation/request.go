package evaluation

import (
	"context"
	"fmt"
	"slices"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// RequestStatus is where a request for more material stands.
type RequestStatus string

// Request states.
const (
	RequestOpen     RequestStatus = "open"     // asked, not answered yet
	RequestAnswered RequestStatus = "answered" // the department answered (and may still edit until publication)
)

// Limits of a request's texts, in characters.
const (
	MaxQuestionLength = 2000
	MaxAnswerLength   = 10000
)

// Notification kinds of requests for more material.
const (
	NoticeRequestAsked    NoticeKind = "request_asked"    // a department has a question to answer
	NoticeRequestAnswered NoticeKind = "request_answered" // an evaluator can read an answer
)

// MaterialRequest is an evaluator's request for more material (补充材料)
// on a plan, answered by the plan's lead department. AskedBy is kept for the
// office only: departments never learn who asked (DESIGN.md).
type MaterialRequest struct {
	ID           int64
	RoundID      int64
	PlanID       int64
	AssignmentID *int64 // null once the assignment is deleted
	AskedBy      int64
	Question     string
	Status       RequestStatus
	Answer       string
	AnsweredAt   *time.Time
	AnsweredBy   *int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// TableName is the material_requests table.
func (MaterialRequest) TableName() string { return "material_requests" }

// RequestAsk is an evaluator's question.
type RequestAsk struct {
	Question string `json:"question" text:"multiline"`
}

// RequestAnswer is the department's answer.
type RequestAnswer struct {
	Answer string `json:"answer" text:"multiline"`
}

// checkText refuses an empty text or one longer than limit characters.
func checkText(field, label, s string, limit int) error {
	switch {
	case s == "":
		return Invalid(field, label+"不能为空")
	case utf8.RuneCountInString(s) > limit:
		return Invalid(field, fmt.Sprintf("%s长度不能超过%d个字符", label, limit))
	}
	return nil
}

// RequestAsker is who asked, as only the office sees it.
type RequestAsker struct {
	ID           int64  `json:"id"`
	DisplayName  string `json:"display_name"`
	AgencyID     int64  `json:"agency_id"`
	AgencyName   string `json:"agency_name"`
	AssignmentID *int64 `json:"assignment_id"`
}

// RequestView is a request as its reader may see it: the department never
// sees who asked (no asker, assignment or evaluator), evaluators see only
// whether they asked it themselves, and only the department sees the files
// of a request it has not answered yet (its draft).
type RequestView struct {
	ID          int64            `json:"id"`
	RoundID     int64            `json:"round_id"`
	Round       RoundRef         `json:"round"`
	PlanID      int64            `json:"plan_id"`
	Plan        PlanRef          `json:"plan"`
	Question    string           `json:"question"`
	Status      RequestStatus    `json:"status"`
	Answer      string           `json:"answer"`
	AnsweredAt  *time.Time       `json:"answered_at"`
	CreatedAt   time.Time        `json:"created_at"`
	Attachments []AttachmentView `json:"attachments"`
	Mine        *bool            `json:"mine,omitempty"`     // evaluators: asked by the reader
	AskedBy     *RequestAsker    `json:"asked_by,omitempty"` // the office only
}

// requestStates is the phase rule of requests: the phase rule of reading
// (readableStates), except that a department sees the requests on its plans
// from the round's opening, since it answers them before publication.
func requestStates(role Role) []RoundStatus {
	if role == RoleDepartment {
		return []RoundStatus{RoundOpen, RoundScoringClosed, RoundPublished, RoundArchived}
	}
	return readableStates[role]
}

// requestRow is the flat result of the request query.
type requestRow struct {
	MaterialRequest
	RoundName        string
	RoundStatus      RoundStatus
	PlanCode         string
	PlanTitle        string
	LeadDepartmentID int64
}

// requestQuery selects the requests the actor may see, with their round and
// plan: the office all; a department those on its plans; an evaluator, on
// the plans assigned to them, the open ones they asked and every answered
// one; viewers none.
func requestQuery(g *gorm.DB, actor Actor) *gorm.DB {
	q := g.Table("material_requests").
		Select(`material_requests.*, rounds.name AS round_name, rounds.status AS round_status, plans.code AS plan_code,
			plans.title AS plan_title, plans.lead_department_id`).
		Joins("JOIN rounds ON rounds.id = material_requests.round_id").
		Joins("JOIN plans ON plans.id = material_requests.plan_id")
	if states := requestStates(actor.Role); len(states) == 0 {
		return q.Where("1 = 0")
	} else if len(states) < len(readableStates[RoleAdmin]) {
		q = q.Where("rounds.status IN ?", states)
	}
	switch actor.Role {
	case RoleAdmin:
		return q
	case RoleDepartment:
		return q.Where("plans.lead_department_id = ?", actor.OrgID)
	case RoleEvaluator:
		return q.Where(`EXISTS (SELECT 1 FROM assignments
			WHERE assignments.round_id = material_requests.round_id AND assignments.plan_id = material_requests.plan_id
			AND assignments.evaluator_id = ?)`, actor.UserID).
			Where("material_requests.status = ? OR material_requests.asked_by = ?", RequestAnswered, actor.UserID)
	}
	return q.Where("1 = 0")
}

// RequestFilter narrows a list of requests.
type RequestFilter struct {
	RoundID int64
	PlanID  int64
	Status  RequestStatus
	Page    Page
}

func (f RequestFilter) apply(q *gorm.DB) *gorm.DB {
	if f.RoundID != 0 {
		q = q.Where("material_requests.round_id = ?", f.RoundID)
	}
	if f.PlanID != 0 {
		q = q.Where("material_requests.plan_id = ?", f.PlanID)
	}
	if f.Status != "" {
		q = q.Where("material_requests.status = ?", f.Status)
	}
	return q
}

// requestOrder lists open requests first, then by age, oldest first.
var requestOrder = clause.OrderBy{Expression: clause.Expr{
	SQL: "CASE WHEN material_requests.status = ? THEN 0 ELSE 1 END, material_requests.id", Vars: []any{RequestOpen}}}

// Requests lists the requests for more material the actor may see, open first.
func (s *Store) Requests(ctx context.Context, actor Actor, f RequestFilter) (List[RequestView], error) {
	rows, err := paginate[requestRow](f.apply(requestQuery(s.read(ctx), actor)), f.Page, requestOrder)
	if err != nil {
		return List[RequestView]{}, fmt.Errorf("requests: %w", err)
	}
	views, err := s.requestViews(ctx, actor, rows.Items)
	if err != nil {
		return List[RequestView]{}, err
	}
	return List[RequestView]{Items: views, Total: rows.Total}, nil
}

// Request returns one request the actor may see.
func (s *Store) Request(ctx context.Context, actor Actor, id int64) (*RequestView, error) {
	var row requestRow
	if err := requestQuery(s.read(ctx), actor).Where("material_requests.id = ?", id).Take(&row).Error; err != nil {
		return nil, notFound(err, "request")
	}
	views, err := s.requestViews(ctx, actor, []requestRow{row})
	if err != nil {
		return nil, err
	}
	return &views[0], nil
}

// assignmentRequests are the requests of an assignment's plan in its round
// that the actor may see (the evaluator's, or all for the office): what
// GET /assignments/{id} shows beside the scoresheet.
func (s *Store) assignmentRequests(ctx context.Context, actor Actor, a *Assignment) ([]RequestView, error) {
	var rows []requestRow
	err := RequestFilter{RoundID: a.RoundID, PlanID: a.PlanID}.apply(requestQuery(s.read(ctx), actor)).
		Order(requestOrder).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("assignment requests: %w", err)
	}
	return s.requestViews(ctx, actor, rows)
}

// requestViews completes request rows with their files (and, for the office,
// who asked) in at most three queries, whatever the number of requests.
func (s *Store) requestViews(ctx context.Context, actor Actor, rows []requestRow) ([]RequestView, error) {
	out := make([]RequestView, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	g := s.read(ctx)
	ids := make([]int64, len(rows))
	askers := make([]int64, 0, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
		askers = append(askers, r.AskedBy)
	}
	var atts []Attachment
	if err := g.Where("request_id IN ?", ids).Order("id").Find(&atts).Error; err != nil {
		return nil, fmt.Errorf("request attachments: %w", err)
	}
	files := map[int64][]AttachmentView{}
	for i := range atts {
		files[*atts[i].RequestID] = append(files[*atts[i].RequestID], atts[i].view())
	}
	var who map[int64]RequestAsker
	if actor.Role == RoleAdmin {
		var err error
		if who, err = requestAskers(g, askers); err != nil {
			return nil, err
		}
	}
	for i, r := range rows {
		m := r.MaterialRequest
		v := RequestView{ID: m.ID, RoundID: m.RoundID, Round: RoundRef{ID: m.RoundID, Name: r.RoundName, Status: r.RoundStatus},
			PlanID: m.PlanID, Plan: PlanRef{ID: m.PlanID, Code: r.PlanCode, Title: r.PlanTitle}, Question: m.Question,
			Status: m.Status, Answer: m.Answer, AnsweredAt: m.AnsweredAt, CreatedAt: m.CreatedAt, Attachments: []AttachmentView{}}
		if m.Status == RequestAnswered || actor.Role == RoleDepartment {
			v.Attachments = append(v.Attachments, files[m.ID]...)
		}
		switch actor.Role {
		case RoleEvaluator:
			mine := m.AskedBy == actor.UserID
			v.Mine = &mine
		case RoleAdmin:
			a := who[m.AskedBy]
			a.AssignmentID = m.AssignmentID
			v.AskedBy = &a
		}
		out[i] = v
	}
	return out, nil
}

// requestAskers names the evaluators who asked, with their agencies.
func requestAskers(g *gorm.DB, userIDs []int64) (map[int64]RequestAsker, error) {
	var rows []struct {
		ID          int64
		DisplayName string
		OrgID       *int64
		OrgName     *string
	}
	err := g.Table("users").Select("users.id, users.display_name, users.org_id, orgs.name AS org_name").
		Joins("LEFT JOIN orgs ON orgs.id = users.org_id").Where("users.id IN ?", userIDs).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("request askers: %w", err)
	}
	out := make(map[int64]RequestAsker, len(rows))
	for _, r := range rows {
		a := RequestAsker{ID: r.ID, DisplayName: r.DisplayName}
		if r.OrgID != nil {
			a.AgencyID = *r.OrgID
		}
		if r.OrgName != nil {
			a.AgencyName = *r.OrgName
		}
		out[r.ID] = a
	}
	return out, nil
}

// AskForMaterial records an evaluator's request for more material on their
// assignment's plan while the round is open, and tells the plan's
// department — without saying who asked.
func (s *Store) AskForMaterial(ctx context.Context, actor Actor, assignmentID int64, req RequestAsk) (*RequestView, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	if err := checkText("question", "问题", req.Question, MaxQuestionLength); err != nil {
		return nil, err
	}
	var m MaterialRequest
	err := s.write(ctx, actor, func(t *tx) error {
		a, _, err := ownAssignment(t.DB, actor, assignmentID)
		if err != nil {
			return err
		}
		if a.EvaluatorID != actor.UserID {
			return ErrNotFound
		}
		var r Round
		if err := t.forUpdate().First(&r, a.RoundID).Error; err != nil {
			return notFound(err, "round")
		}
		if r.Status != RoundOpen {
			return conflictf("wrong_state", "轮次状态为「%s」，不能再提出补充材料请求", roundStatusNames[r.Status])
		}
		var p Plan
		if err := t.First(&p, a.PlanID).Error; err != nil {
			return notFound(err, "plan")
		}
		m = MaterialRequest{RoundID: a.RoundID, PlanID: a.PlanID, AssignmentID: &a.ID, AskedBy: actor.UserID,
			Question: req.Question, Status: RequestOpen, CreatedAt: t.now, UpdatedAt: t.now}
		if err := t.Create(&m).Error; err != nil {
			return fmt.Errorf("create request: %w", err)
		}
		t.audit("request.create", "request", m.ID, nil, m)
		return notifyAsked(t, &m, &p)
	})
	if err != nil {
		return nil, err
	}
	return s.Request(ctx, actor, m.ID)
}

// lockRequestForDepartment locks a request on one of the department's plans
// for its writes: visible from the round's opening, writable until the round
// is published.
func lockRequestForDepartment(t *tx, actor Actor, id int64) (*MaterialRequest, *Plan, error) {
	var m MaterialRequest
	if err := t.First(&m, id).Error; err != nil {
		return nil, nil, notFound(err, "request")
	}
	var p Plan
	if err := t.First(&p, m.PlanID).Error; err != nil {
		return nil, nil, notFound(err, "plan")
	}
	var r Round
	if err := t.forUpdate().First(&r, m.RoundID).Error; err != nil {
		return nil, nil, notFound(err, "round")
	}
	if p.LeadDepartmentID != actor.OrgID || !slices.Contains(requestStates(actor.Role), r.Status) {
		return nil, nil, ErrNotFound
	}
	if r.Status.Published() {
		return nil, nil, conflictf("published", "轮次已发布，补充材料不能再答复或修改")
	}
	if err := t.forUpdate().First(&m, id).Error; err != nil {
		return nil, nil, notFound(err, "request")
	}
	return &m, &p, nil
}

// AnswerRequest records the department's answer. Answering again before the
// round is published replaces the answer (the audit trail keeps every one);
// only the first answer notifies the plan's evaluators.
func (s *Store) AnswerRequest(ctx context.Context, actor Actor, id int64, req RequestAnswer) (*RequestView, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	if err := checkText("answer", "答复", req.Answer, MaxAnswerLength); err != nil {
		return nil, err
	}
	err := s.write(ctx, actor, func(t *tx) error {
		m, p, err := lockRequestForDepartment(t, actor, id)
		if err != nil {
			return err
		}
		before := *m
		first := m.Status == RequestOpen
		now := t.now
		m.Status, m.Answer, m.AnsweredAt, m.AnsweredBy = RequestAnswered, req.Answer, &now, actor.idPtr()
		if err := t.Save(m).Error; err != nil {
			return fmt.Errorf("answer request: %w", err)
		}
		t.audit("request.answer", "request", m.ID, before, m)
		if !first {
			return nil
		}
		return notifyAnswered(t, m, p)
	})
	if err != nil {
		return nil, err
	}
	return s.Request(ctx, actor, id)
}
