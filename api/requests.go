package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// RequestStore is what the handlers of requests for more material need of the domain.
type RequestStore interface {
	AskForMaterial(ctx context.Context, actor evaluation.Actor, assignmentID int64, req evaluation.RequestAsk) (*evaluation.RequestView, error)
	Requests(ctx context.Context, actor evaluation.Actor, f evaluation.RequestFilter) (evaluation.List[evaluation.RequestView], error)
	Request(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.RequestView, error)
	AnswerRequest(ctx context.Context, actor evaluation.Actor, id int64, req evaluation.RequestAnswer) (*evaluation.RequestView, error)
	AddRequestAttachment(ctx context.Context, actor evaluation.Actor, requestID int64, up evaluation.Upload) (*evaluation.AttachmentView, error)
}

// RequestHandler serves requests for more material (补充材料): evaluators
// ask, departments answer with text and files.
type RequestHandler struct {
	Requests RequestStore
	TempDir  string // where uploads wait while they are checked; "": os.TempDir()
}

// requestQuery is evaluation.RequestFilter as the query string gives it (bindQuery).
type requestQuery struct {
	RoundID int64                    `query:"round_id" validate:"id"`
	PlanID  int64                    `query:"plan_id" validate:"id"`
	Status  evaluation.RequestStatus `query:"status" validate:"oneof=open answered"`
	Page    evaluation.Page
}

func (h *RequestHandler) ask(c echo.Context) error {
	var req evaluation.RequestAsk
	if err := decode(c, &req); err != nil {
		return err
	}
	r, err := h.Requests.AskForMaterial(c.Request().Context(), actor(c), pathID(c, "id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, r)
}

func (h *RequestHandler) list(c echo.Context) error {
	var q requestQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	list, err := h.Requests.Requests(c.Request().Context(), actor(c), evaluation.RequestFilter(q))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}

func (h *RequestHandler) get(c echo.Context) error {
	r, err := h.Requests.Request(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

func (h *RequestHandler) answer(c echo.Context) error {
	var req evaluation.RequestAnswer
	if err := decode(c, &req); err != nil {
		return err
	}
	r, err := h.Requests.AnswerRequest(c.Request().Context(), actor(c), pathID(c, "id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

func (h *RequestHandler) upload(c echo.Context) error {
	return evidenceUpload(c, h.TempDir, func(f *uploadForm) (any, error) {
		return h.Requests.AddRequestAttachment(c.Request().Context(), actor(c), pathID(c, "id"), f.upload())
	})
}
