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

// auditQuery is evaluation.AuditFilter as the query string gives it (bindQuery).
type auditQuery struct {
	Entity   string `query:"entity" validate:"text"`
	EntityID int64  `query:"entity_id" validate:"id"`
	ActorID  int64  `query:"actor_id" validate:"id"`
	Page     evaluation.Page
}

func (h *AuditHandler) list(c echo.Context) error {
	var q auditQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	list, err := h.Audit.ListAudit(c.Request().Context(), evaluation.AuditFilter(q))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}
