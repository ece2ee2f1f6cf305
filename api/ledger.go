package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// LedgerStore is what the ledger (台账) handlers need of the domain.
type LedgerStore interface {
	PlanHistory(ctx context.Context, actor evaluation.Actor, planID int64) (*evaluation.PlanHistory, error)
	CheckCarried(ctx context.Context, actor evaluation.Actor, findingID int64) (*evaluation.Finding, error)
	DepartmentScorecard(ctx context.Context, actor evaluation.Actor, year int) (*evaluation.Scorecard, error)
	Today() evaluation.Date
}

// LedgerHandler serves a plan's history across rounds, the check of
// findings carried into a round and the departments' yearly scorecard.
type LedgerHandler struct{ Ledger LedgerStore }

func (h *LedgerHandler) history(c echo.Context) error {
	hist, err := h.Ledger.PlanHistory(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, hist)
}

func (h *LedgerHandler) checkCarried(c echo.Context) error {
	f, err := h.Ledger.CheckCarried(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, f)
}

// scorecardQuery is the year of a scorecard; absent: this year in EVAL_TZ.
type scorecardQuery struct {
	Year int64 `query:"year"`
}

func (h *LedgerHandler) scorecard(c echo.Context) error {
	var q scorecardQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	if q.Year == 0 {
		q.Year = int64(h.Ledger.Today().Year())
	}
	sc, err := h.Ledger.DepartmentScorecard(c.Request().Context(), actor(c), int(q.Year))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sc)
}
