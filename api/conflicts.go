package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// ConflictStore is what the conflict-of-interest handlers need of the domain.
type ConflictStore interface {
	CreateConflict(ctx context.Context, actor evaluation.Actor, req evaluation.ConflictRequest) (*evaluation.Conflict, error)
	Conflicts(ctx context.Context, f evaluation.ConflictFilter) (evaluation.List[evaluation.Conflict], error)
}

// ConflictHandler serves /api/v1/conflicts.
type ConflictHandler struct{ Conflicts ConflictStore }

func (h *ConflictHandler) create(c echo.Context) error {
	var req evaluation.ConflictRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	cf, err := h.Conflicts.CreateConflict(c.Request().Context(), actor(c), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, cf)
}

// conflictQuery is evaluation.ConflictFilter as the query string gives it
// (bindQuery).
type conflictQuery struct {
	AgencyID int64 `query:"agency_id" validate:"id"`
	Page     evaluation.Page
}

func (h *ConflictHandler) list(c echo.Context) error {
	var q conflictQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	list, err := h.Conflicts.Conflicts(c.Request().Context(), evaluation.ConflictFilter(q))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}
