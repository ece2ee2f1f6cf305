package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// LoginThrottleStore is what the office needs to see and clear login throttles.
type LoginThrottleStore interface {
	LoginThrottles(ctx context.Context, p evaluation.Page) (evaluation.List[evaluation.LoginThrottle], error)
	ClearLoginThrottle(ctx context.Context, actor evaluation.Actor, id int64) error
}

// LoginThrottleHandler serves /api/v1/login-throttles.
type LoginThrottleHandler struct{ Throttles LoginThrottleStore }

func (h *LoginThrottleHandler) list(c echo.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	list, err := h.Throttles.LoginThrottles(c.Request().Context(), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}

func (h *LoginThrottleHandler) clear(c echo.Context) error {
	if err := h.Throttles.ClearLoginThrottle(c.Request().Context(), actor(c), pathID(c, "id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
