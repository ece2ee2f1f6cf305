package scoring

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// Answer is a rater's answer to one indicator: points for a `score`
// indicator, yes/no for a `check` indicator, or nothing yet (a partial draft).
// In JSON it reads {"indicator_code": "1.1", "value": 5.5 | true | null, "comment": "…"}.
type Answer struct {
	IndicatorCode string
	Points        *float64 // set for a score indicator
	Yes           *bool    // set for a check indicator
	Comment       string   `text:"multiline"`
}

// Answered reports whether the answer carries a value.
func (a Answer) Answered() bool { return a.Points != nil || a.Yes != nil }

type answerJSON struct {
	IndicatorCode string          `json:"indicator_code"`
	Value         json.RawMessage `json:"value"`
	Comment       string          `json:"comment,omitempty"`
}

// MarshalJSON writes the API shape of an answer.
func (a Answer) MarshalJSON() ([]byte, error) {
	v := json.RawMessage("null")
	switch {
	case a.Points != nil:
		b, err := json.Marshal(*a.Points)
		if err != nil {
			return nil, err
		}
		v = b
	case a.Yes != nil:
		v = json.RawMessage(strconv.FormatBool(*a.Yes))
	}
	return json.Marshal(answerJSON{IndicatorCode: a.IndicatorCode, Value: v, Comment: a.Comment})
}

// UnmarshalJSON reads the API shape of an answer; value may be a number, a
// boolean or null. Whether it fits the indicator's kind is checked later.
func (a *Answer) UnmarshalJSON(b []byte) error {
	var raw answerJSON
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	return a.fromJSON(raw)
}

// fromJSON sets the answer from its decoded JSON fields.
func (a *Answer) fromJSON(raw answerJSON) error {
	*a = Answer{IndicatorCode: raw.IndicatorCode, Comment: raw.Comment}
	v := bytes.TrimSpace(raw.Value)
	switch {
	case len(v) == 0 || bytes.Equal(v, []byte("null")):
	case bytes.Equal(v, []byte("true")) || bytes.Equal(v, []byte("false")):
		yes := v[0] == 't'
		a.Yes = &yes
	default:
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil || v[0] == '"' {
			return &AnswerValueError{Code: raw.IndicatorCode}
		}
		a.Points = &f
	}
	return nil
}

// DecodeAnswers reads a JSON list of answers, as the store keeps them.
// Decoding into the plain JSON shape and converting is twice as fast as
// calling Answer.UnmarshalJSON per element, and results read thousands.
func DecodeAnswers(b []byte) ([]Answer, error) {
	var raw []answerJSON
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	out := make([]Answer, len(raw))
	for i := range raw {
		if err := out[i].fromJSON(raw[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// AnswerValueError is returned when an answer's value is neither a number,
// a boolean nor null.
type AnswerValueError struct{ Code string }

func (e *AnswerValueError) Error() string {
	return fmt.Sprintf("evaluation: value of indicator %q is neither a number nor a boolean", e.Code)
}

// PointsFor returns the points an answer earns on an indicator, in steps of
// 0.5, and whether it is answered.
func PointsFor(ind Indicator, a Answer) (half int64, answered bool) {
	switch {
	case ind.Kind == KindCheck && a.Yes != nil:
		if *a.Yes {
			h, _ := HalfPoints(ind.MaxScore)
			return h, true
		}
		return 0, true
	case ind.Kind == KindScore && a.Points != nil:
		h, _ := HalfPoints(*a.Points)
		return h, true
	}
	return 0, false
}
