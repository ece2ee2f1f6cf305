package evaluation

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"strconv"
	"time"
)

// SurveyResults are the aggregated answers of a survey (API.md "Surveys").
// Text answers are not aggregated: they are only in the responses workbook.
type SurveyResults struct {
	SurveyID  int64        `json:"survey_id"`
	Title     string       `json:"title"`
	Status    SurveyStatus `json:"status"`
	Responses int64        `json:"responses"`
	// SatisfactionIndex is 0–100 over every likert5 answer of the survey:
	// (mean − 1) / 4 × 100, rounded half up to 2 decimals; nil without any.
	SatisfactionIndex *Hundredths      `json:"satisfaction_index"`
	Questions         []QuestionResult `json:"questions"`
}

// QuestionResult is the tally of one question's answers.
type QuestionResult struct {
	Code     string       `json:"code"`
	Text     string       `json:"text"`
	Kind     QuestionKind `json:"kind"`
	Answered int64        `json:"answered"`
	// Counts is the number of answers of each option (single, multiple) or
	// scale point ("1"…"5", "0"…"10"), in the question's order; nil for text.
	Counts OptionCounts `json:"counts,omitempty"`
	Mean   *Hundredths  `json:"mean,omitempty"` // likert5 and nps, once answered
	// NPSScore is the net promoter score of an nps question: the percentage
	// of 9–10 answers minus that of 0–6 answers, −100…100.
	NPSScore *Hundredths `json:"nps_score,omitempty"`
}

// OptionCount is how many answers chose one option or scale point.
type OptionCount struct {
	Option string
	N      int64
}

// OptionCounts are counts in the question's order; in JSON an object
// {option: n} that keeps that order.
type OptionCounts []OptionCount

// MarshalJSON writes the counts as one object, in order.
func (oc OptionCounts) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, c := range oc {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(c.Option)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.WriteString(strconv.FormatInt(c.N, 10))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads an object {option: n}, keeping its order.
func (oc *OptionCounts) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("option counts: want an object")
	}
	out := OptionCounts{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return fmt.Errorf("option counts: %w", err)
		}
		key, _ := t.(string)
		var n int64
		if err := dec.Decode(&n); err != nil {
			return fmt.Errorf("option counts: %s: %w", key, err)
		}
		out = append(out, OptionCount{Option: key, N: n})
	}
	*oc = out
	return nil
}

// Count returns the count of an option (0 when it is not one).
func (oc OptionCounts) Count(option string) int64 {
	for _, c := range oc {
		if c.Option == option {
			return c.N
		}
	}
	return 0
}

// SurveySummary is a survey linked to a plan and round as the evaluators'
// scoresheet page and the evaluation report show it.
type SurveySummary struct {
	ID                int64        `json:"id"`
	Title             string       `json:"title"`
	Status            SurveyStatus `json:"status"`
	Responses         int64        `json:"responses"`
	SatisfactionIndex *Hundredths  `json:"satisfaction_index"`
}

// SurveyResponse is one stored response: when it came and its answers
// (string, []string or int by question code). It holds nothing else.
type SurveyResponse struct {
	ID        int64
	CreatedAt time.Time
	Answers   map[string]any
}

// roundHalfUp returns num/den rounded half up (away from zero for negative
// values) as hundredths, where num is already scaled by 100.
func roundHalfUp(num, den int64) Hundredths {
	if den <= 0 {
		return 0
	}
	if num < 0 {
		return -roundHalfUp(-num, den)
	}
	return Hundredths((2*num + den) / (2 * den))
}

// satisfactionIndex is (sum/n − 1)/4 × 100 = 25·(sum − n)/n, exactly rounded.
func satisfactionIndex(sum, n int64) *Hundredths {
	if n == 0 {
		return nil
	}
	h := roundHalfUp(2500*(sum-n), n)
	return &h
}

// surveyTally accumulates the answers of a survey's responses.
type surveyTally struct {
	questions []SurveyQuestion
	results   []QuestionResult
	index     map[string]int         // question code → position
	sums      []int64                // per question: sum of scale answers
	promoters []int64                // per nps question: 9–10 answers
	detract   []int64                // per nps question: 0–6 answers
	points    []map[string]int       // per question: option → position in Counts
	likert    struct{ sum, n int64 } // every likert5 answer
	responses int64
}

func newSurveyTally(qs []SurveyQuestion) *surveyTally {
	t := &surveyTally{questions: qs, index: map[string]int{}, sums: make([]int64, len(qs)),
		promoters: make([]int64, len(qs)), detract: make([]int64, len(qs)), points: make([]map[string]int, len(qs))}
	for i, q := range qs {
		t.index[q.Code] = i
		r := QuestionResult{Code: q.Code, Text: q.Text, Kind: q.Kind}
		var keys []string
		switch q.Kind {
		case QuestionSingle, QuestionMultiple:
			keys = q.Options
		case QuestionLikert5, QuestionNPS:
			lo, hi := scaleOf(q.Kind)
			for v := lo; v <= hi; v++ {
				keys = append(keys, strconv.Itoa(v))
			}
		}
		if keys != nil {
			r.Counts = make(OptionCounts, len(keys))
			t.points[i] = make(map[string]int, len(keys))
			for j, k := range keys {
				r.Counts[j] = OptionCount{Option: k}
				t.points[i][k] = j
			}
		}
		t.results = append(t.results, r)
	}
	return t
}

// add counts one response.
func (t *surveyTally) add(answers map[string]any) {
	t.responses++
	for code, v := range answers {
		i, ok := t.index[code]
		if !ok {
			continue
		}
		r := &t.results[i]
		r.Answered++
		switch v := v.(type) {
		case string:
			if j, ok := t.points[i][v]; ok {
				r.Counts[j].N++
			}
		case []string:
			for _, o := range v {
				if j, ok := t.points[i][o]; ok {
					r.Counts[j].N++
				}
			}
		case int:
			if j, ok := t.points[i][strconv.Itoa(v)]; ok {
				r.Counts[j].N++
			}
			t.sums[i] += int64(v)
			switch {
			case r.Kind == QuestionLikert5:
				t.likert.sum += int64(v)
				t.likert.n++
			case v >= 9:
				t.promoters[i]++
			case v <= 6:
				t.detract[i]++
			}
		}
	}
}

// finish computes the means, scores and index.
func (t *surveyTally) finish(sv *Survey) *SurveyResults {
	for i := range t.results {
		r := &t.results[i]
		if r.Answered == 0 || (r.Kind != QuestionLikert5 && r.Kind != QuestionNPS) {
			continue
		}
		mean := roundHalfUp(100*t.sums[i], r.Answered)
		r.Mean = &mean
		if r.Kind == QuestionNPS {
			nps := roundHalfUp(10000*(t.promoters[i]-t.detract[i]), r.Answered)
			r.NPSScore = &nps
		}
	}
	if t.results == nil {
		t.results = []QuestionResult{}
	}
	return &SurveyResults{SurveyID: sv.ID, Title: sv.Title, Status: sv.Status, Responses: t.responses,
		SatisfactionIndex: satisfactionIndex(t.likert.sum, t.likert.n), Questions: t.results}
}

// decodeAnswers reads stored answers back: strings, lists of strings and
// integers.
func decodeAnswers(s string) (map[string]any, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		return nil, fmt.Errorf("survey answers: %w", err)
	}
	out := make(map[string]any, len(raw))
	for code, v := range raw {
		switch v = bytes.TrimSpace(v); {
		case len(v) > 0 && v[0] == '"':
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				return nil, fmt.Errorf("survey answer %s: %w", code, err)
			}
			out[code] = s
		case len(v) > 0 && v[0] == '[':
			var xs []string
			if err := json.Unmarshal(v, &xs); err != nil {
				return nil, fmt.Errorf("survey answer %s: %w", code, err)
			}
			out[code] = xs
		default:
			n, err := strconv.Atoi(string(v))
			if err != nil {
				return nil, fmt.Errorf("survey answer %s: %w", code, err)
			}
			out[code] = n
		}
	}
	return out, nil
}

// SurveyResults tallies every response of a survey the actor may see in one
// pass over them.
func (s *Store) SurveyResults(ctx context.Context, actor Actor, id int64) (*SurveyResults, error) {
	_, sv, err := loadSurvey(visibleSurveys(s.read(ctx), actor), id)
	if err != nil {
		return nil, err
	}
	t := newSurveyTally(sv.Questions)
	rows, err := s.read(ctx).Model(&surveyResponseRow{}).Select("answers").Where("survey_id = ?", id).Rows()
	if err != nil {
		return nil, fmt.Errorf("survey results: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, fmt.Errorf("survey results: %w", err)
		}
		answers, err := decodeAnswers(body)
		if err != nil {
			return nil, err
		}
		t.add(answers)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("survey results: %w", err)
	}
	return t.finish(sv), nil
}

// responseBatch is how many responses SurveyResponses reads at a time; the
// connection is free between batches (SQLite has only one).
const responseBatch = 1000

// SurveyResponses yields every response of a survey, oldest first, reading
// them in batches.
func (s *Store) SurveyResponses(ctx context.Context, id int64) iter.Seq2[*SurveyResponse, error] {
	return func(yield func(*SurveyResponse, error) bool) {
		after := int64(0)
		for {
			var rows []surveyResponseRow
			err := s.read(ctx).Select("id, answers, created_at").Where("survey_id = ? AND id > ?", id, after).
				Order("id").Limit(responseBatch).Find(&rows).Error
			if err != nil {
				yield(nil, fmt.Errorf("survey responses: %w", err))
				return
			}
			for _, r := range rows {
				answers, err := decodeAnswers(r.Answers)
				if err != nil {
					yield(nil, err)
					return
				}
				if !yield(&SurveyResponse{ID: r.ID, CreatedAt: r.CreatedAt, Answers: answers}, nil) {
					return
				}
				after = r.ID
			}
			if len(rows) < responseBatch {
				return
			}
		}
	}
}

// surveySummaryRow is the aggregate of one linked survey's responses.
type surveySummaryRow struct {
	ID          int64
	PlanID      int64
	Title       string
	Status      SurveyStatus
	Responses   int64
	LikertSum   int64
	LikertCount int64
}

// linkedSurveys summarises, in one query, the published and closed surveys
// linked to a round (and to planID, unless it is 0), by plan.
func (s *Store) linkedSurveys(ctx context.Context, roundID, planID int64) (map[int64][]SurveySummary, error) {
	q := s.read(ctx).Table("surveys").
		Select("surveys.id, surveys.plan_id, surveys.title, surveys.status, COUNT(survey_responses.id) AS responses, "+
			"COALESCE(SUM(survey_responses.likert_sum), 0) AS likert_sum, COALESCE(SUM(survey_responses.likert_count), 0) AS likert_count").
		Joins("LEFT JOIN survey_responses ON survey_responses.survey_id = surveys.id").
		Where("surveys.round_id = ? AND surveys.plan_id IS NOT NULL AND surveys.status <> ?", roundID, SurveyDraft)
	if planID != 0 {
		q = q.Where("surveys.plan_id = ?", planID)
	}
	var rows []surveySummaryRow
	err := q.Group("surveys.id, surveys.plan_id, surveys.title, surveys.status").Order("surveys.id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("linked surveys: %w", err)
	}
	out := map[int64][]SurveySummary{}
	for _, r := range rows {
		out[r.PlanID] = append(out[r.PlanID], SurveySummary{ID: r.ID, Title: r.Title, Status: r.Status,
			Responses: r.Responses, SatisfactionIndex: satisfactionIndex(r.LikertSum, r.LikertCount)})
	}
	return out, nil
}

// PlanSurveys summarises the published and closed surveys linked to a plan
// in a round (an empty list when there are none), for the evaluators'
// scoresheet page.
func (s *Store) PlanSurveys(ctx context.Context, roundID, planID int64) ([]SurveySummary, error) {
	by, err := s.linkedSurveys(ctx, roundID, planID)
	if err != nil {
		return nil, err
	}
	if by[planID] == nil {
		return []SurveySummary{}, nil
	}
	return by[planID], nil
}
