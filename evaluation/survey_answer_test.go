package evaluation_test

import (
	"encoding/json"
	"errors"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// validQuestions is evaltest's eight-question survey after validation (with
// its show_if values canonical).
func validQuestions(t *testing.T) []evaluation.SurveyQuestion {
	t.Helper()
	qs := evaltest.SurveyRequest().Questions
	if err := evaluation.ValidateQuestions(qs); err != nil {
		t.Fatal(err)
	}
	return qs
}

func TestValidateAnswers(t *testing.T) {
	qs := validQuestions(t)
	base := `"q1": 4, "q2": "否", "q5": 5, "q6": 9`
	long := strings.Repeat("好", evaluation.MaxSurveyText)
	cases := []struct {
		name    string
		answers string
		fields  []string       // codes named in the 422; none: accepted
		kept    map[string]any // what is kept, when accepted
	}{
		{name: "required only", answers: `{` + base + `}`,
			kept: map[string]any{"q1": 4, "q2": "否", "q5": 5, "q6": 9}},
		{name: "shown questions answered", answers: `{` + base[:len(base)-len(`"q6": 9`)] + `"q6": 0, "q2": "是", "q3": 1, "q4": ["电话", "线上平台"], "q7": "60岁以上", "q8": "  很好  "}`,
			kept: map[string]any{"q1": 4, "q2": "是", "q3": 1, "q4": []string{"电话", "线上平台"}, "q5": 5, "q6": 0, "q7": "60岁以上", "q8": "很好"}},
		{name: "blank values count as unanswered", answers: `{` + base + `, "q7": null, "q8": "   ", "q4": []}`,
			kept: map[string]any{"q1": 4, "q2": "否", "q5": 5, "q6": 9}},
		{name: "text of exactly the limit", answers: `{` + base + `, "q8": "` + long + `"}`,
			kept: map[string]any{"q1": 4, "q2": "否", "q5": 5, "q6": 9, "q8": long}},

		{name: "empty response misses every required question shown", answers: `{}`, fields: []string{"q1", "q2", "q5", "q6"}},
		{name: "required and shown but missing", answers: `{"q1": 4, "q2": "是", "q5": 5, "q6": 9}`, fields: []string{"q3"}},
		{name: "required but hidden is not required", answers: `{"q1": 4, "q2": "否", "q5": 5, "q6": 9}`},
		{name: "hidden question answered", answers: `{` + base + `, "q3": 4}`, fields: []string{"q3"}},
		{name: "hidden multiple answered", answers: `{` + base + `, "q4": ["电话"]}`, fields: []string{"q4"}},
		{name: "hidden because its condition is missing", answers: `{"q1": 4, "q5": 5, "q6": 9, "q3": 2}`, fields: []string{"q2", "q3"}},
		{name: "hidden because its condition is invalid", answers: `{"q1": 4, "q2": "也许", "q5": 5, "q6": 9, "q3": 2}`, fields: []string{"q2", "q3"}},
		{name: "unknown question", answers: `{` + base + `, "q9": 1}`, fields: []string{"q9"}},
		{name: "unknown malformed code", answers: `{` + base + `, "no such/question": 1}`, fields: []string{"answers"}},
		{name: "single not an option", answers: `{` + base[:len(base)-len(`"q6": 9`)] + `"q6": 9, "q7": "25岁"}`, fields: []string{"q7"}},
		{name: "single given as a list", answers: `{` + base + `, "q7": ["60岁以上"]}`, fields: []string{"q7"}},
		{name: "single given as a number", answers: `{"q1": 4, "q2": 1, "q5": 5, "q6": 9}`, fields: []string{"q2"}},
		{name: "multiple not a list", answers: `{"q1": 4, "q2": "是", "q3": 3, "q4": "电话", "q5": 5, "q6": 9}`, fields: []string{"q4"}},
		{name: "multiple with an unknown option", answers: `{"q1": 4, "q2": "是", "q3": 3, "q4": ["电话", "短信"], "q5": 5, "q6": 9}`, fields: []string{"q4"}},
		{name: "multiple with a repeated option", answers: `{"q1": 4, "q2": "是", "q3": 3, "q4": ["电话", "电话"], "q5": 5, "q6": 9}`, fields: []string{"q4"}},
		{name: "multiple with a number", answers: `{"q1": 4, "q2": "是", "q3": 3, "q4": [1], "q5": 5, "q6": 9}`, fields: []string{"q4"}},
		{name: "likert below range", answers: `{"q1": 0, "q2": "否", "q5": 5, "q6": 9}`, fields: []string{"q1"}},
		{name: "likert above range", answers: `{"q1": 6, "q2": "否", "q5": 5, "q6": 9}`, fields: []string{"q1"}},
		{name: "likert not an integer", answers: `{"q1": 2.5, "q2": "否", "q5": 5, "q6": 9}`, fields: []string{"q1"}},
		{name: "likert as a string", answers: `{"q1": "3", "q2": "否", "q5": 5, "q6": 9}`, fields: []string{"q1"}},
		{name: "likert written 3.0", answers: `{"q1": 3.0, "q2": "否", "q5": 5, "q6": 9}`, fields: []string{"q1"}},
		{name: "likert as an exponent", answers: `{"q1": 3e0, "q2": "否", "q5": 5, "q6": 9}`, fields: []string{"q1"}},
		{name: "likert as a boolean", answers: `{"q1": true, "q2": "否", "q5": 5, "q6": 9}`, fields: []string{"q1"}},
		{name: "nps below range", answers: `{"q1": 4, "q2": "否", "q5": 5, "q6": -1}`, fields: []string{"q6"}},
		{name: "nps above range", answers: `{"q1": 4, "q2": "否", "q5": 5, "q6": 11}`, fields: []string{"q6"}},
		{name: "nps fraction", answers: `{"q1": 4, "q2": "否", "q5": 5, "q6": 9.5}`, fields: []string{"q6"}},
		{name: "text too long", answers: `{` + base + `, "q8": "` + long + `长"}`, fields: []string{"q8"}},
		{name: "text not a string", answers: `{` + base + `, "q8": 42}`, fields: []string{"q8"}},
		{name: "every problem at once", answers: `{"q1": 9, "q2": "是", "q4": ["x"], "q6": "10", "q8": {}, "zz": 1}`,
			fields: []string{"q1", "q3", "q4", "q5", "q6", "q8", "zz"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var answers map[string]json.RawMessage
			if err := json.Unmarshal([]byte(c.answers), &answers); err != nil {
				t.Fatalf("bad case: %v", err)
			}
			kept, err := evaluation.ValidateAnswers(qs, answers)
			var ve *evaluation.ValidationError
			switch {
			case len(c.fields) == 0 && err != nil:
				t.Fatalf("refused: %v", err)
			case len(c.fields) > 0 && !errors.As(err, &ve):
				t.Fatalf("accepted (%v), want 422 naming %v", err, c.fields)
			case len(c.fields) > 0:
				got := slices.Sorted(maps.Keys(ve.Fields))
				if !slices.Equal(got, c.fields) {
					t.Fatalf("422 names %v (%v), want %v", got, ve.Fields, c.fields)
				}
				for k, msg := range ve.Fields {
					if msg == "" {
						t.Errorf("field %s without a message", k)
					}
				}
			case c.kept != nil && !reflect.DeepEqual(kept, c.kept):
				t.Fatalf("kept %#v, want %#v", kept, c.kept)
			}
		})
	}
}

func TestValidateAnswersBoundsUnknownCodes(t *testing.T) {
	answers := map[string]json.RawMessage{"q1": json.RawMessage("4"), "q2": json.RawMessage(`"否"`),
		"q5": json.RawMessage("5"), "q6": json.RawMessage("9")}
	for i := range 500 {
		answers["x"+strings.Repeat("y", i%30)+string(rune('a'+i%26))+strings.Repeat("z", i/26)] = json.RawMessage("1")
	}
	_, err := evaluation.ValidateAnswers(validQuestions(t), answers)
	var ve *evaluation.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) == 0 || len(ve.Fields) > 21 {
		t.Fatalf("500 unknown codes: %v, want a 422 naming at most about 20", err)
	}
}

func TestValidateQuestions(t *testing.T) {
	opts := []string{"是", "否"}
	q := func(code string, kind evaluation.QuestionKind, mods ...func(*evaluation.SurveyQuestion)) evaluation.SurveyQuestion {
		sq := evaluation.SurveyQuestion{Code: code, Text: "题目" + code, Kind: kind}
		if kind == evaluation.QuestionSingle || kind == evaluation.QuestionMultiple {
			sq.Options = slices.Clone(opts)
		}
		for _, m := range mods {
			m(&sq)
		}
		return sq
	}
	showIf := func(code, equals string) func(*evaluation.SurveyQuestion) {
		return func(sq *evaluation.SurveyQuestion) {
			sq.ShowIf = &evaluation.ShowIf{Question: code, Equals: json.RawMessage(equals)}
		}
	}
	options := func(o ...string) func(*evaluation.SurveyQuestion) {
		return func(sq *evaluation.SurveyQuestion) { sq.Options = o }
	}
	many := make([]string, 51)
	for i := range many {
		many[i] = strings.Repeat("选", i+1)
	}
	tooMany := make([]evaluation.SurveyQuestion, 101)
	for i := range tooMany {
		tooMany[i] = q("c"+strings.Repeat("x", i%20)+string(rune('a'+i/20)), evaluation.QuestionText)
	}
	cases := []struct {
		name   string
		qs     []evaluation.SurveyQuestion
		fields []string
	}{
		{"every kind", []evaluation.SurveyQuestion{q("a", evaluation.QuestionSingle), q("b", evaluation.QuestionMultiple),
			q("c", evaluation.QuestionLikert5), q("d", evaluation.QuestionNPS), q("e", evaluation.QuestionText)}, nil},
		{"conditions on single, likert5 and nps", []evaluation.SurveyQuestion{q("a", evaluation.QuestionSingle),
			q("b", evaluation.QuestionLikert5, showIf("a", `"否"`)), q("c", evaluation.QuestionNPS, showIf("b", "1")),
			q("d", evaluation.QuestionText, showIf("c", "10"))}, nil},
		{"none", nil, nil},
		{"bad code", []evaluation.SurveyQuestion{q("a b", evaluation.QuestionText)}, []string{"questions[0].code"}},
		{"code too long", []evaluation.SurveyQuestion{q(strings.Repeat("a", 33), evaluation.QuestionText)}, []string{"questions[0].code"}},
		{"duplicate code", []evaluation.SurveyQuestion{q("a", evaluation.QuestionText), q("a", evaluation.QuestionNPS)}, []string{"questions[1].code"}},
		{"blank text", []evaluation.SurveyQuestion{q("a", evaluation.QuestionText, func(sq *evaluation.SurveyQuestion) { sq.Text = "  " })}, []string{"questions[0].text"}},
		{"unknown kind", []evaluation.SurveyQuestion{q("a", "slider")}, []string{"questions[0].kind"}},
		{"single without options", []evaluation.SurveyQuestion{q("a", evaluation.QuestionSingle, options())}, []string{"questions[0].options"}},
		{"single with one option", []evaluation.SurveyQuestion{q("a", evaluation.QuestionSingle, options("是"))}, []string{"questions[0].options"}},
		{"multiple with 51 options", []evaluation.SurveyQuestion{q("a", evaluation.QuestionMultiple, options(many...))}, []string{"questions[0].options"}},
		{"repeated option", []evaluation.SurveyQuestion{q("a", evaluation.QuestionMultiple, options("是", "否", "是"))}, []string{"questions[0].options[2]"}},
		{"empty option", []evaluation.SurveyQuestion{q("a", evaluation.QuestionSingle, options("是", " "))}, []string{"questions[0].options[1]"}},
		{"options on a likert question", []evaluation.SurveyQuestion{q("a", evaluation.QuestionLikert5, options("1", "2"))}, []string{"questions[0].options"}},
		{"options on a text question", []evaluation.SurveyQuestion{q("a", evaluation.QuestionText, options("1", "2"))}, []string{"questions[0].options"}},
		{"condition on a later question", []evaluation.SurveyQuestion{q("a", evaluation.QuestionText, showIf("b", `"是"`)),
			q("b", evaluation.QuestionSingle)}, []string{"questions[0].show_if.question"}},
		{"condition on itself", []evaluation.SurveyQuestion{q("a", evaluation.QuestionSingle, showIf("a", `"是"`))}, []string{"questions[0].show_if.question"}},
		{"cycle", []evaluation.SurveyQuestion{q("a", evaluation.QuestionSingle, showIf("b", `"是"`)),
			q("b", evaluation.QuestionSingle, showIf("a", `"是"`))}, []string{"questions[0].show_if.question"}},
		{"condition on an unknown question", []evaluation.SurveyQuestion{q("a", evaluation.QuestionText, showIf("zz", "1"))}, []string{"questions[0].show_if.question"}},
		{"condition on a text question", []evaluation.SurveyQuestion{q("a", evaluation.QuestionText),
			q("b", evaluation.QuestionText, showIf("a", `"x"`))}, []string{"questions[1].show_if.question"}},
		{"condition on a multiple question", []evaluation.SurveyQuestion{q("a", evaluation.QuestionMultiple),
			q("b", evaluation.QuestionText, showIf("a", `"是"`))}, []string{"questions[1].show_if.question"}},
		{"condition value not an option", []evaluation.SurveyQuestion{q("a", evaluation.QuestionSingle),
			q("b", evaluation.QuestionText, showIf("a", `"也许"`))}, []string{"questions[1].show_if.equals"}},
		{"condition value out of the likert range", []evaluation.SurveyQuestion{q("a", evaluation.QuestionLikert5),
			q("b", evaluation.QuestionText, showIf("a", "0"))}, []string{"questions[1].show_if.equals"}},
		{"condition value a string for nps", []evaluation.SurveyQuestion{q("a", evaluation.QuestionNPS),
			q("b", evaluation.QuestionText, showIf("a", `"7"`))}, []string{"questions[1].show_if.equals"}},
		{"condition value missing", []evaluation.SurveyQuestion{q("a", evaluation.QuestionNPS),
			q("b", evaluation.QuestionText, showIf("a", ""))}, []string{"questions[1].show_if.equals"}},
		{"101 questions", tooMany, []string{"questions"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := evaluation.ValidateQuestions(c.qs)
			var ve *evaluation.ValidationError
			switch {
			case len(c.fields) == 0 && err != nil:
				t.Fatalf("refused: %v", err)
			case len(c.fields) > 0 && !errors.As(err, &ve):
				t.Fatalf("accepted (%v), want 422 naming %v", err, c.fields)
			case len(c.fields) > 0:
				if got := slices.Sorted(maps.Keys(ve.Fields)); !slices.Equal(got, c.fields) {
					t.Fatalf("422 names %v (%v), want %v", got, ve.Fields, c.fields)
				}
			}
		})
	}
}
