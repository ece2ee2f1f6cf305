package evaluation

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// SurveyStatus is where a public satisfaction survey stands:
// draft → published → closed.
type SurveyStatus string

// Survey states.
const (
	SurveyDraft     SurveyStatus = "draft"
	SurveyPublished SurveyStatus = "published"
	SurveyClosed    SurveyStatus = "closed"
)

// QuestionKind is how a survey question is answered.
type QuestionKind string

// Question kinds (API.md "Surveys").
const (
	QuestionSingle   QuestionKind = "single"   // one of the options
	QuestionMultiple QuestionKind = "multiple" // a non-empty list of distinct options
	QuestionLikert5  QuestionKind = "likert5"  // 1 (very dissatisfied) … 5 (very satisfied)
	QuestionNPS      QuestionKind = "nps"      // 0 … 10, how likely to recommend
	QuestionText     QuestionKind = "text"     // free text, at most MaxSurveyText characters
)

// Limits of a survey.
const (
	MaxSurveyQuestions = 100
	MinQuestionOptions = 2
	MaxQuestionOptions = 50
	MaxSurveyText      = 2000 // characters of a text answer
)

// ErrSurveyClosed is returned by the public side of a survey that was
// closed, or whose closing time has passed.
var ErrSurveyClosed = errors.New("evaluation: survey closed")

// SurveyQuestion is one question of a survey.
type SurveyQuestion struct {
	Code     string       `json:"code" validate:"required,max=32"`
	Text     string       `json:"text" validate:"required,max=500" text:"multiline"`
	Kind     QuestionKind `json:"kind" validate:"required,oneof=single multiple likert5 nps text"`
	Options  []string     `json:"options,omitempty" validate:"max=50,dive,max=200"`
	Required bool         `json:"required"`
	ShowIf   *ShowIf      `json:"show_if,omitempty"`
}

// ShowIf shows a question only when an earlier question's answer equals a
// value: an option of a single question, or a number of a likert5 or nps one.
type ShowIf struct {
	Question string          `json:"question" validate:"required,max=32"`
	Equals   json.RawMessage `json:"equals"`
}

// Survey is a public satisfaction survey (群众满意度调查) as the reform office
// manages it.
type Survey struct {
	ID          int64            `json:"id"`
	Title       string           `json:"title"`
	Intro       string           `json:"intro"`
	RoundID     *int64           `json:"round_id"`
	PlanID      *int64           `json:"plan_id"`
	ClosesAt    *time.Time       `json:"closes_at"`
	Status      SurveyStatus     `json:"status"`
	Token       *string          `json:"token"` // set on publication; the public link's secret
	Questions   []SurveyQuestion `json:"questions"`
	Responses   int64            `json:"responses"`
	CreatedBy   *int64           `json:"created_by"`
	PublishedAt *time.Time       `json:"published_at"`
	ClosedAt    *time.Time       `json:"closed_at"`
	CreatedAt   time.Time        `json:"created_at"`
	UpdatedAt   time.Time        `json:"updated_at"`
}

// surveyRow is how a survey is stored: its questions are one JSON document,
// read and frozen as a whole.
type surveyRow struct {
	ID          int64
	Title       string
	Intro       string
	RoundID     *int64
	PlanID      *int64
	ClosesAt    *time.Time
	Status      SurveyStatus
	Token       *string
	Questions   string
	CreatedBy   *int64
	PublishedAt *time.Time
	ClosedAt    *time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (surveyRow) TableName() string { return "surveys" }

func (r *surveyRow) survey() (*Survey, error) {
	var qs []SurveyQuestion
	if err := json.Unmarshal([]byte(r.Questions), &qs); err != nil {
		return nil, fmt.Errorf("survey %d: questions: %w", r.ID, err)
	}
	if qs == nil {
		qs = []SurveyQuestion{}
	}
	return &Survey{ID: r.ID, Title: r.Title, Intro: r.Intro, RoundID: r.RoundID, PlanID: r.PlanID, ClosesAt: r.ClosesAt,
		Status: r.Status, Token: r.Token, Questions: qs, CreatedBy: r.CreatedBy, PublishedAt: r.PublishedAt,
		ClosedAt: r.ClosedAt, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}, nil
}

// openAt reports whether the public may answer the survey at now.
func (r *surveyRow) openAt(now time.Time) error {
	switch {
	case r.Status == SurveyDraft:
		return ErrNotFound
	case r.Status == SurveyClosed, r.ClosesAt != nil && !now.Before(*r.ClosesAt):
		return ErrSurveyClosed
	}
	return nil
}

// SurveyRequest creates a survey (a draft).
type SurveyRequest struct {
	Title     string           `json:"title" validate:"required,col=surveys.title"`
	Intro     string           `json:"intro" validate:"max=5000" text:"multiline"`
	RoundID   *int64           `json:"round_id" validate:"omitnil,min=1"`
	PlanID    *int64           `json:"plan_id" validate:"omitnil,min=1"`
	ClosesAt  *time.Time       `json:"closes_at"`
	Questions []SurveyQuestion `json:"questions" validate:"max=100,dive"`
}

// SurveyPatch changes a survey; nil fields stay as they are. A draft may
// change in every field (round_id or plan_id 0 removes the link); once
// published only closes_at may change, and a closed survey not at all.
type SurveyPatch struct {
	Title     *string           `json:"title" validate:"omitnil,min=1,col=surveys.title"`
	Intro     *string           `json:"intro" validate:"omitnil,max=5000" text:"multiline"`
	RoundID   *int64            `json:"round_id" validate:"omitnil,min=0"`
	PlanID    *int64            `json:"plan_id" validate:"omitnil,min=0"`
	ClosesAt  *time.Time        `json:"closes_at"`
	Questions *[]SurveyQuestion `json:"questions" validate:"omitnil,max=100,dive"`
}

// Patch applies the changes to s, refusing those its state forbids.
func (p SurveyPatch) Patch(s *Survey) error {
	draftOnly := p.Title != nil || p.Intro != nil || p.RoundID != nil || p.PlanID != nil || p.Questions != nil
	switch {
	case s.Status == SurveyClosed:
		return conflictf("wrong_state", "问卷已结束，不能再修改")
	case s.Status == SurveyPublished && draftOnly:
		return conflictf("wrong_state", "问卷已发布，题目和其他内容已冻结，只能修改截止时间")
	}
	if p.Title != nil {
		s.Title = *p.Title
	}
	if p.Intro != nil {
		s.Intro = *p.Intro
	}
	if p.RoundID != nil {
		s.RoundID = nonZero(*p.RoundID)
	}
	if p.PlanID != nil {
		s.PlanID = nonZero(*p.PlanID)
	}
	if p.ClosesAt != nil {
		at := p.ClosesAt.UTC().Truncate(time.Microsecond)
		s.ClosesAt = &at
	}
	if p.Questions != nil {
		s.Questions = *p.Questions
	}
	return nil
}

func nonZero(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// questionCode is what a question code may look like.
var questionCode = regexp.MustCompile(`^[A-Za-z0-9_-]{1,32}$`)

// ValidateQuestions checks the questions of a survey beyond their shape:
// unique codes of letters, digits, "_" and "-"; options (2–50, distinct,
// non-empty) for single and multiple questions and none for the others; a
// show_if that names an earlier single, likert5 or nps question and a value
// it can take. It canonicalises each show_if value (as JSON) in place.
func ValidateQuestions(qs []SurveyQuestion) error {
	errs := fieldErrors{}
	if len(qs) > MaxSurveyQuestions {
		errs.add("questions", fmt.Sprintf("问卷最多 %d 个问题", MaxSurveyQuestions))
		return errs.err()
	}
	seen := map[string]int{}
	for i := range qs {
		q := &qs[i]
		at := fmt.Sprintf("questions[%d]", i)
		q.Text = strings.TrimSpace(q.Text)
		switch {
		case !questionCode.MatchString(q.Code):
			errs.add(at+".code", "问题编号只能由 1 到 32 个字母、数字、下划线或连字符组成")
		case seen[q.Code] > 0:
			errs.add(at+".code", fmt.Sprintf("问题编号「%s」与第 %d 题重复", q.Code, seen[q.Code]))
		default:
			seen[q.Code] = i + 1
		}
		if q.Text == "" {
			errs.add(at+".text", "题目为必填字段")
		}
		switch q.Kind {
		case QuestionSingle, QuestionMultiple:
			checkOptions(errs, at, q)
		case QuestionLikert5, QuestionNPS, QuestionText:
			if len(q.Options) > 0 {
				errs.add(at+".options", "只有单选题和多选题可以设置选项")
			}
		default:
			errs.add(at+".kind", "题型只能是 single、multiple、likert5、nps 或 text")
		}
		if q.ShowIf != nil {
			checkShowIf(errs, at, qs[:i], q.ShowIf)
		}
	}
	return errs.err()
}

func checkOptions(errs fieldErrors, at string, q *SurveyQuestion) {
	if n := len(q.Options); n < MinQuestionOptions || n > MaxQuestionOptions {
		errs.add(at+".options", fmt.Sprintf("单选题和多选题需要 %d 到 %d 个选项", MinQuestionOptions, MaxQuestionOptions))
		return
	}
	seen := map[string]bool{}
	for j, o := range q.Options {
		o = strings.TrimSpace(o)
		q.Options[j] = o
		switch {
		case o == "":
			errs.add(fmt.Sprintf("%s.options[%d]", at, j), "选项不能为空")
		case seen[o]:
			errs.add(fmt.Sprintf("%s.options[%d]", at, j), fmt.Sprintf("选项「%s」重复", o))
		}
		seen[o] = true
	}
}

// checkShowIf checks a condition against the questions before it and
// rewrites its value canonically.
func checkShowIf(errs fieldErrors, at string, earlier []SurveyQuestion, c *ShowIf) {
	var ref *SurveyQuestion
	for j := range earlier {
		if earlier[j].Code == c.Question {
			ref = &earlier[j]
		}
	}
	at += ".show_if"
	if ref == nil {
		errs.add(at+".question", fmt.Sprintf("显示条件必须引用本题之前的问题，「%s」不是", c.Question))
		return
	}
	switch ref.Kind {
	case QuestionSingle:
		var s string
		if json.Unmarshal(c.Equals, &s) != nil || !slices.Contains(ref.Options, s) {
			errs.add(at+".equals", fmt.Sprintf("显示条件的取值必须是问题「%s」的一个选项", ref.Code))
			return
		}
		if b, err := json.Marshal(s); err == nil { // a string always encodes
			c.Equals = b
		}
	case QuestionLikert5, QuestionNPS:
		lo, hi := scaleOf(ref.Kind)
		n, ok := scaleValue(c.Equals, lo, hi)
		if !ok {
			errs.add(at+".equals", fmt.Sprintf("显示条件的取值必须是 %d 到 %d 的整数", lo, hi))
			return
		}
		c.Equals = json.RawMessage(strconv.Itoa(n))
	default:
		errs.add(at+".question", "显示条件只能引用单选题、五级量表题或推荐度（NPS）题")
	}
}

// scaleOf is the range of a likert5 or nps answer.
func scaleOf(k QuestionKind) (lo, hi int) {
	if k == QuestionNPS {
		return 0, 10
	}
	return 1, 5
}

// scaleValue reads a JSON integer literal in [lo, hi]: 3 is one, 3.0, 2.5
// and "3" are not.
func scaleValue(raw json.RawMessage, lo, hi int) (int, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || len(raw) > 3 {
		return 0, false
	}
	n, err := strconv.Atoi(string(raw))
	if err != nil || n < lo || n > hi || raw[0] == '+' || (raw[0] == '0' && len(raw) > 1) {
		return 0, false
	}
	return n, true
}

// checkSurvey enforces the rules beyond the request's shape.
func checkSurvey(t *tx, s *Survey) error {
	if s.Questions == nil {
		s.Questions = []SurveyQuestion{}
	}
	s.Title = strings.TrimSpace(s.Title)
	errs := fieldErrors{}
	if s.Title == "" {
		errs.add("title", "标题为必填字段")
	}
	if err := ValidateQuestions(s.Questions); err != nil {
		var ve *ValidationError
		if !errors.As(err, &ve) {
			return err
		}
		for k, v := range ve.Fields {
			errs.add(k, v)
		}
	}
	if s.RoundID != nil {
		if err := t.Select("id").First(&Round{}, *s.RoundID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			errs.add("round_id", "评估轮次不存在")
		} else if err != nil {
			return fmt.Errorf("survey round: %w", err)
		}
	}
	if s.PlanID != nil {
		if err := t.Select("id").First(&Plan{}, *s.PlanID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			errs.add("plan_id", "方案不存在")
		} else if err != nil {
			return fmt.Errorf("survey plan: %w", err)
		}
	}
	return errs.err()
}

// checkClosesAt refuses a closing time that has already passed.
func checkClosesAt(at *time.Time, now time.Time) error {
	if at != nil && !now.Before(*at) {
		return Invalid("closes_at", "截止时间必须晚于当前时间")
	}
	return nil
}

// row returns the storage form of s.
func (s *Survey) row() (*surveyRow, error) {
	qs, err := json.Marshal(s.Questions)
	if err != nil {
		return nil, fmt.Errorf("survey questions: %w", err)
	}
	return &surveyRow{ID: s.ID, Title: s.Title, Intro: s.Intro, RoundID: s.RoundID, PlanID: s.PlanID, ClosesAt: s.ClosesAt,
		Status: s.Status, Token: s.Token, Questions: string(qs), CreatedBy: s.CreatedBy, PublishedAt: s.PublishedAt,
		ClosedAt: s.ClosedAt, CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt}, nil
}

// auditView is what the audit trail keeps of a survey.
func (s *Survey) auditView() map[string]any {
	return map[string]any{"title": s.Title, "status": s.Status, "round_id": s.RoundID, "plan_id": s.PlanID,
		"closes_at": s.ClosesAt, "questions": s.Questions}
}

// CreateSurvey adds a draft survey.
func (s *Store) CreateSurvey(ctx context.Context, actor Actor, req SurveyRequest) (*Survey, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	sv := &Survey{Title: req.Title, Intro: req.Intro, RoundID: req.RoundID, PlanID: req.PlanID, Status: SurveyDraft,
		Questions: req.Questions, CreatedBy: actor.idPtr()}
	if req.ClosesAt != nil {
		at := req.ClosesAt.UTC().Truncate(time.Microsecond)
		sv.ClosesAt = &at
	}
	if err := checkClosesAt(sv.ClosesAt, s.Now()); err != nil {
		return nil, err
	}
	err := s.write(ctx, actor, func(t *tx) error {
		if err := checkSurvey(t, sv); err != nil {
			return err
		}
		row, err := sv.row()
		if err != nil {
			return err
		}
		if err := t.Create(row).Error; err != nil {
			return fmt.Errorf("create survey: %w", err)
		}
		sv.ID, sv.CreatedAt, sv.UpdatedAt = row.ID, row.CreatedAt, row.UpdatedAt
		t.audit("survey.create", "survey", sv.ID, nil, sv.auditView())
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sv, nil
}

// loadSurvey reads a survey's row (locked for update on q when it is a
// write's transaction) and its definition.
func loadSurvey(q *gorm.DB, id int64) (*surveyRow, *Survey, error) {
	var row surveyRow
	if err := q.First(&row, id).Error; err != nil {
		return nil, nil, notFound(err, "survey")
	}
	sv, err := row.survey()
	if err != nil {
		return nil, nil, err
	}
	return &row, sv, nil
}

// visibleSurveys narrows a query of surveys to those the actor may see: one
// linked to a round only while the phase rule lets the actor read the round
// (a viewer sees nothing of a round before its publication).
func visibleSurveys(g *gorm.DB, actor Actor) *gorm.DB {
	rounds := inReadableRounds(g.Session(&gorm.Session{NewDB: true}).Model(&Round{}).Select("id"), actor, "status")
	return g.Where("(surveys.round_id IS NULL OR surveys.round_id IN (?))", rounds)
}

// Survey returns one survey the actor may see, with its number of responses.
func (s *Store) Survey(ctx context.Context, actor Actor, id int64) (*Survey, error) {
	_, sv, err := loadSurvey(visibleSurveys(s.read(ctx), actor), id)
	if err != nil {
		return nil, err
	}
	if err := s.read(ctx).Model(&surveyResponseRow{}).Where("survey_id = ?", id).Count(&sv.Responses).Error; err != nil {
		return nil, fmt.Errorf("survey responses: %w", err)
	}
	return sv, nil
}

// SurveyFilter narrows the list of surveys.
type SurveyFilter struct {
	Q       string // part of the title
	Status  SurveyStatus
	RoundID int64
	PlanID  int64
	Page    Page
}

// Surveys lists the surveys the actor may see, newest first, with their
// numbers of responses.
func (s *Store) Surveys(ctx context.Context, actor Actor, f SurveyFilter) (List[Survey], error) {
	q := visibleSurveys(s.read(ctx).Model(&surveyRow{}), actor)
	if f.Q != "" {
		q = q.Where(contains("surveys.title", f.Q))
	}
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	if f.RoundID != 0 {
		q = q.Where("round_id = ?", f.RoundID)
	}
	if f.PlanID != 0 {
		q = q.Where("plan_id = ?", f.PlanID)
	}
	rows, err := paginate[surveyRow](q, f.Page, "id DESC")
	if err != nil {
		return List[Survey]{}, fmt.Errorf("surveys: %w", err)
	}
	out := List[Survey]{Items: make([]Survey, 0, len(rows.Items)), Total: rows.Total}
	ids := make([]int64, len(rows.Items))
	for i := range rows.Items {
		sv, err := rows.Items[i].survey()
		if err != nil {
			return List[Survey]{}, err
		}
		out.Items = append(out.Items, *sv)
		ids[i] = sv.ID
	}
	if len(ids) == 0 {
		return out, nil
	}
	var counts []struct {
		SurveyID int64
		N        int64
	}
	err = s.read(ctx).Model(&surveyResponseRow{}).Select("survey_id, COUNT(*) AS n").
		Where("survey_id IN ?", ids).Group("survey_id").Scan(&counts).Error
	if err != nil {
		return List[Survey]{}, fmt.Errorf("surveys: responses: %w", err)
	}
	byID := map[int64]int64{}
	for _, c := range counts {
		byID[c.SurveyID] = c.N
	}
	for i := range out.Items {
		out.Items[i].Responses = byID[out.Items[i].ID]
	}
	return out, nil
}

// UpdateSurvey changes a survey: a draft in every field, a published survey
// only in its closing time.
func (s *Store) UpdateSurvey(ctx context.Context, actor Actor, id int64, p SurveyPatch) (*Survey, error) {
	if err := s.checker.check(&p); err != nil {
		return nil, err
	}
	if err := checkClosesAt(p.ClosesAt, s.Now()); err != nil {
		return nil, err
	}
	var sv *Survey
	err := s.write(ctx, actor, func(t *tx) error {
		var err error
		if _, sv, err = loadSurvey(t.forUpdate(), id); err != nil {
			return err
		}
		before := sv.auditView()
		if err := p.Patch(sv); err != nil {
			return err
		}
		if err := checkSurvey(t, sv); err != nil {
			return err
		}
		next, err := sv.row()
		if err != nil {
			return err
		}
		if err := t.Save(next).Error; err != nil {
			return fmt.Errorf("update survey: %w", err)
		}
		sv.UpdatedAt = next.UpdatedAt
		t.audit("survey.update", "survey", sv.ID, before, sv.auditView())
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.surveys.forget(sv.Token)
	return s.Survey(ctx, actor, sv.ID)
}

// newSurveyToken returns 128 random bits, URL-safe.
func newSurveyToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("survey token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// PublishSurvey opens a draft survey to the public: its questions are
// frozen from now on and it gets the random token of its public link.
func (s *Store) PublishSurvey(ctx context.Context, actor Actor, id int64) (*Survey, error) {
	token, err := newSurveyToken()
	if err != nil {
		return nil, err
	}
	err = s.moveSurvey(ctx, actor, id, SurveyDraft, SurveyPublished, func(t *tx, sv *Survey) error {
		if len(sv.Questions) == 0 {
			return Invalid("questions", "问卷至少需要一个问题才能发布")
		}
		if sv.ClosesAt != nil && !t.now.Before(*sv.ClosesAt) {
			return Invalid("closes_at", "截止时间已过，请先修改截止时间再发布")
		}
		sv.Token, sv.PublishedAt = &token, &t.now
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.Survey(ctx, actor, id)
}

// CloseSurvey stops a published survey from taking answers.
func (s *Store) CloseSurvey(ctx context.Context, actor Actor, id int64) (*Survey, error) {
	err := s.moveSurvey(ctx, actor, id, SurveyPublished, SurveyClosed, func(t *tx, sv *Survey) error {
		sv.ClosedAt = &t.now
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.Survey(ctx, actor, id)
}

var surveyStatusNames = map[SurveyStatus]string{SurveyDraft: "草稿", SurveyPublished: "已发布", SurveyClosed: "已结束"}

// moveSurvey takes a survey from one state to the next, audited.
func (s *Store) moveSurvey(ctx context.Context, actor Actor, id int64, from, to SurveyStatus, step func(*tx, *Survey) error) error {
	var token *string
	defer func() { s.surveys.forget(token) }()
	return s.write(ctx, actor, func(t *tx) error {
		_, sv, err := loadSurvey(t.forUpdate(), id)
		if err != nil {
			return err
		}
		if sv.Status != from {
			return conflictf("wrong_state", "问卷当前状态为「%s」，只有「%s」的问卷可以变为「%s」",
				surveyStatusNames[sv.Status], surveyStatusNames[from], surveyStatusNames[to])
		}
		before := sv.auditView()
		sv.Status = to
		if err := step(t, sv); err != nil {
			return err
		}
		token = sv.Token
		next, err := sv.row()
		if err != nil {
			return err
		}
		if err := t.Save(next).Error; err != nil {
			return fmt.Errorf("survey %s: %w", to, err)
		}
		t.audit("survey."+string(to), "survey", sv.ID, before, sv.auditView())
		return nil
	})
}
