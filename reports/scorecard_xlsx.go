package reports

import (
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/evald/evald/evaluation"
)

// SheetScorecard is the sheet of the departments' yearly scorecard.
const SheetScorecard = "部门考核"

// undefined is what a figure without a value prints (a rate without
// findings, a mean without results): never 0 or 100 %.
const undefined = "—"

// ScorecardXLSX writes a year's department scorecard (考核) as GET
// /departments/scorecard answers it, one row per department, by rank.
func ScorecardXLSX(w io.Writer, sc *evaluation.Scorecard) error {
	return oneSheet(w, "部门年度考核", SheetScorecard, []listColumn{
		{"排名", 6}, {"牵头单位", 24}, {"方案数", 8}, {"评估结果数", 10}, {"平均总分", 10}, {"等次分布", 24},
		{"问题数", 8}, {"严重", 6}, {"较重", 6}, {"一般", 6}, {"已销号", 8}, {"整改率", 10},
		{"应按期数", 10}, {"按期销号", 10}, {"按期销号率", 12}, {"逾期", 6}, {"平均自评差距", 14},
	}, sc.Items, func(it evaluation.ScorecardItem) []any {
		return []any{it.Rank, it.Name, it.Plans, it.Results, hundredthsCell(it.MeanTotal), gradeMix(it.Grades),
			it.Findings, it.BySeverity.Critical, it.BySeverity.Major, it.BySeverity.Minor, it.Accepted, rateCell(it.Rate),
			it.Due, it.OnTime, rateCell(it.OnTimeRate), it.Overdue, hundredthsCell(it.SelfGap)}
	})
}

// rateCell is a rate as a percentage cell, or "—" when undefined.
func rateCell(r *evaluation.Rate) any {
	if r == nil {
		return undefined
	}
	return r
}

// hundredthsCell is a score with 2 decimals as text, or "—" when undefined.
func hundredthsCell(h *evaluation.Hundredths) any {
	if h == nil {
		return undefined
	}
	return h.String()
}

// defaultGrades are the default bands, best first: a grade mix lists them
// in this order, then any other band's name (a template's own) by name.
var defaultGrades = map[string]int{"优秀": 0, "良好": 1, "合格": 2, "不合格": 3}

// gradeMix prints the grade counts ("优秀 1、良好 3"), or "—" without results.
func gradeMix(grades map[string]int) string {
	if len(grades) == 0 {
		return undefined
	}
	names := make([]string, 0, len(grades))
	for g := range grades {
		names = append(names, g)
	}
	order := func(g string) int {
		if i, ok := defaultGrades[g]; ok {
			return i
		}
		return len(defaultGrades)
	}
	sort.Slice(names, func(i, j int) bool {
		if order(names[i]) != order(names[j]) {
			return order(names[i]) < order(names[j])
		}
		return names[i] < names[j]
	})
	parts := make([]string, len(names))
	for i, g := range names {
		parts[i] = g + " " + strconv.Itoa(grades[g])
	}
	return strings.Join(parts, "、")
}
