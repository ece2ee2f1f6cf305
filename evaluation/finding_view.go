package evaluation

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// FindingView is a finding as lists and pages show it (API.md "Findings and
// rectification"), narrowed to what its reader may see: departments never
// learn which evaluator raised a finding, and others never see a
// department's unsubmitted draft.
type FindingView struct {
	ID               int64         `json:"id"`
	RoundID          int64         `json:"round_id"`
	Round            RoundRef      `json:"round"`
	PlanID           int64         `json:"plan_id"`
	Plan             PlanRef       `json:"plan"`
	LeadDepartmentID int64         `json:"lead_department_id"`
	AssignmentID     *int64        `json:"assignment_id"` // null for departments
	EvaluatorID      *int64        `json:"evaluator_id"`  // null for departments
	IndicatorCode    string        `json:"indicator_code"`
	Severity         Severity      `json:"severity"`
	Description      string        `json:"description"`
	Recommendation   string        `json:"recommendation"`
	Status           FindingStatus `json:"status"`
	DueOn            *Date         `json:"due_on"`
	Overdue          bool          `json:"overdue"`
	// Carried from an earlier round (carry.go); null for the round's own findings.
	CarriedFromRoundID   *int64        `json:"carried_from_round_id"`
	CarriedFromFindingID *int64        `json:"carried_from_finding_id"`
	CarriedCheckedAt     *time.Time    `json:"carried_checked_at"`
	Response             *ResponseView `json:"response"`
	CreatedAt            time.Time     `json:"created_at"`
	UpdatedAt            time.Time     `json:"updated_at"`
}

// RoundRef names a round inside other objects.
type RoundRef struct {
	ID     int64       `json:"id"`
	Name   string      `json:"name"`
	Status RoundStatus `json:"status"`
}

// ResponseView is a department's answer as its reader may see it: the
// department sees its working copy (draft or submitted); everyone else the
// last submitted version.
type ResponseView struct {
	Status            ResponseStatus   `json:"status"`
	Version           int              `json:"version"` // of the working copy (for the department's next save)
	Number            int              `json:"number"`  // submissions so far
	Measures          string           `json:"measures"`
	ResponsiblePerson string           `json:"responsible_person"`
	Progress          Progress         `json:"progress"`
	CompletedOn       *Date            `json:"completed_on"`
	Evidence          string           `json:"evidence"`
	Attachments       []AttachmentView `json:"attachments"`
	SubmittedAt       *time.Time       `json:"submitted_at"`
	UpdatedAt         time.Time        `json:"updated_at"`
}

// findingRow is the flat result of the finding list query.
type findingRow struct {
	Finding
	RoundName        string
	RoundStatus      RoundStatus
	PlanCode         string
	PlanTitle        string
	LeadDepartmentID int64
}

// FindingFilter narrows a list of findings.
type FindingFilter struct {
	Q        string // part of the description, the plan's code or title
	RoundID  int64
	PlanID   int64
	Status   FindingStatus
	Severity Severity
	Overdue  *bool
	Page     Page
}

// findingQuery selects the findings the actor may see, with their round and
// plan: those of rounds the phase rule lets it read, then its own.
func (s *Store) findingQuery(g *gorm.DB, actor Actor) *gorm.DB {
	q := g.Table("findings").
		Select(`findings.*, rounds.name AS round_name, rounds.status AS round_status, plans.code AS plan_code,
			plans.title AS plan_title, plans.lead_department_id`).
		Joins("JOIN rounds ON rounds.id = findings.round_id").
		Joins("JOIN plans ON plans.id = findings.plan_id")
	q = inReadableRounds(q, actor, "rounds.status")
	switch actor.Role {
	case RoleAdmin, RoleViewer:
		return q
	case RoleEvaluator:
		return q.Where("findings.evaluator_id = ?", actor.UserID)
	case RoleDepartment:
		return q.Where("plans.lead_department_id = ?", actor.OrgID)
	}
	return q.Where("1 = 0")
}

// overdueCondition is the SQL of "not accepted and past its due date".
const overdueCondition = "findings.status <> 'accepted' AND findings.due_on IS NOT NULL AND findings.due_on < ?"

// Findings lists the findings the actor may see, overdue first, then by due date.
func (s *Store) Findings(ctx context.Context, actor Actor, f FindingFilter) (List[FindingView], error) {
	today := s.Today()
	q := s.findingQuery(s.read(ctx), actor)
	if f.Q != "" {
		c1, p := contains("findings.description", f.Q)
		c2, _ := contains("plans.code", f.Q)
		c3, _ := contains("plans.title", f.Q)
		q = q.Where(c1+" OR "+c2+" OR "+c3, p, p, p)
	}
	if f.RoundID != 0 {
		q = q.Where("findings.round_id = ?", f.RoundID)
	}
	if f.PlanID != 0 {
		q = q.Where("findings.plan_id = ?", f.PlanID)
	}
	if f.Status != "" {
		q = q.Where("findings.status = ?", f.Status)
	}
	if f.Severity != "" {
		q = q.Where("findings.severity = ?", f.Severity)
	}
	if f.Overdue != nil {
		if *f.Overdue {
			q = q.Where(overdueCondition, today)
		} else {
			q = q.Where("NOT ("+overdueCondition+")", today)
		}
	}
	order := clause.OrderBy{Expression: clause.Expr{SQL: "CASE WHEN " + overdueCondition +
		" THEN 0 ELSE 1 END, CASE WHEN findings.due_on IS NULL THEN 1 ELSE 0 END, findings.due_on, findings.id",
		Vars: []any{today}}}
	rows, err := paginate[findingRow](q, f.Page, order)
	if err != nil {
		return List[FindingView]{}, fmt.Errorf("findings: %w", err)
	}
	views, err := s.findingViews(ctx, actor, rows.Items)
	if err != nil {
		return List[FindingView]{}, err
	}
	return List[FindingView]{Items: views, Total: rows.Total}, nil
}

// Finding returns one finding the actor may see.
func (s *Store) Finding(ctx context.Context, actor Actor, id int64) (*FindingView, error) {
	var row findingRow
	if err := s.findingQuery(s.read(ctx), actor).Where("findings.id = ?", id).Take(&row).Error; err != nil {
		return nil, notFound(err, "finding")
	}
	views, err := s.findingViews(ctx, actor, []findingRow{row})
	if err != nil {
		return nil, err
	}
	return &views[0], nil
}

// findingViews completes finding rows with their responses and evidence in
// three queries, whatever the number of findings.
func (s *Store) findingViews(ctx context.Context, actor Actor, rows []findingRow) ([]FindingView, error) {
	out := make([]FindingView, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	g := s.read(ctx)
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	var responses []Response
	if err := g.Where("finding_id IN ?", ids).Find(&responses).Error; err != nil {
		return nil, fmt.Errorf("responses: %w", err)
	}
	byFinding := map[int64]*Response{}
	for i := range responses {
		byFinding[responses[i].FindingID] = &responses[i]
	}
	latest, err := latestVersions(g, ids)
	if err != nil {
		return nil, err
	}
	atts, err := attachmentsOf(g, ids, actor.Role == RoleDepartment)
	if err != nil {
		return nil, err
	}
	today := s.Today()
	for i, r := range rows {
		f := r.Finding
		v := FindingView{ID: f.ID, RoundID: f.RoundID, Round: RoundRef{ID: f.RoundID, Name: r.RoundName, Status: r.RoundStatus},
			PlanID: f.PlanID, Plan: PlanRef{ID: f.PlanID, Code: r.PlanCode, Title: r.PlanTitle}, LeadDepartmentID: r.LeadDepartmentID,
			IndicatorCode: f.IndicatorCode, Severity: f.Severity, Description: f.Description, Recommendation: f.Recommendation,
			Status: f.Status, DueOn: f.DueOn, Overdue: f.Overdue(today), CreatedAt: f.CreatedAt, UpdatedAt: f.UpdatedAt,
			CarriedFromRoundID: f.CarriedFromRoundID, CarriedFromFindingID: f.CarriedFromFindingID, CarriedCheckedAt: f.CarriedCheckedAt}
		if actor.Role != RoleDepartment {
			v.AssignmentID, v.EvaluatorID = &f.AssignmentID, &f.EvaluatorID
		}
		v.Response = responseViewOf(actor, byFinding[f.ID], latest[f.ID], atts[f.ID])
		out[i] = v
	}
	return out, nil
}

// responseViewOf picks what the reader may see of a finding's response.
func responseViewOf(actor Actor, working *Response, last *ResponseVersion, atts []AttachmentView) *ResponseView {
	if atts == nil {
		atts = []AttachmentView{}
	}
	number := 0
	if last != nil {
		number = last.Number
	}
	if actor.Role == RoleDepartment && working != nil {
		return &ResponseView{Status: working.Status, Version: working.Version, Number: number, Measures: working.Measures,
			ResponsiblePerson: working.ResponsiblePerson, Progress: working.Progress, CompletedOn: working.CompletedOn,
			Evidence: working.Evidence, Attachments: atts, SubmittedAt: working.SubmittedAt, UpdatedAt: working.UpdatedAt}
	}
	if last == nil {
		return nil
	}
	status := ResponseSubmitted
	version := 0
	if working != nil {
		version = working.Version
	}
	at := last.SubmittedAt
	return &ResponseView{Status: status, Version: version, Number: last.Number, Measures: last.Measures,
		ResponsiblePerson: last.ResponsiblePerson, Progress: last.Progress, CompletedOn: last.CompletedOn,
		Evidence: last.Evidence, Attachments: atts, SubmittedAt: &at, UpdatedAt: last.SubmittedAt}
}

// latestVersions returns the last submitted version of each finding.
func latestVersions(g *gorm.DB, findingIDs []int64) (map[int64]*ResponseVersion, error) {
	var vs []ResponseVersion
	err := g.Where("finding_id IN ? AND number = (SELECT MAX(v2.number) FROM response_versions v2 WHERE v2.finding_id = response_versions.finding_id)",
		findingIDs).Find(&vs).Error
	if err != nil {
		return nil, fmt.Errorf("response versions: %w", err)
	}
	out := make(map[int64]*ResponseVersion, len(vs))
	for i := range vs {
		out[vs[i].FindingID] = &vs[i]
	}
	return out, nil
}

// responseView describes the actor's own working response.
func (s *Store) responseView(ctx context.Context, actor Actor, r *Response) (*ResponseView, error) {
	g := s.read(ctx)
	latest, err := latestVersions(g, []int64{r.FindingID})
	if err != nil {
		return nil, err
	}
	atts, err := attachmentsOf(g, []int64{r.FindingID}, true)
	if err != nil {
		return nil, err
	}
	return responseViewOf(actor, r, latest[r.FindingID], atts[r.FindingID]), nil
}

// HistoryEntry is one submitted response version with its verdict.
type HistoryEntry struct {
	Number            int             `json:"number"`
	Measures          string          `json:"measures"`
	ResponsiblePerson string          `json:"responsible_person"`
	Progress          Progress        `json:"progress"`
	CompletedOn       *Date           `json:"completed_on"`
	Evidence          string          `json:"evidence"`
	Attachments       []AttachmentRef `json:"attachments"`
	SubmittedAt       time.Time       `json:"submitted_at"`
	Verdict           *HistoryVerdict `json:"verdict"`
}

// HistoryVerdict is the verdict on a response version. Departments see the
// role of who verified, not the person.
type HistoryVerdict struct {
	Verdict      Verdict   `json:"verdict"`
	Comment      string    `json:"comment"`
	VerifierRole Role      `json:"verifier_role"`
	VerifiedBy   *int64    `json:"verified_by"`
	VerifiedAt   time.Time `json:"verified_at"`
}

// FindingHistory is a finding with every response version and verdict.
type FindingHistory struct {
	Finding  FindingView    `json:"finding"`
	Versions []HistoryEntry `json:"versions"`
}

// History returns every response version and verdict of a finding, oldest first.
func (s *Store) History(ctx context.Context, actor Actor, findingID int64) (*FindingHistory, error) {
	f, err := s.Finding(ctx, actor, findingID)
	if err != nil {
		return nil, err
	}
	g := s.read(ctx)
	var vs []ResponseVersion
	if err := g.Where("finding_id = ?", findingID).Order("number").Find(&vs).Error; err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	var verdicts []VerdictRecord
	if err := g.Where("finding_id = ?", findingID).Find(&verdicts).Error; err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	byVersion := map[int64]VerdictRecord{}
	for _, v := range verdicts {
		byVersion[v.ResponseVersionID] = v
	}
	h := &FindingHistory{Finding: *f, Versions: []HistoryEntry{}}
	for _, v := range vs {
		e := HistoryEntry{Number: v.Number, Measures: v.Measures, ResponsiblePerson: v.ResponsiblePerson, Progress: v.Progress,
			CompletedOn: v.CompletedOn, Evidence: v.Evidence, Attachments: v.Attachments, SubmittedAt: v.SubmittedAt}
		if e.Attachments == nil {
			e.Attachments = AttachmentRefs{}
		}
		if rec, ok := byVersion[v.ID]; ok {
			hv := &HistoryVerdict{Verdict: rec.Verdict, Comment: rec.Comment, VerifierRole: rec.VerifierRole, VerifiedAt: rec.VerifiedAt}
			if actor.Role != RoleDepartment {
				hv.VerifiedBy = &rec.VerifiedBy
			}
			e.Verdict = hv
		}
		h.Versions = append(h.Versions, e)
	}
	return h, nil
}
