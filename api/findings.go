package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// FindingStore is what the finding handlers need of the domain.
type FindingStore interface {
	CreateFinding(ctx context.Context, actor evaluation.Actor, assignmentID int64, req evaluation.FindingRequest) (*evaluation.Finding, error)
	AssignmentFindings(ctx context.Context, actor evaluation.Actor, assignmentID int64) ([]evaluation.Finding, error)
	UpdateFinding(ctx context.Context, actor evaluation.Actor, id int64, p evaluation.FindingPatch) (*evaluation.Finding, error)
	DeleteFinding(ctx context.Context, actor evaluation.Actor, id int64) error
}

// FindingHandler serves the findings evaluators raise.
type FindingHandler struct{ Findings FindingStore }

func (h *FindingHandler) create(c echo.Context) error {
	var req evaluation.FindingRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	f, err := h.Findings.CreateFinding(c.Request().Context(), actor(c), pathID(c, "id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, f)
}

func (h *FindingHandler) listAssignment(c echo.Context) error {
	fs, err := h.Findings.AssignmentFindings(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, items(fs))
}

func (h *FindingHandler) update(c echo.Context) error {
	var p evaluation.FindingPatch
	if err := decode(c, &p); err != nil {
		return err
	}
	f, err := h.Findings.UpdateFinding(c.Request().Context(), actor(c), pathID(c, "id"), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, f)
}

func (h *FindingHandler) delete(c echo.Context) error {
	if err := h.Findings.DeleteFinding(c.Request().Context(), actor(c), pathID(c, "id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
