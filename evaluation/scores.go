package evaluation

import "github.com/evald/evald/evaluation/scoring"

// The indicator system, answers and scoring rules live in package
// evaluation/scoring, which is pure; these names keep them reachable
// where the domain's callers have always found them.

// Hundredths is a score in hundredths of a point (scoring.Hundredths).
type Hundredths = scoring.Hundredths

// IndicatorKind says how an indicator is answered.
type IndicatorKind = scoring.IndicatorKind

// Indicator kinds.
const (
	KindScore = scoring.KindScore // a number 0…max_score in steps of 0.5
	KindCheck = scoring.KindCheck // 清单项: yes earns max_score, no earns 0
)

// Template is an indicator system (指标体系).
type Template = scoring.Template

// GradeBand is a grade and the lowest rounded total that earns it.
type GradeBand = scoring.GradeBand

// Dimension is a first-level indicator (一级指标).
type Dimension = scoring.Dimension

// Indicator is a second-level indicator (二级指标) that raters answer.
type Indicator = scoring.Indicator

// GradeFail is the grade of a plan below every band or vetoed (一票否决).
const GradeFail = scoring.GradeFail

// DefaultGradeBands are the bands used when a template names none.
func DefaultGradeBands() []GradeBand { return scoring.DefaultGradeBands() }

// ValidateTemplate checks the rules of an indicator system
// (scoring.CheckTemplate); a broken rule is a *ValidationError.
func ValidateTemplate(t *Template) error {
	if errs := scoring.CheckTemplate(t); len(errs) > 0 {
		return fieldErrors(errs).err()
	}
	return nil
}

// Answer is a rater's answer to one indicator.
type Answer = scoring.Answer

// AnswerValueError is returned when an answer's value is neither a number,
// a boolean nor null.
type AnswerValueError = scoring.AnswerValueError

// PointsFor returns the points an answer earns on an indicator, in steps of
// 0.5, and whether it is answered.
func PointsFor(ind Indicator, a Answer) (half int64, answered bool) { return scoring.PointsFor(ind, a) }

// RaterSheet is one submitted scoresheet of a plan.
type RaterSheet = scoring.RaterSheet

// PlanSheets is a plan and its submitted scoresheets.
type PlanSheets = scoring.PlanSheets

// PlanResult is a plan's result in a round, as the reports print it.
type PlanResult = scoring.PlanResult

// DimensionScore is the mean score of a dimension over the raters kept.
type DimensionScore = scoring.DimensionScore

// IndicatorStat is the mean, lowest and highest points of an indicator.
type IndicatorStat = scoring.IndicatorStat

// RaterTotal is one rater's total on a plan and what the rules made of it.
type RaterTotal = scoring.RaterTotal

// ComputeResults applies the scoring rules to every plan of a round
// (scoring.ComputeResults).
func ComputeResults(t *Template, outlierThreshold float64, plans []PlanSheets) []PlanResult {
	return scoring.ComputeResults(t, outlierThreshold, plans)
}

// ComputeResultsMin is ComputeResults where a complete result needs
// minRaters submitted scoresheets (scoring.ComputeResultsMin).
func ComputeResultsMin(t *Template, outlierThreshold float64, minRaters int, plans []PlanSheets) []PlanResult {
	return scoring.ComputeResultsMin(t, outlierThreshold, minRaters, plans)
}

// Result statuses (scoring.StatusComplete…).
const (
	ResultComplete     = scoring.StatusComplete
	ResultInsufficient = scoring.StatusInsufficient
	ResultNone         = scoring.StatusNone
)
