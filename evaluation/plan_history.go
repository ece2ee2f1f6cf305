package evaluation

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// PlanHistory is a plan's ledger (台账) over the rounds that assigned it
// (API.md "Ledger"): GET /plans/{id}/history.
type PlanHistory struct {
	Plan   *Plan          `json:"plan"`
	Rounds []RoundHistory `json:"rounds"` // oldest round first
}

// RoundHistory is what one round made of a plan: its result, its findings
// and their rectification, and every version of its issued evaluation report.
type RoundHistory struct {
	RoundID      int64            `json:"round_id"`
	Name         string           `json:"name"`
	Status       RoundStatus      `json:"status"`
	StartsOn     Date             `json:"starts_on"`
	PublishedOn  *Date            `json:"published_on"` // null before publication
	ResultStatus string           `json:"result_status"`
	Total        *Hundredths      `json:"total"` // null unless the result is complete
	Grade        *string          `json:"grade"`
	Rank         *int             `json:"rank"`
	RankedPlans  int              `json:"ranked_plans"`
	Dimensions   []DimensionScore `json:"dimensions"`
	SelfTotal    *Hundredths      `json:"self_total"`
	SelfGap      *Hundredths      `json:"self_gap"`
	Findings     int              `json:"findings"`
	Accepted     int              `json:"accepted"`
	Overdue      int              `json:"overdue"`
	Rate         *Rate            `json:"rate"` // accepted / findings; null without findings
	FindingItems []HistoryFinding `json:"finding_items"`
	Reports      []HistoryReport  `json:"reports"` // issued evaluation report versions, oldest first
}

// HistoryFinding is a finding as a plan's history lists it: no evaluator
// named, since departments read the history too.
type HistoryFinding struct {
	ID                   int64         `json:"id"`
	IndicatorCode        string        `json:"indicator_code"`
	Severity             Severity      `json:"severity"`
	Description          string        `json:"description"`
	Status               FindingStatus `json:"status"`
	DueOn                *Date         `json:"due_on"`
	Overdue              bool          `json:"overdue"`
	CarriedFromRoundID   *int64        `json:"carried_from_round_id"`
	CarriedFromFindingID *int64        `json:"carried_from_finding_id"`
}

// HistoryReport is one issued version of a plan's evaluation report.
// DownloadPath serves that version: the current one without a query, a
// superseded one (Current false) with ?version=N, byte for byte as issued.
type HistoryReport struct {
	Version      int       `json:"version"`
	Reason       string    `json:"reason"`
	IssuedAt     time.Time `json:"issued_at"`
	Current      bool      `json:"current"`
	DownloadPath *string   `json:"download_path"`
}

// PlanHistory returns a plan's history over the rounds the actor may see:
// every round for admins, published (and archived) ones for viewers and for
// the plan's department; another department's plan is not found.
func (s *Store) PlanHistory(ctx context.Context, actor Actor, planID int64) (*PlanHistory, error) {
	plan, err := s.Plan(ctx, planID)
	if err != nil {
		return nil, err
	}
	switch actor.Role {
	case RoleAdmin, RoleViewer:
	case RoleDepartment:
		if plan.LeadDepartmentID != actor.OrgID {
			return nil, ErrNotFound
		}
	default:
		return nil, ErrNotFound
	}
	g := s.read(ctx)
	var rounds []Round
	if err := inReadableRounds(g, actor, "status").
		Where("id IN (?)", g.Session(&gorm.Session{NewDB: true}).Model(&Assignment{}).Select("round_id").Where("plan_id = ?", planID)).
		Order("starts_on, id").Find(&rounds).Error; err != nil {
		return nil, fmt.Errorf("history rounds: %w", err)
	}
	h := &PlanHistory{Plan: plan, Rounds: make([]RoundHistory, 0, len(rounds))}
	if len(rounds) == 0 {
		return h, nil
	}
	ids := make([]int64, len(rounds))
	for i, r := range rounds {
		ids[i] = r.ID
	}
	var findings []Finding
	if err := g.Where("plan_id = ? AND round_id IN ?", planID, ids).Order("id").Find(&findings).Error; err != nil {
		return nil, fmt.Errorf("history findings: %w", err)
	}
	var reports []IssuedReport
	if err := g.Select("round_id, plan_id, version, reason, issued_at").
		Where("plan_id = ? AND round_id IN ?", planID, ids).Order("round_id, version").Find(&reports).Error; err != nil {
		return nil, fmt.Errorf("history reports: %w", err)
	}
	today := s.Today()
	for _, r := range rounds {
		rr, err := s.ComputeRoundResults(ctx, r.ID)
		if err != nil {
			return nil, err
		}
		rh := RoundHistory{RoundID: r.ID, Name: r.Name, Status: r.Status, StartsOn: r.StartsOn, PublishedOn: r.PublishedOn,
			ResultStatus: ResultNone, RankedPlans: rr.Ranked, Dimensions: []DimensionScore{},
			FindingItems: []HistoryFinding{}, Reports: []HistoryReport{}}
		for _, res := range rr.Results {
			if res.PlanID != planID {
				continue
			}
			item := rr.Item(res)
			rh.ResultStatus, rh.Total, rh.Grade, rh.Rank = item.ResultStatus, item.Total, item.Grade, item.Rank
			rh.Dimensions, rh.SelfTotal, rh.SelfGap = item.Dimensions, item.SelfTotal, item.SelfGap
		}
		for _, f := range findings {
			if f.RoundID != r.ID {
				continue
			}
			rh.Findings++
			if f.Status == FindingAccepted {
				rh.Accepted++
			}
			if f.Overdue(today) {
				rh.Overdue++
			}
			rh.FindingItems = append(rh.FindingItems, HistoryFinding{ID: f.ID, IndicatorCode: f.IndicatorCode,
				Severity: f.Severity, Description: f.Description, Status: f.Status, DueOn: f.DueOn,
				Overdue: f.Overdue(today), CarriedFromRoundID: f.CarriedFromRoundID, CarriedFromFindingID: f.CarriedFromFindingID})
		}
		rh.Rate = NewRate(int64(rh.Accepted), int64(rh.Findings))
		for i, ir := range reports {
			if ir.RoundID != r.ID {
				continue
			}
			hr := HistoryReport{Version: ir.Version, Reason: ir.Reason, IssuedAt: ir.IssuedAt,
				Current: i == len(reports)-1 || reports[i+1].RoundID != r.ID}
			path := fmt.Sprintf("/api/v1/rounds/%d/plans/%d/evaluation-report.pdf", r.ID, planID)
			if !hr.Current {
				path += fmt.Sprintf("?version=%d", ir.Version)
			}
			hr.DownloadPath = &path
			rh.Reports = append(rh.Reports, hr)
		}
		h.Rounds = append(h.Rounds, rh)
	}
	return h, nil
}
