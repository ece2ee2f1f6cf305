package api

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// Pinger checks that the database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// ServiceHandler serves health, readiness and the OpenAPI document.
type ServiceHandler struct {
	DB      Pinger
	OpenAPI []byte // the OpenAPI 3 document as JSON
}

type statusBody struct {
	Status string `json:"status"`
}

func (h *ServiceHandler) healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, statusBody{Status: "ok"})
}

func (h *ServiceHandler) readyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	if err := h.DB.Ping(ctx); err != nil {
		return c.JSON(http.StatusServiceUnavailable, ErrorBody{Error: ErrorDetail{Code: "database_unreachable", Message: "数据库不可用"}})
	}
	return c.JSON(http.StatusOK, statusBody{Status: "ok"})
}

func (h *ServiceHandler) openAPI(c echo.Context) error {
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, h.OpenAPI)
}
