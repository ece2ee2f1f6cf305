package evaluation

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/evald/evald/evaluation/scoring"
)

// SelfAssessmentStatus is where a department's self-assessment (自评) stands:
// pending (never saved) → draft → submitted, and submitted → returned →
// submitted when the office sends it back.
type SelfAssessmentStatus string

// Self-assessment states.
const (
	SelfPending   SelfAssessmentStatus = "pending"   // never saved, version 0
	SelfDraft     SelfAssessmentStatus = "draft"     // saved, not submitted
	SelfSubmitted SelfAssessmentStatus = "submitted" // handed in; evaluators see it
	SelfReturned  SelfAssessmentStatus = "returned"  // sent back by the office with a comment
)

// SelfScore is the department's own value for one indicator, with its
// explanation. In JSON: {"indicator_code": "1.1", "value": 5.5 | true | null,
// "explanation": "…"} — the value as in a scoresheet.
type SelfScore struct {
	IndicatorCode string
	Points        *float64 // set for a score indicator
	Yes           *bool    // set for a check indicator
	Explanation   string   `text:"multiline"`
}

type selfScoreJSON struct {
	IndicatorCode string          `json:"indicator_code"`
	Value         json.RawMessage `json:"value"`
	Explanation   string          `json:"explanation"`
}

// answer is the score as a rater's answer, for the scoring rules.
func (s SelfScore) answer() Answer {
	return Answer{IndicatorCode: s.IndicatorCode, Points: s.Points, Yes: s.Yes, Comment: s.Explanation}
}

// MarshalJSON writes the API shape of a self-score.
func (s SelfScore) MarshalJSON() ([]byte, error) {
	v := json.RawMessage("null")
	switch {
	case s.Points != nil:
		b, err := json.Marshal(*s.Points)
		if err != nil {
			return nil, err
		}
		v = b
	case s.Yes != nil:
		v = json.RawMessage(strconv.FormatBool(*s.Yes))
	}
	return json.Marshal(selfScoreJSON{IndicatorCode: s.IndicatorCode, Value: v, Explanation: s.Explanation})
}

// UnmarshalJSON reads the API shape of a self-score; whether the value fits
// the indicator is checked against the template later.
func (s *SelfScore) UnmarshalJSON(b []byte) error {
	var raw selfScoreJSON
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*s = SelfScore{IndicatorCode: raw.IndicatorCode, Explanation: raw.Explanation}
	v := bytes.TrimSpace(raw.Value)
	switch {
	case len(v) == 0 || bytes.Equal(v, []byte("null")):
	case bytes.Equal(v, []byte("true")) || bytes.Equal(v, []byte("false")):
		yes := v[0] == 't'
		s.Yes = &yes
	default:
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil || v[0] == '"' {
			return &AnswerValueError{Code: raw.IndicatorCode}
		}
		s.Points = &f
	}
	return nil
}

// SelfScores are a self-assessment's values, stored as one JSON document.
type SelfScores []SelfScore

// Value stores the scores as JSON text.
func (s SelfScores) Value() (driver.Value, error) { return jsonList([]SelfScore(s)) }

// Scan reads scores stored as JSON text.
func (s *SelfScores) Scan(src any) error {
	b, err := jsonColumn(src, "self scores")
	if err != nil || b == nil {
		*s = SelfScores{}
		return err
	}
	return json.Unmarshal(b, (*[]SelfScore)(s))
}

// answers are the scores as one rater's answers.
func (s SelfScores) answers() []Answer {
	out := make([]Answer, len(s))
	for i, sc := range s {
		out[i] = sc.answer()
	}
	return out
}

// SelfAssessment is a lead department's assessment of its own plan in a
// round (DESIGN.md "Evidence in, judgement out"): the round's template
// filled in with an explanation per indicator, a summary, and evidence files
// (attachments with SelfAssessmentID set).
type SelfAssessment struct {
	ID           int64
	RoundID      int64
	PlanID       int64
	DepartmentID int64
	Status       SelfAssessmentStatus
	Version      int
	Summary      string
	Scores       SelfScores
	Comment      string // the office's reason when it returned it
	DueOn        *Date  // its own, extended due date; nil: the round's
	SubmittedAt  *time.Time
	SubmittedBy  *int64
	ReturnedAt   *time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// dueOn is the last day the department may submit: its own extended date,
// else the round's.
func (sa *SelfAssessment) dueOn(r *Round) Date {
	if sa.DueOn != nil {
		return *sa.DueOn
	}
	if r.SelfAssessmentDue != nil {
		return *r.SelfAssessmentDue
	}
	return ""
}

// pastDue reports whether today is after the self-assessment's due date.
func (sa *SelfAssessment) pastDue(r *Round, today Date) bool {
	due := sa.dueOn(r)
	return due != "" && today > due
}

// expected reports whether evaluators still wait for it: neither submitted
// nor past its due date (DESIGN.md: a scoresheet cannot be submitted then).
func (sa *SelfAssessment) expected(r *Round, today Date) bool {
	return sa.Status != SelfSubmitted && !sa.pastDue(r, today)
}

// selfTotal scores the values like one rater's sheet; nil when nothing is
// answered yet.
func selfTotal(tpl *Template, scores SelfScores) *Hundredths {
	answered := false
	for _, s := range scores {
		answered = answered || s.answer().Answered()
	}
	if !answered {
		return nil
	}
	res := scoring.ComputeResults(tpl, DefaultOutlierThreshold,
		[]PlanSheets{{Sheets: []RaterSheet{{Answers: scores.answers()}}}})
	return &res[0].Total
}

// checkSelfScores validates a self-assessment's values against the template,
// by the rules of a scoresheet (checkAnswers): known indicators once each,
// score items 0…max_score in steps of 0.5, check items yes/no.
func checkSelfScores(tpl *Template, scores []SelfScore) error {
	answers := make([]Answer, len(scores))
	errs := fieldErrors{}
	for i, s := range scores {
		answers[i] = s.answer()
		answers[i].Comment = ""
		if len([]rune(s.Explanation)) > 2000 {
			errs.add(fmt.Sprintf("scores[%d].explanation", i), "说明不能超过2000字")
		}
	}
	if err := checkAnswers(tpl, answers); err != nil {
		for k, v := range err.(*ValidationError).Fields {
			errs.add(k, v)
		}
	}
	return errs.err()
}

// unansweredSelf names, by indicator code, what a submit still lacks.
func unansweredSelf(tpl *Template, scores SelfScores) fieldErrors {
	answered := map[string]bool{}
	for _, s := range scores {
		answered[s.IndicatorCode] = s.answer().Answered()
	}
	missing := fieldErrors{}
	for _, ind := range tpl.Indicators() {
		if !answered[ind.Code] {
			missing.add(ind.Code, "指标「"+ind.Code+" "+ind.Name+"」尚未自评")
		}
	}
	return missing
}

// selfStatusNames are the states in Chinese, for messages.
var selfStatusNames = map[SelfAssessmentStatus]string{
	SelfPending: "待填写", SelfDraft: "草稿", SelfSubmitted: "已提交", SelfReturned: "已退回",
}

// checkSelfAssessmentDue: a round's self-assessment ends within its scoring
// period, so that evaluators have it before they must submit.
func checkSelfAssessmentDue(r *Round, errs fieldErrors) {
	if r.SelfAssessmentDue == nil {
		return
	}
	switch d := *r.SelfAssessmentDue; {
	case d < r.StartsOn:
		errs.add("self_assessment_due", "自评截止日期不能早于开始日期")
	case d > r.ScoringDue:
		errs.add("self_assessment_due", "自评截止日期不能晚于评分截止日期")
	}
}
