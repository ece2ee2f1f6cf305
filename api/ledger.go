package api

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/reports"
)

// LedgerStore is what the ledger (台账) handlers need of the domain.
type LedgerStore interface {
	PlanHistory(ctx context.Context, actor evaluation.Actor, planID int64) (*evaluation.PlanHistory, error)
	CheckCarried(ctx context.Context, actor evaluation.Actor, findingID int64) (*evaluation.Finding, error)
	DepartmentScorecard(ctx context.Context, actor evaluation.Actor, year int) (*evaluation.Scorecard, error)
	Today() evaluation.Date
	Location() *time.Location
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

// yearScorecard computes the scorecard of the query's year.
func (h *LedgerHandler) yearScorecard(c echo.Context) (*evaluation.Scorecard, error) {
	var q scorecardQuery
	if err := bindQuery(c, &q); err != nil {
		return nil, err
	}
	if q.Year == 0 {
		q.Year = int64(h.Ledger.Today().Year())
	}
	return h.Ledger.DepartmentScorecard(c.Request().Context(), actor(c), int(q.Year))
}

func (h *LedgerHandler) scorecard(c echo.Context) error {
	sc, err := h.yearScorecard(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sc)
}

func (h *LedgerHandler) scorecardXLSX(c echo.Context) error {
	sc, err := h.yearScorecard(c)
	if err != nil {
		return err
	}
	return sendXLSX(c, h.Ledger.Location(), strconv.Itoa(sc.Year)+"年部门考核",
		func(w io.Writer) error { return reports.ScorecardXLSX(w, sc) })
}
