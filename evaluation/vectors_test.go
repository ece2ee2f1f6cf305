package evaluation_test

import (
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
)

// The rules both the server and the web UI implement are checked against one
// table of cases in testdata/vectors, which frontend/src/utils/vectors.test.ts
// reads too: a rule changed on one side only fails a test.

// readVectors decodes testdata/vectors/name into v.
func readVectors(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "vectors", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// problemFields is the sorted field paths of a validation error; [] for nil.
func problemFields(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return []string{}
	}
	var verr *evaluation.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("not a validation error: %v", err)
	}
	return slices.Sorted(maps.Keys(verr.Fields))
}

// answerOf is the answer to an indicator as the API reads it from JSON.
func answerOf(t *testing.T, code string, value json.RawMessage) evaluation.Answer {
	t.Helper()
	var a evaluation.Answer
	if err := json.Unmarshal([]byte(`{"indicator_code":`+strconv.Quote(code)+`,"value":`+string(value)+`}`), &a); err != nil {
		t.Fatalf("%s: %v", code, err)
	}
	return a
}

func sorted(xs []string) []string {
	out := append([]string{}, xs...)
	slices.Sort(out)
	return out
}

func TestVectorsScoreSteps(t *testing.T) {
	var v struct {
		Steps []struct {
			Name      string
			Indicator evaluation.Indicator
			Value     json.RawMessage
			Valid     bool
			Points    *float64
		}
	}
	readVectors(t, "scoring.json", &v)
	if len(v.Steps) == 0 {
		t.Fatal("no steps")
	}
	for _, c := range v.Steps {
		a := answerOf(t, c.Indicator.Code, c.Value)
		tpl := &evaluation.Template{Dimensions: []evaluation.Dimension{{Code: "1", Indicators: []evaluation.Indicator{c.Indicator}}}}
		err := evaluation.CheckAnswers(tpl, []evaluation.Answer{a})
		if (err == nil) != c.Valid {
			t.Errorf("%s: valid = %v, want %v (%v)", c.Name, err == nil, c.Valid, err)
		}
		if c.Points != nil {
			if h, _ := evaluation.PointsFor(c.Indicator, a); float64(h)/2 != *c.Points {
				t.Errorf("%s: points = %v, want %v", c.Name, float64(h)/2, *c.Points)
			}
		}
	}
}

func TestVectorsScoresheetTotals(t *testing.T) {
	var v struct {
		Template evaluation.Template
		Totals   []struct {
			Name       string
			Answers    map[string]json.RawMessage
			Total      float64
			Dimensions []float64
			Vetoed     []string
			Missing    []string
		}
	}
	readVectors(t, "scoring.json", &v)
	if len(v.Totals) == 0 {
		t.Fatal("no totals")
	}
	for _, c := range v.Totals {
		var answers []evaluation.Answer
		for _, code := range slices.Sorted(maps.Keys(c.Answers)) {
			answers = append(answers, answerOf(t, code, c.Answers[code]))
		}
		if err := evaluation.CheckAnswers(&v.Template, answers); err != nil {
			t.Fatalf("%s: the answers of a total must be valid: %v", c.Name, err)
		}
		res := evaluation.ComputeResults(&v.Template, 15, []evaluation.PlanSheets{{PlanID: 1, Sheets: []evaluation.RaterSheet{{AssignmentID: 1, Answers: answers}}}})[0]
		if res.Total.Float64() != c.Total {
			t.Errorf("%s: total = %v, want %v", c.Name, res.Total, c.Total)
		}
		dims := []float64{}
		for _, d := range res.Dimensions {
			dims = append(dims, d.Score.Float64())
		}
		if !slices.Equal(dims, c.Dimensions) {
			t.Errorf("%s: dimensions = %v, want %v", c.Name, dims, c.Dimensions)
		}
		if vetoed := append([]string{}, res.VetoItems...); !slices.Equal(sorted(vetoed), sorted(c.Vetoed)) || res.Veto != (len(c.Vetoed) > 0) {
			t.Errorf("%s: vetoed = %v (veto %v), want %v", c.Name, vetoed, res.Veto, c.Vetoed)
		}
		if missing := sorted(evaluation.Unanswered(&v.Template, answers)); !slices.Equal(missing, sorted(c.Missing)) {
			t.Errorf("%s: missing = %v, want %v", c.Name, missing, c.Missing)
		}
	}
}

func TestVectorsTemplates(t *testing.T) {
	var v struct {
		Templates []struct {
			Name     string
			Template evaluation.Template
			Problems []string
			Total    float64
		}
	}
	readVectors(t, "template.json", &v)
	if len(v.Templates) == 0 {
		t.Fatal("no templates")
	}
	for _, c := range v.Templates {
		err := evaluation.ValidateTemplate(&c.Template)
		if got := problemFields(t, err); !slices.Equal(got, sorted(c.Problems)) {
			t.Errorf("%s: problems = %v, want %v (%v)", c.Name, got, c.Problems, err)
			continue
		}
		// The total is named in the message when it is what is wrong.
		var verr *evaluation.ValidationError
		if errors.As(err, &verr) && verr.Fields["dimensions"] != "" && len(c.Template.Dimensions) > 0 {
			if want := "当前为" + strconv.FormatFloat(c.Total, 'f', -1, 64) + "分"; !strings.Contains(verr.Fields["dimensions"], want) {
				t.Errorf("%s: %q does not say %q", c.Name, verr.Fields["dimensions"], want)
			}
		}
	}
}

func TestVectorsSurveyQuestions(t *testing.T) {
	var v struct {
		Questions []struct {
			Name      string
			Questions []evaluation.SurveyQuestion
			Problems  []string
		}
	}
	readVectors(t, "survey.json", &v)
	if len(v.Questions) == 0 {
		t.Fatal("no question cases")
	}
	for _, c := range v.Questions {
		err := evaluation.ValidateQuestions(c.Questions)
		if got := problemFields(t, err); !slices.Equal(got, sorted(c.Problems)) {
			t.Errorf("%s: problems = %v, want %v (%v)", c.Name, got, c.Problems, err)
		}
	}
}

// The server has no "shown" of its own to compare: it refuses an answer to a
// hidden question, so the answers it accepts say which questions it showed.
// Given every answer typed, it refuses the vector's problems and the answers
// to questions not shown; given what the page sends, only the problems, and
// with none it keeps exactly what was sent.
func TestVectorsSurveyAnswers(t *testing.T) {
	var v struct {
		Questionnaires map[string][]evaluation.SurveyQuestion
		Answers        []struct {
			Name          string
			Questionnaire string
			Answers       map[string]json.RawMessage
			Shown         []string
			Problems      []string
			Sent          []string
		}
	}
	readVectors(t, "survey.json", &v)
	if len(v.Answers) == 0 {
		t.Fatal("no answer cases")
	}
	for _, c := range v.Answers {
		qs, ok := v.Questionnaires[c.Questionnaire]
		if !ok {
			t.Fatalf("%s: no questionnaire %q", c.Name, c.Questionnaire)
		}
		if c.Questionnaire == "main" {
			if err := evaluation.ValidateQuestions(qs); err != nil {
				t.Fatal(err)
			}
		}
		refused := slices.Clone(c.Problems)
		for code, raw := range c.Answers {
			if !slices.Contains(c.Shown, code) && !blankJSON(raw) {
				refused = append(refused, code)
			}
		}
		_, err := evaluation.ValidateAnswers(qs, c.Answers)
		if got := problemFields(t, err); !slices.Equal(got, sorted(refused)) {
			t.Errorf("%s, every answer: refused = %v, want %v", c.Name, got, sorted(refused))
		}
		sent := map[string]json.RawMessage{}
		for _, code := range c.Sent {
			sent[code] = c.Answers[code]
		}
		kept, err := evaluation.ValidateAnswers(qs, sent)
		if got := problemFields(t, err); !slices.Equal(got, sorted(c.Problems)) {
			t.Errorf("%s, as sent: refused = %v, want %v", c.Name, got, c.Problems)
		}
		if err == nil && !slices.Equal(slices.Sorted(maps.Keys(kept)), sorted(c.Sent)) {
			t.Errorf("%s: kept %v, want %v", c.Name, slices.Sorted(maps.Keys(kept)), c.Sent)
		}
	}
}

// blankJSON is a vector's answer that counts as none: null, blank text, [].
func blankJSON(raw json.RawMessage) bool {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return false
	}
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(x) == ""
	case []any:
		return len(x) == 0
	}
	return false
}
