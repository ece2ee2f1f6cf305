package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// RectificationStore is what the rectification handlers need of the domain.
type RectificationStore interface {
	Findings(ctx context.Context, actor evaluation.Actor, f evaluation.FindingFilter) (evaluation.List[evaluation.FindingView], error)
	Finding(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.FindingView, error)
	SaveResponse(ctx context.Context, actor evaluation.Actor, findingID int64, req evaluation.ResponseRequest) (*evaluation.ResponseView, error)
	SubmitResponse(ctx context.Context, actor evaluation.Actor, findingID int64, version *int) (*evaluation.FindingView, error)
	Verify(ctx context.Context, actor evaluation.Actor, findingID int64, req evaluation.VerifyRequest) (*evaluation.FindingView, error)
	History(ctx context.Context, actor evaluation.Actor, findingID int64) (*evaluation.FindingHistory, error)
	RoundRectification(ctx context.Context, actor evaluation.Actor, roundID int64) (*evaluation.Rectification, error)
}

// RectificationHandler serves findings as the rectification loop sees them:
// lists, department responses, verdicts and history.
type RectificationHandler struct{ Store RectificationStore }

// findingQuery is evaluation.FindingFilter as the query string gives it
// (bindQuery); without overdue, findings are listed whether overdue or not.
type findingQuery struct {
	Q        string                   `query:"q" validate:"text"`
	RoundID  int64                    `query:"round_id" validate:"id"`
	PlanID   int64                    `query:"plan_id" validate:"id"`
	Status   evaluation.FindingStatus `query:"status" validate:"oneof=open responded returned accepted"`
	Severity evaluation.Severity      `query:"severity" validate:"oneof=minor major critical"`
	Overdue  *bool                    `query:"overdue"`
	Page     evaluation.Page
}

func (h *RectificationHandler) list(c echo.Context) error {
	var q findingQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	list, err := h.Store.Findings(c.Request().Context(), actor(c), evaluation.FindingFilter(q))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}

func (h *RectificationHandler) get(c echo.Context) error {
	f, err := h.Store.Finding(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, f)
}

func (h *RectificationHandler) saveResponse(c echo.Context) error {
	var req evaluation.ResponseRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	r, err := h.Store.SaveResponse(c.Request().Context(), actor(c), pathID(c, "id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

type submitResponseRequest struct {
	Version *int `json:"version"`
}

func (h *RectificationHandler) submitResponse(c echo.Context) error {
	var req submitResponseRequest
	if c.Request().ContentLength != 0 {
		if err := decode(c, &req); err != nil {
			return err
		}
	}
	f, err := h.Store.SubmitResponse(c.Request().Context(), actor(c), pathID(c, "id"), req.Version)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, f)
}

func (h *RectificationHandler) verify(c echo.Context) error {
	var req evaluation.VerifyRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	f, err := h.Store.Verify(c.Request().Context(), actor(c), pathID(c, "id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, f)
}

func (h *RectificationHandler) history(c echo.Context) error {
	hist, err := h.Store.History(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, hist)
}

func (h *RectificationHandler) round(c echo.Context) error {
	r, err := h.Store.RoundRectification(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}
