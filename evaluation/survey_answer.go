package evaluation

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"
	"unicode/utf8"
)

// publicActor is who answers a survey: nobody in particular. Its audit
// events carry no user and no address.
var publicActor = Actor{Username: "public"}

// maxUnknownAnswers bounds how many unknown question codes one 422 names.
const maxUnknownAnswers = 20

// PublicSurvey is what a citizen sees of a published survey.
type PublicSurvey struct {
	Title     string           `json:"title"`
	Intro     string           `json:"intro"`
	ClosesAt  *time.Time       `json:"closes_at"`
	Questions []SurveyQuestion `json:"questions"`
}

// ValidateAnswers checks a response's answers (a JSON value per question
// code) against the questions, all problems at once, keyed by question code:
// an unknown code; an answer to a question its show_if hides; a required
// question shown but not answered; a single answer that is not one offered
// option, a multiple answer that is not a list of distinct offered options,
// a likert5 answer that is not an integer 1–5, an nps answer not an integer
// 0–10, a text answer that is not a string of at most MaxSurveyText
// characters. null, a blank string and an empty list count as no answer.
// It returns the answers to keep: those of the questions shown, normalised
// (text trimmed), by code.
func ValidateAnswers(qs []SurveyQuestion, answers map[string]json.RawMessage) (map[string]any, error) {
	errs := fieldErrors{}
	known := make(map[string]bool, len(qs))
	for _, q := range qs {
		known[q.Code] = true
	}
	unknown := 0
	for code := range answers {
		if known[code] {
			continue
		}
		if unknown++; unknown > maxUnknownAnswers {
			break
		}
		if questionCode.MatchString(code) {
			errs.add(code, "问卷中没有这个问题")
		} else {
			errs.add("answers", "答案中有不存在的问题编号")
		}
	}
	kept := make(map[string]any, len(qs))
	for _, q := range qs {
		raw, given := answers[q.Code]
		given = given && !blank(raw)
		if !shown(q, kept) {
			if given {
				errs.add(q.Code, "此题按前面的回答不需要作答，不应提交答案")
			}
			continue
		}
		if !given {
			if q.Required {
				errs.add(q.Code, "此题为必答题")
			}
			continue
		}
		v, msg := answerValue(q, raw)
		if msg != "" {
			errs.add(q.Code, msg)
			continue
		}
		kept[q.Code] = v
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return kept, nil
}

// shown reports whether q is shown given the answers kept so far (its
// show_if names an earlier question, whose answer is already decided).
func shown(q SurveyQuestion, kept map[string]any) bool {
	if q.ShowIf == nil {
		return true
	}
	v, ok := kept[q.ShowIf.Question]
	if !ok {
		return false
	}
	b, err := json.Marshal(v)
	return err == nil && bytes.Equal(b, q.ShowIf.Equals)
}

// blank reports a JSON value that counts as no answer.
func blank(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0, string(raw) == "null":
		return true
	case raw[0] == '"':
		var s string
		return json.Unmarshal(raw, &s) == nil && NormalizeText(s) == ""
	case raw[0] == '[':
		var xs []json.RawMessage
		return json.Unmarshal(raw, &xs) == nil && len(xs) == 0
	}
	return false
}

// answerValue reads one answer of a question shown, or says what is wrong.
func answerValue(q SurveyQuestion, raw json.RawMessage) (any, string) {
	switch q.Kind {
	case QuestionSingle:
		var s string
		if json.Unmarshal(raw, &s) != nil || !slices.Contains(q.Options, s) {
			return nil, "请从给出的选项中选择一项"
		}
		return s, ""
	case QuestionMultiple:
		var xs []string
		if json.Unmarshal(raw, &xs) != nil {
			return nil, "请从给出的选项中选择，答案应为选项的列表"
		}
		seen := map[string]bool{}
		for _, x := range xs {
			switch {
			case !slices.Contains(q.Options, x):
				return nil, fmt.Sprintf("「%s」不是本题的选项", x)
			case seen[x]:
				return nil, fmt.Sprintf("选项「%s」重复", x)
			}
			seen[x] = true
		}
		return xs, ""
	case QuestionLikert5, QuestionNPS:
		lo, hi := scaleOf(q.Kind)
		n, ok := scaleValue(raw, lo, hi)
		if !ok {
			return nil, fmt.Sprintf("请选择 %d 到 %d 之间的整数", lo, hi)
		}
		return n, ""
	case QuestionText:
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return nil, "答案应为文字"
		}
		s = NormalizeText(s)
		if n := utf8.RuneCountInString(s); n > MaxSurveyText {
			return nil, fmt.Sprintf("最多 %d 个字，现有 %d 个字", MaxSurveyText, n)
		}
		return s, ""
	}
	return nil, "题型未知"
}

// likertTally is the sum and number of a response's likert5 answers.
func likertTally(qs []SurveyQuestion, kept map[string]any) (sum, n int) {
	for _, q := range qs {
		if v, ok := kept[q.Code].(int); ok && q.Kind == QuestionLikert5 {
			sum += v
			n++
		}
	}
	return sum, n
}

// surveyResponseRow is one stored response: when, and the answers. Nothing
// in it says who answered.
type surveyResponseRow struct {
	ID          int64
	SurveyID    int64
	Answers     string
	LikertSum   int
	LikertCount int
	CreatedAt   time.Time
}

func (surveyResponseRow) TableName() string { return "survey_responses" }

// openSurvey returns the definition of the survey of a public token, which
// must be published and not past its closing time: a draft or an unknown
// token is not found, a closed survey ErrSurveyClosed.
func (s *Store) openSurvey(ctx context.Context, token string) (*openedSurvey, error) {
	if token == "" || len(token) > 64 {
		return nil, ErrNotFound
	}
	now := s.Now()
	sv, ok := s.surveys.get(token, now)
	if !ok {
		var row surveyRow
		if err := s.read(ctx).Where("token = ?", token).First(&row).Error; err != nil {
			return nil, notFound(err, "survey")
		}
		def, err := row.survey()
		if err != nil {
			return nil, err
		}
		sv = &openedSurvey{Survey: def, row: row}
		s.surveys.put(token, sv, now)
	}
	if err := sv.row.openAt(now); err != nil {
		return nil, err
	}
	return sv, nil
}

// PublicSurvey returns a published survey's title, introduction and
// questions by its public token.
func (s *Store) PublicSurvey(ctx context.Context, token string) (*PublicSurvey, error) {
	sv, err := s.openSurvey(ctx, token)
	if err != nil {
		return nil, err
	}
	return &PublicSurvey{Title: sv.Title, Intro: sv.Intro, ClosesAt: sv.ClosesAt, Questions: sv.Questions}, nil
}

// AnswerSurvey stores one anonymous response to a published survey,
// audited without its content, and returns once it is committed — in a
// transaction shared with the answers arriving at the same moment (see
// answerQueue). The answers are checked by ValidateAnswers; a survey closed
// in the meantime is ErrSurveyClosed.
func (s *Store) AnswerSurvey(ctx context.Context, token string, answers map[string]json.RawMessage) error {
	sv, err := s.openSurvey(ctx, token)
	if err != nil {
		return err
	}
	kept, err := ValidateAnswers(sv.Questions, answers)
	if err != nil {
		return err
	}
	body, err := json.Marshal(kept)
	if err != nil {
		return fmt.Errorf("survey answers: %w", err)
	}
	sum, n := likertTally(sv.Questions, kept)
	return s.answers.store(ctx, s, &pendingAnswer{surveyID: sv.ID, body: string(body), likertSum: sum, likertCount: n,
		done: make(chan error, 1), lead: make(chan struct{}, 1)})
}
