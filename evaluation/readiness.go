package evaluation

import (
	"cmp"
	"context"
	"fmt"
	"slices"
)

// Readiness (DESIGN.md "Readiness"): before each irreversible step of a
// round — close scoring, publish, archive — what is missing. Blockers stop
// the step; warnings do not (the web UI asks for a reason, sent as the
// step's optional reason and kept in the audit event).

// Readiness codes.
const (
	WarnSheetsMissing          = "sheets_missing"
	WarnPlansWithoutResult     = "plans_without_result"
	WarnPlansBelowAssigned     = "plans_below_assigned"
	WarnSelfAssessmentsMissing = "self_assessments_missing"
	WarnFindingsOpen           = "findings_open"
	WarnCarriedUnchecked       = "carried_unchecked" // findings carried from earlier rounds not yet checked (carry.go)
	BlockNarrativesPending     = "narratives_pending"
)

// Readiness is what GET /rounds/{id}/readiness answers.
type Readiness struct {
	NextStep           *string             `json:"next_step"` // close_scoring, publish, archive; null in draft and archived
	Sheets             SheetCounts         `json:"sheets"`
	ByAgency           []ReadinessAgency   `json:"by_agency"`
	ByEvaluator        []ReadinessEvalutor `json:"by_evaluator"`
	PlansWithoutResult []int64             `json:"plans_without_result"` // result none or insufficient
	PlansBelowAssigned []int64             `json:"plans_below_assigned"` // complete, on fewer sheets than assigned
	SelfAssessments    ExpectedDone        `json:"self_assessments"`
	Narratives         NarrativeCounts     `json:"narratives"`
	Findings           FindingCounts       `json:"findings"`
	Blockers           []ReadinessIssue    `json:"blockers"`
	Warnings           []ReadinessIssue    `json:"warnings"`
}

// SheetCounts counts a round's scoresheets by how far they got.
type SheetCounts struct {
	Assigned   int `json:"assigned"`
	Submitted  int `json:"submitted"`
	Draft      int `json:"draft"`
	NotStarted int `json:"not_started"`
}

// ReadinessAgency is an agency's sheets in a round.
type ReadinessAgency struct {
	AgencyID  int64  `json:"agency_id"`
	Name      string `json:"name"`
	Assigned  int    `json:"assigned"`
	Submitted int    `json:"submitted"`
}

// ReadinessEvalutor is an evaluator's sheets in a round.
type ReadinessEvalutor struct {
	EvaluatorID int64  `json:"evaluator_id"`
	Name        string `json:"name"`
	Assigned    int    `json:"assigned"`
	Submitted   int    `json:"submitted"`
}

// ExpectedDone counts what is expected and what was handed in.
type ExpectedDone struct {
	Expected  int `json:"expected"`
	Submitted int `json:"submitted"`
}

// NarrativeCounts counts the conclusions expected (plans with a complete
// result, when the round requires them) and approved among them.
type NarrativeCounts struct {
	Expected int `json:"expected"`
	Approved int `json:"approved"`
}

// FindingCounts counts a round's published findings (none before publication).
type FindingCounts struct {
	Published int `json:"published"`
	Accepted  int `json:"accepted"`
	Overdue   int `json:"overdue"`
	// Carried counts the findings carried into the round from earlier ones,
	// CarriedChecked those an evaluator has checked.
	Carried        int `json:"carried"`
	CarriedChecked int `json:"carried_checked"`
}

// ReadinessIssue is one blocker or warning, with the plans it concerns.
type ReadinessIssue struct {
	Code    string  `json:"code"`
	Message string  `json:"message"`
	PlanIDs []int64 `json:"plan_ids"`
}

// nextSteps is the irreversible step each state leads to.
var nextSteps = map[RoundStatus]string{
	RoundOpen: "close_scoring", RoundScoringClosed: "publish", RoundPublished: "archive",
}

// Readiness tells the office what is missing before the round's next step,
// in five queries whatever the round's size (the round, its assignments with
// their sheets, self-assessments, conclusions and findings).
func (s *Store) Readiness(ctx context.Context, roundID int64) (*Readiness, error) {
	g := s.read(ctx)
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		PlanID      int64
		AgencyID    int64
		Agency      string
		EvaluatorID int64
		Evaluator   string
		Status      *SheetStatus
		Version     *int
	}
	err = g.Table("assignments").
		Select(`assignments.plan_id, assignments.agency_id, orgs.name AS agency, assignments.evaluator_id,
			users.display_name AS evaluator, scoresheets.status, scoresheets.version`).
		Joins("JOIN orgs ON orgs.id = assignments.agency_id").
		Joins("JOIN users ON users.id = assignments.evaluator_id").
		Joins("LEFT JOIN scoresheets ON scoresheets.assignment_id = assignments.id").
		Where("assignments.round_id = ?", r.ID).Order("assignments.id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("readiness sheets: %w", err)
	}
	out := &Readiness{ByAgency: []ReadinessAgency{}, ByEvaluator: []ReadinessEvalutor{},
		PlansWithoutResult: []int64{}, PlansBelowAssigned: []int64{}, Blockers: []ReadinessIssue{}, Warnings: []ReadinessIssue{}}
	if step, ok := nextSteps[r.Status]; ok {
		out.NextStep = &step
	}
	type planCount struct{ assigned, submitted int }
	plans := map[int64]*planCount{}
	var planOrder []int64
	agencies := map[int64]*ReadinessAgency{}
	evaluators := map[int64]*ReadinessEvalutor{}
	for _, row := range rows {
		pc := plans[row.PlanID]
		if pc == nil {
			pc = &planCount{}
			plans[row.PlanID] = pc
			planOrder = append(planOrder, row.PlanID)
		}
		ag := agencies[row.AgencyID]
		if ag == nil {
			ag = &ReadinessAgency{AgencyID: row.AgencyID, Name: row.Agency}
			agencies[row.AgencyID] = ag
		}
		ev := evaluators[row.EvaluatorID]
		if ev == nil {
			ev = &ReadinessEvalutor{EvaluatorID: row.EvaluatorID, Name: row.Evaluator}
			evaluators[row.EvaluatorID] = ev
		}
		pc.assigned++
		ag.Assigned++
		ev.Assigned++
		out.Sheets.Assigned++
		switch {
		case row.Status != nil && *row.Status == SheetSubmitted:
			pc.submitted++
			ag.Submitted++
			ev.Submitted++
			out.Sheets.Submitted++
		case row.Status != nil && row.Version != nil && *row.Version > 0:
			out.Sheets.Draft++
		default:
			out.Sheets.NotStarted++
		}
	}
	for _, a := range agencies {
		out.ByAgency = append(out.ByAgency, *a)
	}
	slices.SortFunc(out.ByAgency, func(a, b ReadinessAgency) int { return cmp.Compare(a.AgencyID, b.AgencyID) })
	for _, e := range evaluators {
		out.ByEvaluator = append(out.ByEvaluator, *e)
	}
	slices.SortFunc(out.ByEvaluator, func(a, b ReadinessEvalutor) int { return cmp.Compare(a.EvaluatorID, b.EvaluatorID) })
	slices.Sort(planOrder)

	minRaters := max(r.MinRaters, 1)
	var missingSheets []int64
	complete := map[int64]bool{}
	for _, id := range planOrder {
		pc := plans[id]
		if pc.submitted < pc.assigned {
			missingSheets = append(missingSheets, id)
		}
		switch {
		case pc.submitted < minRaters:
			out.PlansWithoutResult = append(out.PlansWithoutResult, id)
		case pc.submitted < pc.assigned:
			complete[id] = true
			out.PlansBelowAssigned = append(out.PlansBelowAssigned, id)
		default:
			complete[id] = true
		}
	}

	// Self-assessments (one per assigned plan once the round has them).
	var selfRows []struct {
		PlanID int64
		Status SelfAssessmentStatus
	}
	if err := g.Model(&SelfAssessment{}).Select("plan_id, status").Where("round_id = ?", r.ID).
		Order("plan_id").Scan(&selfRows).Error; err != nil {
		return nil, fmt.Errorf("readiness self-assessments: %w", err)
	}
	var selfMissing []int64
	for _, sa := range selfRows {
		out.SelfAssessments.Expected++
		if sa.Status == SelfSubmitted {
			out.SelfAssessments.Submitted++
		} else {
			selfMissing = append(selfMissing, sa.PlanID)
		}
	}

	// Conclusions of the plans with a complete result, when required.
	var approved []int64
	if err := g.Model(&Narrative{}).Where("round_id = ? AND status = ?", r.ID, NarrativeApproved).
		Pluck("plan_id", &approved).Error; err != nil {
		return nil, fmt.Errorf("readiness narratives: %w", err)
	}
	isApproved := map[int64]bool{}
	for _, id := range approved {
		isApproved[id] = true
	}
	var pendingNarr []int64
	if r.RequireNarrative {
		for _, id := range planOrder {
			if !complete[id] {
				continue
			}
			out.Narratives.Expected++
			if isApproved[id] {
				out.Narratives.Approved++
			} else {
				pendingNarr = append(pendingNarr, id)
			}
		}
	}

	// Findings, published with the round.
	var findingRows []struct {
		PlanID  int64
		Status  FindingStatus
		Overdue bool
		Carried bool
		Checked bool
	}
	if err := g.Table("findings").
		Select("plan_id, status, CASE WHEN "+overdueCondition+" THEN 1 ELSE 0 END AS overdue, "+
			"CASE WHEN carried_from_finding_id IS NOT NULL THEN 1 ELSE 0 END AS carried, "+
			"CASE WHEN carried_checked_at IS NOT NULL THEN 1 ELSE 0 END AS checked", s.Today()).
		Where("round_id = ?", r.ID).Order("plan_id").Scan(&findingRows).Error; err != nil {
		return nil, fmt.Errorf("readiness findings: %w", err)
	}
	var openFindings, unchecked []int64
	for _, f := range findingRows {
		if !f.Carried {
			continue
		}
		out.Findings.Carried++
		switch {
		case f.Checked:
			out.Findings.CarriedChecked++
		case len(unchecked) == 0 || unchecked[len(unchecked)-1] != f.PlanID:
			unchecked = append(unchecked, f.PlanID)
		}
	}
	if r.Status.Published() {
		for _, f := range findingRows {
			out.Findings.Published++
			switch {
			case f.Status == FindingAccepted:
				out.Findings.Accepted++
			case len(openFindings) == 0 || openFindings[len(openFindings)-1] != f.PlanID:
				openFindings = append(openFindings, f.PlanID)
			}
			if f.Overdue {
				out.Findings.Overdue++
			}
		}
	}

	warn := func(code string, ids []int64, format string, args ...any) {
		if len(ids) > 0 {
			out.Warnings = append(out.Warnings, ReadinessIssue{Code: code, Message: fmt.Sprintf(format, args...), PlanIDs: ids})
		}
	}
	switch r.Status {
	case RoundOpen, RoundScoringClosed:
		warn(WarnSheetsMissing, missingSheets, "已分配的%d份评分表中还有%d份未提交（涉及%d个方案）",
			out.Sheets.Assigned, out.Sheets.Assigned-out.Sheets.Submitted, len(missingSheets))
		warn(WarnPlansWithoutResult, out.PlansWithoutResult, "%d个方案已提交的评分表少于%d份，没有完整的评估结果：不排名、不出具评估报告",
			len(out.PlansWithoutResult), minRaters)
		warn(WarnPlansBelowAssigned, out.PlansBelowAssigned, "%d个方案的评估结果所依据的评分表少于分配的份数",
			len(out.PlansBelowAssigned))
		warn(WarnSelfAssessmentsMissing, selfMissing, "%d份部门自评中还有%d份未提交",
			out.SelfAssessments.Expected, len(selfMissing))
		warn(WarnCarriedUnchecked, unchecked, "结转到本轮的%d个上轮未整改问题中还有%d个未经评估人员核查",
			out.Findings.Carried, out.Findings.Carried-out.Findings.CarriedChecked)
	case RoundPublished:
		warn(WarnFindingsOpen, openFindings, "已发布的%d个问题中还有%d个未销号（逾期%d个）",
			out.Findings.Published, out.Findings.Published-out.Findings.Accepted, out.Findings.Overdue)
	}
	if r.Status == RoundScoringClosed && len(pendingNarr) > 0 {
		out.Blockers = append(out.Blockers, ReadinessIssue{Code: BlockNarrativesPending, PlanIDs: pendingNarr,
			Message: fmt.Sprintf("本轮要求评估结论审定后才能发布，还有%d个方案的评估结论未审定", len(pendingNarr))})
	}
	return out, nil
}
