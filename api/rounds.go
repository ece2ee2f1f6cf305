package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// RoundStore is what the round handlers need of the domain.
type RoundStore interface {
	CreateRound(ctx context.Context, actor evaluation.Actor, req evaluation.RoundRequest) (*evaluation.Round, error)
	Rounds(ctx context.Context, actor evaluation.Actor, f evaluation.RoundFilter) (evaluation.List[evaluation.Round], error)
	VisibleRound(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.Round, error)
	UpdateRound(ctx context.Context, actor evaluation.Actor, id int64, p evaluation.RoundPatch) (*evaluation.Round, error)
	MoveRound(ctx context.Context, actor evaluation.Actor, id int64, to evaluation.RoundStatus) (*evaluation.Round, error)
	StepRound(ctx context.Context, actor evaluation.Actor, id int64, to evaluation.RoundStatus, req evaluation.StepRequest) (*evaluation.Round, error)
	Readiness(ctx context.Context, roundID int64) (*evaluation.Readiness, error)
	Progress(ctx context.Context, roundID int64) (*evaluation.RoundProgress, error)
	EligiblePlans(ctx context.Context, roundID int64, p evaluation.Page) (evaluation.List[evaluation.Plan], error)
}

// RoundHandler serves /api/v1/rounds and the steps of a round's life.
type RoundHandler struct{ Rounds RoundStore }

func (h *RoundHandler) create(c echo.Context) error {
	var req evaluation.RoundRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	r, err := h.Rounds.CreateRound(c.Request().Context(), actor(c), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, r)
}

// roundQuery is evaluation.RoundFilter as the query string gives it (bindQuery).
type roundQuery struct {
	Q      string                 `query:"q" validate:"text"`
	Status evaluation.RoundStatus `query:"status" validate:"oneof=draft open scoring_closed published archived"`
	Page   evaluation.Page
}

func (h *RoundHandler) list(c echo.Context) error {
	var q roundQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	list, err := h.Rounds.Rounds(c.Request().Context(), actor(c), evaluation.RoundFilter(q))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}

func (h *RoundHandler) get(c echo.Context) error {
	r, err := h.Rounds.VisibleRound(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

func (h *RoundHandler) update(c echo.Context) error {
	var p evaluation.RoundPatch
	if err := decode(c, &p); err != nil {
		return err
	}
	r, err := h.Rounds.UpdateRound(c.Request().Context(), actor(c), pathID(c, "id"), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

// move returns a handler taking a round one step to status to, with an
// optional body {reason} kept in the audit event.
func (h *RoundHandler) move(to evaluation.RoundStatus) echo.HandlerFunc {
	return func(c echo.Context) error {
		var req evaluation.StepRequest
		if err := decodeOptional(c, &req); err != nil {
			return err
		}
		r, err := h.Rounds.StepRound(c.Request().Context(), actor(c), pathID(c, "id"), to, req)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, r)
	}
}

func (h *RoundHandler) eligiblePlans(c echo.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	list, err := h.Rounds.EligiblePlans(c.Request().Context(), pathID(c, "id"), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}

// readiness tells what is missing before the round's next irreversible step.
func (h *RoundHandler) readiness(c echo.Context) error {
	r, err := h.Rounds.Readiness(c.Request().Context(), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

// progress counts a round's sheets by agency and evaluator, and what is
// outstanding, for the office to chase.
func (h *RoundHandler) progress(c echo.Context) error {
	p, err := h.Rounds.Progress(c.Request().Context(), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}
