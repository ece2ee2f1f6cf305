package evaluation

import (
	"context"
	"fmt"
	"sort"
)

// ResultItem is a plan's line in a round's results (API.md "Results").
type ResultItem struct {
	PlanID           int64            `json:"plan_id"`
	Code             string           `json:"code"`
	Title            string           `json:"title"`
	LeadDepartmentID int64            `json:"lead_department_id"`
	Raters           int              `json:"raters"`
	RatersKept       int              `json:"raters_kept"`
	ResultStatus     string           `json:"result_status"` // complete, insufficient or none
	Total            *Hundredths      `json:"total"`         // null unless complete
	Grade            *string          `json:"grade"`         // null unless complete
	Rank             *int             `json:"rank"`          // null unless complete
	RankedPlans      int              `json:"ranked_plans"`  // plans whose result is complete
	Veto             bool             `json:"veto"`
	StdDev           Hundredths       `json:"std_dev"`
	Range            Hundredths       `json:"range"`
	Dimensions       []DimensionScore `json:"dimensions"`
	SelfTotal        *Hundredths      `json:"self_total"` // the submitted self-assessment's total, else null
	SelfGap          *Hundredths      `json:"self_gap"`   // self − third party, null without either
	Outliers         []int64          `json:"outliers"`
}

// ResultDetail is one plan's result with its indicators and raters.
type ResultDetail struct {
	ResultItem
	Raters     []RaterTotal    `json:"raters"` // replaces the count of the list item
	Indicators []IndicatorStat `json:"indicators"`
	RoundMean  *RoundMean      `json:"round_mean"` // null for evaluators and while no plan's result is complete
}

// RoundMean is the mean total and dimension scores of the plans of a round
// whose result is complete, for a plan's result to be read against.
type RoundMean struct {
	Plans      int              `json:"plans"`
	Total      Hundredths       `json:"total"`
	Dimensions []DimensionScore `json:"dimensions"` // self_score always null
}

// roundMean averages the complete results of a round, rounding half up.
func roundMean(results []PlanResult) *RoundMean {
	var total [2]int64
	var dims []DimensionScore
	sums := map[string]int64{}
	for _, res := range results {
		if res.Status != ResultComplete {
			continue
		}
		total = [2]int64{total[0] + int64(res.Total), total[1] + 1}
		for _, d := range res.Dimensions {
			if _, seen := sums[d.Code]; !seen {
				dims = append(dims, DimensionScore{Code: d.Code, Name: d.Name})
			}
			sums[d.Code] += int64(d.Score)
		}
	}
	mean := meanOf(total) // progress.go
	if mean == nil {
		return nil
	}
	for i := range dims {
		dims[i].Score = *meanHundredths(sums[dims[i].Code], int(total[1]))
	}
	return &RoundMean{Plans: int(total[1]), Total: *mean, Dimensions: dims}
}

// RoundResults is the computed result of every plan of a round.
type RoundResults struct {
	Round    *Round
	Template *Template
	Plans    map[int64]*Plan
	Results  []PlanResult // by rank, then code; unranked plans last
	Ranked   int          // plans with a complete result, so a rank (N of "rank x/N")
}

// ComputeRoundResults loads a round's submitted scoresheets in one query pass
// (no query per plan) and applies the scoring rules.
func (s *Store) ComputeRoundResults(ctx context.Context, roundID int64) (*RoundResults, error) {
	g := s.read(ctx)
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return nil, err
	}
	tpl, err := roundTemplate(g, r)
	if err != nil {
		return nil, err
	}
	var plans []*Plan
	if err := g.Where("id IN (?)", g.Model(&Assignment{}).Select("plan_id").Where("round_id = ?", r.ID)).
		Order("code").Find(&plans).Error; err != nil {
		return nil, fmt.Errorf("results plans: %w", err)
	}
	type sheetRow struct {
		AssignmentID int64
		PlanID       int64
		Agency       string
		Scores       Answers
	}
	var rows []sheetRow
	err = g.Table("assignments").
		Select("assignments.id AS assignment_id, assignments.plan_id, orgs.name AS agency, scoresheets.scores").
		Joins("JOIN scoresheets ON scoresheets.assignment_id = assignments.id").
		Joins("JOIN orgs ON orgs.id = assignments.agency_id").
		Where("assignments.round_id = ? AND scoresheets.status = ?", r.ID, SheetSubmitted).
		Order("assignments.id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("results scoresheets: %w", err)
	}
	byPlan := make(map[int64][]RaterSheet, len(plans))
	for _, row := range rows {
		byPlan[row.PlanID] = append(byPlan[row.PlanID], RaterSheet{AssignmentID: row.AssignmentID, Agency: row.Agency, Answers: row.Scores})
	}
	in := make([]PlanSheets, len(plans))
	out := &RoundResults{Round: r, Template: tpl, Plans: make(map[int64]*Plan, len(plans))}
	for i, p := range plans {
		in[i] = PlanSheets{PlanID: p.ID, Sheets: byPlan[p.ID]}
		out.Plans[p.ID] = p
	}
	out.Results = ComputeResultsMin(tpl, r.OutlierThreshold, r.MinRaters, in)
	if err := addSelfScores(g, r, tpl, out.Results); err != nil { // self_assessment_results.go
		return nil, err
	}
	sort.SliceStable(out.Results, func(i, j int) bool {
		a, b := out.Results[i], out.Results[j]
		if (a.Rank == 0) != (b.Rank == 0) {
			return b.Rank == 0
		}
		return a.Rank < b.Rank
	})
	for _, res := range out.Results {
		if res.Rank > 0 {
			out.Ranked++
		}
	}
	return out, nil
}

// Item returns the list line of a result.
func (rr *RoundResults) Item(res PlanResult) ResultItem {
	p := rr.Plans[res.PlanID]
	item := ResultItem{PlanID: res.PlanID, Code: p.Code, Title: p.Title, LeadDepartmentID: p.LeadDepartmentID,
		Raters: res.Raters, RatersKept: res.RatersKept, ResultStatus: res.Status,
		RankedPlans: rr.Ranked, Veto: res.Veto, StdDev: res.StdDev, Range: res.Range,
		Dimensions: res.Dimensions, SelfTotal: res.SelfTotal, SelfGap: res.SelfGap, Outliers: res.Outliers}
	if res.Status == ResultComplete {
		total, grade, rank := res.Total, res.Grade, res.Rank
		item.Total, item.Grade, item.Rank = &total, &grade, &rank
	}
	return item
}

// visiblePlans returns the plans of a round whose results the actor may see:
// all for admins and viewers, those they were assigned for evaluators, nil
// meaning all. The round itself has passed the phase rule (VisibleRound).
func (s *Store) visiblePlans(ctx context.Context, actor Actor, r *Round) (map[int64]bool, error) {
	switch actor.Role {
	case RoleAdmin, RoleViewer:
		return nil, nil
	case RoleEvaluator:
		visible := map[int64]bool{}
		var ids []int64
		if err := s.read(ctx).Model(&Assignment{}).Where("round_id = ? AND evaluator_id = ?", r.ID, actor.UserID).
			Pluck("plan_id", &ids).Error; err != nil {
			return nil, fmt.Errorf("visible plans: %w", err)
		}
		for _, id := range ids {
			visible[id] = true
		}
		return visible, nil
	}
	return map[int64]bool{}, nil
}

// visibleResults computes the results of a round the actor may see (the
// phase rule first: a viewer sees no results before publication), with the
// plans among them the actor may see.
func (s *Store) visibleResults(ctx context.Context, actor Actor, roundID int64) (*RoundResults, map[int64]bool, error) {
	if _, err := s.VisibleRound(ctx, actor, roundID); err != nil {
		return nil, nil, err
	}
	rr, err := s.ComputeRoundResults(ctx, roundID)
	if err != nil {
		return nil, nil, err
	}
	visible, err := s.visiblePlans(ctx, actor, rr.Round)
	if err != nil {
		return nil, nil, err
	}
	return rr, visible, nil
}

// Results returns the results of a round the actor may see. An evaluator
// without any plan in the round does not see the round at all.
func (s *Store) Results(ctx context.Context, actor Actor, roundID int64) ([]ResultItem, error) {
	rr, visible, err := s.visibleResults(ctx, actor, roundID)
	if err != nil {
		return nil, err
	}
	if visible != nil && len(visible) == 0 {
		return nil, ErrNotFound
	}
	items := []ResultItem{}
	for _, res := range rr.Results {
		if visible == nil || visible[res.PlanID] {
			items = append(items, rr.Item(res))
		}
	}
	return items, nil
}

// PlanResult returns one plan's result in a round with its indicators and raters.
func (s *Store) PlanResult(ctx context.Context, actor Actor, roundID, planID int64) (*ResultDetail, error) {
	rr, visible, err := s.visibleResults(ctx, actor, roundID)
	if err != nil {
		return nil, err
	}
	if visible != nil && !visible[planID] {
		return nil, ErrNotFound
	}
	for _, res := range rr.Results {
		if res.PlanID == planID {
			d := &ResultDetail{ResultItem: rr.Item(res), Raters: res.RaterTotals, Indicators: res.Indicators}
			if visible == nil { // the office and viewers see every plan, so the round's mean
				d.RoundMean = roundMean(rr.Results)
			}
			return d, nil
		}
	}
	return nil, ErrNotFound
}
