package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// NarrativeStore is what the conclusions handlers need of the domain.
type NarrativeStore interface {
	Narrative(ctx context.Context, actor evaluation.Actor, roundID, planID int64) (*evaluation.NarrativeView, error)
	SaveNarrative(ctx context.Context, actor evaluation.Actor, roundID, planID int64, req evaluation.NarrativeRequest) (*evaluation.NarrativeView, error)
	SubmitNarrative(ctx context.Context, actor evaluation.Actor, roundID, planID int64, version int) (*evaluation.NarrativeView, error)
	ApproveNarrative(ctx context.Context, actor evaluation.Actor, roundID, planID int64) (*evaluation.NarrativeView, error)
	ReturnNarrative(ctx context.Context, actor evaluation.Actor, roundID, planID int64, req evaluation.NarrativeReturn) (*evaluation.NarrativeView, error)
	RoundNarratives(ctx context.Context, roundID int64) (evaluation.List[evaluation.NarrativeItem], error)
}

// NarrativeHandler serves a plan's conclusions (评估结论): written by the
// lead evaluator, approved or returned by the office (审定).
type NarrativeHandler struct{ Narratives NarrativeStore }

func (h *NarrativeHandler) get(c echo.Context) error {
	n, err := h.Narratives.Narrative(c.Request().Context(), actor(c), pathID(c, "id"), pathID(c, "plan_id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, n)
}

func (h *NarrativeHandler) save(c echo.Context) error {
	var req evaluation.NarrativeRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	n, err := h.Narratives.SaveNarrative(c.Request().Context(), actor(c), pathID(c, "id"), pathID(c, "plan_id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, n)
}

type submitNarrativeRequest struct {
	Version int `json:"version"`
}

func (h *NarrativeHandler) submit(c echo.Context) error {
	var req submitNarrativeRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	n, err := h.Narratives.SubmitNarrative(c.Request().Context(), actor(c), pathID(c, "id"), pathID(c, "plan_id"), req.Version)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, n)
}

func (h *NarrativeHandler) approve(c echo.Context) error {
	n, err := h.Narratives.ApproveNarrative(c.Request().Context(), actor(c), pathID(c, "id"), pathID(c, "plan_id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, n)
}

func (h *NarrativeHandler) giveBack(c echo.Context) error {
	var req evaluation.NarrativeReturn
	if err := decode(c, &req); err != nil {
		return err
	}
	n, err := h.Narratives.ReturnNarrative(c.Request().Context(), actor(c), pathID(c, "id"), pathID(c, "plan_id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, n)
}

func (h *NarrativeHandler) listRound(c echo.Context) error {
	list, err := h.Narratives.RoundNarratives(c.Request().Context(), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}
