package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// OrgStore is what the organisation handlers need of the domain.
type OrgStore interface {
	CreateOrg(ctx context.Context, actor evaluation.Actor, req evaluation.OrgRequest) (*evaluation.Org, error)
	Org(ctx context.Context, id int64) (*evaluation.Org, error)
	Orgs(ctx context.Context, f evaluation.OrgFilter) (evaluation.List[evaluation.Org], error)
	UpdateOrg(ctx context.Context, actor evaluation.Actor, id int64, p evaluation.OrgPatch) (*evaluation.Org, error)
	DeleteOrg(ctx context.Context, actor evaluation.Actor, id int64) error
}

// OrgHandler serves /api/v1/orgs.
type OrgHandler struct{ Orgs OrgStore }

func (h *OrgHandler) create(c echo.Context) error {
	var req evaluation.OrgRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	o, err := h.Orgs.CreateOrg(c.Request().Context(), actor(c), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, o)
}

// orgQuery is evaluation.OrgFilter as the query string gives it (bindQuery).
type orgQuery struct {
	Kind evaluation.OrgKind `query:"kind" validate:"oneof=office agency department"`
	Q    string             `query:"q" validate:"text"`
	Page evaluation.Page
}

func (h *OrgHandler) list(c echo.Context) error {
	var q orgQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	list, err := h.Orgs.Orgs(c.Request().Context(), evaluation.OrgFilter(q))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}

func (h *OrgHandler) get(c echo.Context) error {
	o, err := h.Orgs.Org(c.Request().Context(), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, o)
}

func (h *OrgHandler) update(c echo.Context) error {
	var p evaluation.OrgPatch
	if err := decode(c, &p); err != nil {
		return err
	}
	o, err := h.Orgs.UpdateOrg(c.Request().Context(), actor(c), pathID(c, "id"), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, o)
}

func (h *OrgHandler) delete(c echo.Context) error {
	if err := h.Orgs.DeleteOrg(c.Request().Context(), actor(c), pathID(c, "id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
