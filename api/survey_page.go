package api

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// The public survey page: one small server-rendered HTML page with inline
// CSS and a little vanilla JavaScript, independent of the web UI's bundle,
// so that it loads fast on a phone and shows the questions before any
// script runs. The script adds the show_if logic, submits with fetch and
// puts the server's messages next to each question.
var (
	//go:embed survey_page.html
	surveyPageHTML string
	//go:embed survey_page.css
	surveyPageCSS string
	//go:embed survey_page.js
	surveyPageJS string
)

// likertLabels name the points of a likert5 question.
var likertLabels = []string{"1 非常不满意", "2 不满意", "3 一般", "4 满意", "5 非常满意"}

// surveyPage renders the page; its Content-Security-Policy allows only its
// own inline style and script (by hash) and requests to its own origin.
type surveyPage struct {
	tmpl *template.Template
	csp  string
}

func newSurveyPage() (*surveyPage, error) {
	tmpl, err := template.New("survey").Parse(surveyPageHTML)
	if err != nil {
		return nil, fmt.Errorf("survey page template: %w", err)
	}
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	csp := "default-src 'none'; style-src " + hash(surveyPageCSS) + "; script-src " + hash(surveyPageJS) +
		"; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
	return &surveyPage{tmpl: tmpl, csp: csp}, nil
}

// pageData is what the template shows: a survey, or a notice alone.
type pageData struct {
	Title     string
	Intro     string
	Closes    string
	Notice    string
	Endpoint  string
	Questions []pageQuestion
	CSS       template.CSS
	JS        template.JS
}

// pageQuestion is a question with the inputs it is answered with.
type pageQuestion struct {
	evaluation.SurveyQuestion
	Number  int
	Equals  string // the show_if value as JSON
	Choices []pageChoice
	Ends    []string // captions of the two ends of a scale
	MaxText int
}

// pageChoice is one radio button or checkbox with its label.
type pageChoice struct {
	Type, ID, Name, Value, Label string
}

func pageQuestions(qs []evaluation.SurveyQuestion) []pageQuestion {
	out := make([]pageQuestion, len(qs))
	for i, q := range qs {
		pq := pageQuestion{SurveyQuestion: q, Number: i + 1, MaxText: evaluation.MaxSurveyText}
		if q.ShowIf != nil {
			pq.Equals = string(q.ShowIf.Equals)
		}
		add := func(typ, value, label string) {
			pq.Choices = append(pq.Choices, pageChoice{Type: typ, ID: fmt.Sprintf("in-%s-%d", q.Code, len(pq.Choices)),
				Name: q.Code, Value: value, Label: label})
		}
		switch q.Kind {
		case evaluation.QuestionSingle, evaluation.QuestionMultiple:
			typ := "radio"
			if q.Kind == evaluation.QuestionMultiple {
				typ = "checkbox"
			}
			for _, o := range q.Options {
				add(typ, o, o)
			}
		case evaluation.QuestionLikert5:
			for v, label := range likertLabels {
				add("radio", strconv.Itoa(v+1), label)
			}
		case evaluation.QuestionNPS:
			for v := 0; v <= 10; v++ {
				add("radio", strconv.Itoa(v), strconv.Itoa(v))
			}
			pq.Ends = []string{"0 完全不可能", "10 非常可能"}
		}
		out[i] = pq
	}
	return out
}

// render writes the page with status.
func (p *surveyPage) render(c echo.Context, status int, data pageData) error {
	data.CSS = template.CSS(surveyPageCSS)
	data.JS = template.JS(surveyPageJS)
	var buf bytes.Buffer
	if err := p.tmpl.Execute(&buf, data); err != nil {
		return fmt.Errorf("survey page: %w", err)
	}
	hdr := c.Response().Header()
	hdr.Set("Content-Security-Policy", p.csp)
	hdr.Set("X-Frame-Options", "SAMEORIGIN") // as its frame-ancestors 'self'
	hdr.Set("Cache-Control", "no-store")
	return c.HTMLBlob(status, buf.Bytes())
}

// page serves /s/{token}: the survey, or a friendly page saying that it is
// closed (410) or does not exist (404).
func (h *PublicSurveyHandler) page(c echo.Context) error {
	token := c.Param("token")
	s, err := h.Surveys.PublicSurvey(c.Request().Context(), token)
	switch {
	case errors.Is(err, evaluation.ErrNotFound):
		return h.surveyPage.render(c, http.StatusNotFound, pageData{Title: "问卷不存在", Notice: "没有找到这份问卷：链接可能有误，或问卷尚未发布。"})
	case errors.Is(err, evaluation.ErrSurveyClosed):
		return h.surveyPage.render(c, http.StatusGone, pageData{Title: "问卷已结束", Notice: "这份问卷已经结束，不再收集答卷。感谢您的关注！"})
	case err != nil:
		h.Log.ErrorContext(c.Request().Context(), "survey page", "err", err, "request_id", requestID(c))
		return h.surveyPage.render(c, http.StatusInternalServerError, pageData{Title: "服务暂时不可用", Notice: "服务暂时不可用，请稍后再试。"})
	}
	data := pageData{Title: s.Title, Intro: s.Intro, Endpoint: "/api/v1/public/surveys/" + token + "/responses",
		Questions: pageQuestions(s.Questions)}
	if s.ClosesAt != nil {
		data.Closes = s.ClosesAt.In(h.Surveys.Location()).Format("2006年1月2日 15:04")
	}
	return h.surveyPage.render(c, http.StatusOK, data)
}
