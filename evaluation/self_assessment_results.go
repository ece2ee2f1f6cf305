package evaluation

import (
	"fmt"

	"gorm.io/gorm"
)

// addSelfScores sets, on each plan's result, the total and dimension scores
// of its submitted self-assessment — scored like one rater's sheet — and the
// gap to the third-party total (self − third party; null unless the plan's
// result is complete). One query for the whole round.
func addSelfScores(g *gorm.DB, r *Round, tpl *Template, results []PlanResult) error {
	var rows []SelfAssessment
	if err := g.Select("plan_id, scores").Where("round_id = ? AND status = ?", r.ID, SelfSubmitted).
		Find(&rows).Error; err != nil {
		return fmt.Errorf("results self-assessments: %w", err)
	}
	if len(rows) == 0 {
		return nil
	}
	in := make([]PlanSheets, len(rows))
	for i, sa := range rows {
		in[i] = PlanSheets{PlanID: sa.PlanID, Sheets: []RaterSheet{{Answers: sa.Scores.answers()}}}
	}
	self := map[int64]PlanResult{}
	for _, res := range ComputeResults(tpl, r.OutlierThreshold, in) {
		self[res.PlanID] = res
	}
	for i := range results {
		res := &results[i]
		sr, ok := self[res.PlanID]
		if !ok {
			continue
		}
		total := sr.Total
		res.SelfTotal = &total
		if res.Status == ResultComplete {
			gap := total - res.Total
			res.SelfGap = &gap
		}
		for j := range res.Dimensions {
			for _, d := range sr.Dimensions {
				if d.Code == res.Dimensions[j].Code {
					score := d.Score
					res.Dimensions[j].SelfScore = &score
				}
			}
		}
	}
	return nil
}
