package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// ResultStore is what the result handlers need of the domain.
type ResultStore interface {
	Results(ctx context.Context, actor evaluation.Actor, roundID int64) ([]evaluation.ResultItem, error)
	PlanResult(ctx context.Context, actor evaluation.Actor, roundID, planID int64) (*evaluation.ResultDetail, error)
}

// ResultHandler serves the computed results of a round.
type ResultHandler struct{ Results ResultStore }

func (h *ResultHandler) list(c echo.Context) error {
	rs, err := h.Results.Results(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, items(rs))
}

func (h *ResultHandler) plan(c echo.Context) error {
	r, err := h.Results.PlanResult(c.Request().Context(), actor(c), pathID(c, "id"), pathID(c, "plan_id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}
