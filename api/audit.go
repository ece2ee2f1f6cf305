package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// AuditStore is what the audit handler needs of the domain.
type AuditStore interface {
	ListAudit(ctx context.Context, f evaluation.AuditFilter) (evaluation.List[evaluation.AuditEvent], error)
}

// AuditHandler serves the audit log.
type AuditHandler struct{ Audit AuditStore }

func (h *AuditHandler) list(c echo.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	entityID, err := queryInt(c, "entity_id")
	if err != nil {
		return err
	}
	actorID, err := queryInt(c, "actor_id")
	if err != nil {
		return err
	}
	entity, err := queryText(c, "entity")
	if err != nil {
		return err
	}
	f := evaluation.AuditFilter{Entity: entity, EntityID: entityID, ActorID: actorID, Page: p}
	list, err := h.Audit.ListAudit(c.Request().Context(), f)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}
