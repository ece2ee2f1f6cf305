package api

import (
	"bytes"
	"context"
	"iter"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	qrcode "github.com/skip2/go-qrcode"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/reports"
)

// SurveyStore is what the survey management handlers need of the domain.
type SurveyStore interface {
	CreateSurvey(ctx context.Context, actor evaluation.Actor, req evaluation.SurveyRequest) (*evaluation.Survey, error)
	Surveys(ctx context.Context, actor evaluation.Actor, f evaluation.SurveyFilter) (evaluation.List[evaluation.Survey], error)
	Survey(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.Survey, error)
	UpdateSurvey(ctx context.Context, actor evaluation.Actor, id int64, p evaluation.SurveyPatch) (*evaluation.Survey, error)
	PublishSurvey(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.Survey, error)
	CloseSurvey(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.Survey, error)
	SurveyResults(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.SurveyResults, error)
	SurveyResponses(ctx context.Context, id int64) iter.Seq2[*evaluation.SurveyResponse, error]
	Location() *time.Location
}

// SurveyHandler serves the reform office's management of public
// satisfaction surveys: design, publication, results and exports.
type SurveyHandler struct {
	Surveys SurveyStore
	// LinkBase is the base of public links (surveyLinkBase), never taken
	// from a request: a forged Host header must not put a phishing site on
	// the office's QR codes.
	LinkBase string
}

// qrSize is the width and height of a survey's QR code, in pixels.
const qrSize = 512

// SurveyView is a survey with its public link (null until published).
type SurveyView struct {
	*evaluation.Survey
	PublicURL *string `json:"public_url"`
}

// PublishResponse is the answer of publishing a survey.
type PublishResponse struct {
	Token     string `json:"token"`
	PublicURL string `json:"public_url"`
}

// surveyLinkBase is the base of public survey links: EVAL_PUBLIC_URL, or
// when it is unset http:// and the listen address, a wildcard host (":8080",
// "0.0.0.0:8080", "[::]:8080") standing for 127.0.0.1 since it names no
// machine.
func surveyLinkBase(publicURL, listenAddr string) string {
	if publicURL != "" {
		return strings.TrimRight(publicURL, "/")
	}
	if listenAddr == "" {
		listenAddr = DefaultAddr
	}
	host, port, err := net.SplitHostPort(listenAddr)
	if err != nil {
		return "http://" + listenAddr
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// publicURL is the link citizens open to answer a survey.
func (h *SurveyHandler) publicURL(token string) string {
	return h.LinkBase + "/s/" + token
}

func (h *SurveyHandler) view(s *evaluation.Survey) SurveyView {
	v := SurveyView{Survey: s}
	if s.Token != nil {
		u := h.publicURL(*s.Token)
		v.PublicURL = &u
	}
	return v
}

func (h *SurveyHandler) create(c echo.Context) error {
	var req evaluation.SurveyRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	s, err := h.Surveys.CreateSurvey(c.Request().Context(), actor(c), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, h.view(s))
}

// surveyQuery is evaluation.SurveyFilter as the query string gives it
// (bindQuery).
type surveyQuery struct {
	Q       string                  `query:"q" validate:"text"`
	Status  evaluation.SurveyStatus `query:"status" validate:"oneof=draft published closed"`
	RoundID int64                   `query:"round_id" validate:"id"`
	PlanID  int64                   `query:"plan_id" validate:"id"`
	Page    evaluation.Page
}

func (h *SurveyHandler) list(c echo.Context) error {
	var q surveyQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	list, err := h.Surveys.Surveys(c.Request().Context(), actor(c), evaluation.SurveyFilter(q))
	if err != nil {
		return err
	}
	out := evaluation.List[SurveyView]{Items: make([]SurveyView, len(list.Items)), Total: list.Total}
	for i := range list.Items {
		out.Items[i] = h.view(&list.Items[i])
	}
	return c.JSON(http.StatusOK, out)
}

func (h *SurveyHandler) get(c echo.Context) error {
	s, err := h.Surveys.Survey(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, h.view(s))
}

func (h *SurveyHandler) update(c echo.Context) error {
	var p evaluation.SurveyPatch
	if err := decode(c, &p); err != nil {
		return err
	}
	s, err := h.Surveys.UpdateSurvey(c.Request().Context(), actor(c), pathID(c, "id"), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, h.view(s))
}

func (h *SurveyHandler) publish(c echo.Context) error {
	s, err := h.Surveys.PublishSurvey(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, PublishResponse{Token: *s.Token, PublicURL: h.publicURL(*s.Token)})
}

func (h *SurveyHandler) close(c echo.Context) error {
	s, err := h.Surveys.CloseSurvey(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, h.view(s))
}

func (h *SurveyHandler) results(c echo.Context) error {
	r, err := h.Surveys.SurveyResults(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

// responsesXLSX hands out every response, text answers included, with the
// results on a second sheet.
func (h *SurveyHandler) responsesXLSX(c echo.Context) error {
	ctx, id := c.Request().Context(), pathID(c, "id")
	s, err := h.Surveys.Survey(ctx, actor(c), id)
	if err != nil {
		return err
	}
	res, err := h.Surveys.SurveyResults(ctx, actor(c), id)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := reports.SurveyResponsesXLSX(&buf, s, res, h.Surveys.SurveyResponses(ctx, id), h.Surveys.Location()); err != nil {
		return err
	}
	hdr := c.Response().Header()
	hdr.Set(echo.HeaderContentDisposition, attachmentDisposition(safeFileName(s.Title)+" 答卷.xlsx"))
	hdr.Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, reports.ContentXLSX, buf.Bytes())
}

// qr draws the public link of a published (or closed) survey as a QR code.
func (h *SurveyHandler) qr(c echo.Context) error {
	s, err := h.Surveys.Survey(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	if s.Token == nil {
		return &evaluation.ConflictError{Code: "wrong_state", Message: "问卷发布后才有公开链接和二维码"}
	}
	png, err := qrcode.Encode(h.publicURL(*s.Token), qrcode.Medium, qrSize)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, "image/png", png)
}

// safeFileName replaces what a file name may not hold.
func safeFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, name)
}
