package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// TemplateStore is what the template handlers need of the domain.
type TemplateStore interface {
	CreateTemplate(ctx context.Context, actor evaluation.Actor, req evaluation.TemplateRequest) (*evaluation.Template, error)
	UpdateTemplate(ctx context.Context, actor evaluation.Actor, id int64, req evaluation.TemplateRequest) (*evaluation.Template, error)
	Template(ctx context.Context, id int64) (*evaluation.Template, error)
	Templates(ctx context.Context, p evaluation.Page) (evaluation.List[evaluation.Template], error)
}

// TemplateHandler serves /api/v1/templates.
type TemplateHandler struct{ Templates TemplateStore }

func (h *TemplateHandler) create(c echo.Context) error {
	var req evaluation.TemplateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	t, err := h.Templates.CreateTemplate(c.Request().Context(), actor(c), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, t)
}

// update changes a template; a frozen one gets a new version, answered 201.
func (h *TemplateHandler) update(c echo.Context) error {
	var req evaluation.TemplateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	id := pathID(c, "id")
	t, err := h.Templates.UpdateTemplate(c.Request().Context(), actor(c), id, req)
	if err != nil {
		return err
	}
	if t.ID != id {
		return c.JSON(http.StatusCreated, t)
	}
	return c.JSON(http.StatusOK, t)
}

func (h *TemplateHandler) list(c echo.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	list, err := h.Templates.Templates(c.Request().Context(), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}

func (h *TemplateHandler) get(c echo.Context) error {
	t, err := h.Templates.Template(c.Request().Context(), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, t)
}
