package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// ScoresheetStore is what the scoresheet handlers need of the domain.
type ScoresheetStore interface {
	SaveScoresheet(ctx context.Context, actor evaluation.Actor, assignmentID int64, req evaluation.ScoresheetRequest) (*evaluation.Scoresheet, error)
	SubmitScoresheet(ctx context.Context, actor evaluation.Actor, assignmentID int64, version int) (*evaluation.Scoresheet, error)
	ReopenScoresheet(ctx context.Context, actor evaluation.Actor, assignmentID int64) (*evaluation.Scoresheet, error)
}

// ScoresheetHandler serves saving, submitting and reopening scoresheets.
type ScoresheetHandler struct{ Scoresheets ScoresheetStore }

func (h *ScoresheetHandler) save(c echo.Context) error {
	var req evaluation.ScoresheetRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	s, err := h.Scoresheets.SaveScoresheet(c.Request().Context(), actor(c), pathID(c, "id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, s)
}

type submitRequest struct {
	Version *int `json:"version"`
}

func (h *ScoresheetHandler) submit(c echo.Context) error {
	var req submitRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if req.Version == nil {
		return evaluation.Invalid("version", "版本号为必填字段")
	}
	s, err := h.Scoresheets.SubmitScoresheet(c.Request().Context(), actor(c), pathID(c, "id"), *req.Version)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, s)
}

func (h *ScoresheetHandler) reopen(c echo.Context) error {
	s, err := h.Scoresheets.ReopenScoresheet(c.Request().Context(), actor(c), pathID(c, "assignment_id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, s)
}
