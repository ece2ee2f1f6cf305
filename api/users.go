package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// UserStore is what the user handlers need of the domain.
type UserStore interface {
	CreateUser(ctx context.Context, actor evaluation.Actor, req evaluation.UserRequest) (*evaluation.User, error)
	User(ctx context.Context, id int64) (*evaluation.User, error)
	Users(ctx context.Context, f evaluation.UserFilter) (evaluation.List[evaluation.User], error)
	UpdateUser(ctx context.Context, actor evaluation.Actor, id int64, p evaluation.UserPatch) (*evaluation.User, error)
}

// UserHandler serves /api/v1/users.
type UserHandler struct{ Users UserStore }

func (h *UserHandler) create(c echo.Context) error {
	var req evaluation.UserRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	u, err := h.Users.CreateUser(c.Request().Context(), actor(c), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, u)
}

// userQuery is evaluation.UserFilter as the query string gives it (bindQuery).
type userQuery struct {
	Role  evaluation.Role `query:"role" validate:"oneof=admin evaluator department viewer"`
	OrgID int64           `query:"org_id" validate:"id"`
	Q     string          `query:"q" validate:"text"`
	Page  evaluation.Page
}

func (h *UserHandler) list(c echo.Context) error {
	var q userQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	list, err := h.Users.Users(c.Request().Context(), evaluation.UserFilter(q))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}

func (h *UserHandler) get(c echo.Context) error {
	u, err := h.Users.User(c.Request().Context(), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, u)
}

func (h *UserHandler) update(c echo.Context) error {
	var p evaluation.UserPatch
	if err := decode(c, &p); err != nil {
		return err
	}
	u, err := h.Users.UpdateUser(c.Request().Context(), actor(c), pathID(c, "id"), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, u)
}
