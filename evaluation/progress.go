package evaluation

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"
)

// Progress (API.md "Progress"): where a round's work stands, by agency and by
// evaluator, so the office sees "17 of 66 submitted" and can chase exactly
// the people behind.

// RoundProgress is what GET /rounds/{id}/progress answers.
type RoundProgress struct {
	Status          RoundStatus         `json:"status"`
	ScoringDue      Date                `json:"scoring_due"`
	DaysLeft        *int                `json:"days_left"` // days to scoring_due (0 on the day, negative past it) while open, else null
	Sheets          SheetCounts         `json:"sheets"`
	MeanTotal       *Hundredths         `json:"mean_total"` // mean total of every submitted sheet, null without one
	ByAgency        []AgencyProgress    `json:"by_agency"`
	ByEvaluator     []EvaluatorProgress `json:"by_evaluator"`
	SelfAssessments SelfProgress        `json:"self_assessments"`
	Narratives      NarrativeProgress   `json:"narratives"`
}

// AgencyProgress is an agency's sheets in a round and the mean of the totals
// it gave (宽严度: how severe its raters are beside the round's mean).
type AgencyProgress struct {
	AgencyID   int64  `json:"agency_id"`
	Name       string `json:"name"`
	Evaluators int    `json:"evaluators"`
	SheetCounts
	MeanTotal *Hundredths `json:"mean_total"` // over its submitted sheets, null without one
}

// EvaluatorProgress is an evaluator's sheets in a round, with the
// assignments not yet submitted (what a reminder is about).
type EvaluatorProgress struct {
	EvaluatorID int64  `json:"evaluator_id"`
	Name        string `json:"name"`
	AgencyID    int64  `json:"agency_id"`
	Agency      string `json:"agency"`
	SheetCounts
	PendingAssignmentIDs  []int64 `json:"pending_assignment_ids"`
	NarrativesOutstanding int     `json:"narratives_outstanding"` // plans they lead whose conclusions are not handed in
}

// SelfProgress counts the round's self-assessments.
type SelfProgress struct {
	Expected    int `json:"expected"`
	Submitted   int `json:"submitted"`
	Outstanding int `json:"outstanding"`
}

// NarrativeProgress counts the conclusions of the round's plans: submitted
// (awaiting the office), approved, and outstanding (not handed in).
type NarrativeProgress struct {
	Expected    int `json:"expected"`
	Submitted   int `json:"submitted"`
	Approved    int `json:"approved"`
	Outstanding int `json:"outstanding"`
}

// Progress counts a round's work in five queries whatever its size (the
// round, its template, its assignments with their sheets, self-assessments
// and conclusions).
func (s *Store) Progress(ctx context.Context, roundID int64) (*RoundProgress, error) {
	g := s.read(ctx)
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return nil, err
	}
	tpl, err := roundTemplate(g, r)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		ID          int64
		PlanID      int64
		AgencyID    int64
		Agency      string
		EvaluatorID int64
		Evaluator   string
		Lead        LeadFlag
		Status      *SheetStatus
		Version     *int
		Scores      Answers
	}
	err = g.Table("assignments").
		Select(`assignments.id, assignments.plan_id, assignments.agency_id, orgs.name AS agency, assignments.evaluator_id,
			users.display_name AS evaluator, assignments.lead, scoresheets.status, scoresheets.version,
			CASE WHEN scoresheets.status = ? THEN scoresheets.scores END AS scores`, SheetSubmitted).
		Joins("JOIN orgs ON orgs.id = assignments.agency_id").
		Joins("JOIN users ON users.id = assignments.evaluator_id").
		Joins("LEFT JOIN scoresheets ON scoresheets.assignment_id = assignments.id").
		Where("assignments.round_id = ?", r.ID).Order("assignments.id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("progress sheets: %w", err)
	}
	var narrRows []struct {
		PlanID int64
		Status NarrativeStatus
	}
	if err := g.Model(&Narrative{}).Select("plan_id, status").Where("round_id = ?", r.ID).Scan(&narrRows).Error; err != nil {
		return nil, fmt.Errorf("progress narratives: %w", err)
	}
	handedIn := map[int64]NarrativeStatus{}
	for _, n := range narrRows {
		if n.Status == NarrativeSubmitted || n.Status == NarrativeApproved {
			handedIn[n.PlanID] = n.Status
		}
	}

	out := &RoundProgress{Status: r.Status, ScoringDue: r.ScoringDue, ByAgency: []AgencyProgress{}, ByEvaluator: []EvaluatorProgress{}}
	if r.Status == RoundOpen {
		days := daysBetween(s.Today(), r.ScoringDue)
		out.DaysLeft = &days
	}
	// Each submitted sheet scored on its own, like one rater of one plan.
	var sheets []PlanSheets
	agencies := map[int64]*AgencyProgress{}
	evaluators := map[int64]*EvaluatorProgress{}
	agencyEvaluators := map[int64]map[int64]bool{}
	plans := map[int64]bool{}
	for _, row := range rows {
		plans[row.PlanID] = true
		ag := agencies[row.AgencyID]
		if ag == nil {
			ag = &AgencyProgress{AgencyID: row.AgencyID, Name: row.Agency}
			agencies[row.AgencyID] = ag
			agencyEvaluators[row.AgencyID] = map[int64]bool{}
		}
		agencyEvaluators[row.AgencyID][row.EvaluatorID] = true
		ev := evaluators[row.EvaluatorID]
		if ev == nil {
			ev = &EvaluatorProgress{EvaluatorID: row.EvaluatorID, Name: row.Evaluator, AgencyID: row.AgencyID,
				Agency: row.Agency, PendingAssignmentIDs: []int64{}}
			evaluators[row.EvaluatorID] = ev
		}
		counts := []*SheetCounts{&out.Sheets, &ag.SheetCounts, &ev.SheetCounts}
		for _, c := range counts {
			c.Assigned++
		}
		switch {
		case row.Status != nil && *row.Status == SheetSubmitted:
			for _, c := range counts {
				c.Submitted++
			}
			sheets = append(sheets, PlanSheets{PlanID: row.ID, Sheets: []RaterSheet{{AssignmentID: row.ID, Answers: row.Scores}}})
		case row.Status != nil && row.Version != nil && *row.Version > 0:
			for _, c := range counts {
				c.Draft++
			}
		default:
			for _, c := range counts {
				c.NotStarted++
			}
		}
		if row.Status == nil || *row.Status != SheetSubmitted {
			ev.PendingAssignmentIDs = append(ev.PendingAssignmentIDs, row.ID)
		}
		if row.Lead && handedIn[row.PlanID] == "" {
			ev.NarrativesOutstanding++
		}
	}

	// Totals: the round's mean and each agency's (rater severity, 宽严度).
	agencyOf := map[int64]int64{}
	for _, row := range rows {
		agencyOf[row.ID] = row.AgencyID
	}
	sums := map[int64][2]int64{} // agency → sum of totals, sheets
	var all [2]int64
	for _, res := range ComputeResults(tpl, r.OutlierThreshold, sheets) {
		a := agencyOf[res.PlanID]
		sum := sums[a]
		sums[a] = [2]int64{sum[0] + int64(res.Total), sum[1] + 1}
		all = [2]int64{all[0] + int64(res.Total), all[1] + 1}
	}
	out.MeanTotal = meanOf(all)
	for id, ag := range agencies {
		ag.Evaluators = len(agencyEvaluators[id])
		ag.MeanTotal = meanOf(sums[id])
		out.ByAgency = append(out.ByAgency, *ag)
	}
	slices.SortFunc(out.ByAgency, func(a, b AgencyProgress) int { return cmp.Compare(a.AgencyID, b.AgencyID) })
	for _, e := range evaluators {
		out.ByEvaluator = append(out.ByEvaluator, *e)
	}
	slices.SortFunc(out.ByEvaluator, func(a, b EvaluatorProgress) int { return cmp.Compare(a.EvaluatorID, b.EvaluatorID) })

	var selfRows []SelfAssessmentStatus
	if err := g.Model(&SelfAssessment{}).Where("round_id = ?", r.ID).Pluck("status", &selfRows).Error; err != nil {
		return nil, fmt.Errorf("progress self-assessments: %w", err)
	}
	for _, st := range selfRows {
		out.SelfAssessments.Expected++
		if st == SelfSubmitted {
			out.SelfAssessments.Submitted++
		}
	}
	out.SelfAssessments.Outstanding = out.SelfAssessments.Expected - out.SelfAssessments.Submitted

	out.Narratives.Expected = len(plans)
	for id := range plans {
		switch handedIn[id] {
		case NarrativeSubmitted:
			out.Narratives.Submitted++
		case NarrativeApproved:
			out.Narratives.Approved++
		}
	}
	out.Narratives.Outstanding = out.Narratives.Expected - out.Narratives.Submitted - out.Narratives.Approved
	return out, nil
}

// daysBetween counts the calendar days from one date to another (negative
// when to is earlier).
func daysBetween(from, to Date) int {
	f, err1 := time.Parse(dateLayout, string(from))
	t, err2 := time.Parse(dateLayout, string(to))
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(t.Sub(f).Hours() / 24)
}

// meanOf is the mean of a {sum, count} pair (meanHundredths).
func meanOf(sumN [2]int64) *Hundredths { return meanHundredths(sumN[0], int(sumN[1])) }
