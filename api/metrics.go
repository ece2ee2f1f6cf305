package api

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// NewMetricsRegistry is a registry with the Go runtime's and the process's
// collectors, to which the server adds its own.
func NewMetricsRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

// MetricsExporter serves reg in Prometheus's text format, as it is served on
// EVAL_METRICS_ADDR, a listener for monitoring only.
func MetricsExporter(reg *prometheus.Registry) http.Handler {
	return promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
}

// MetricsHandler serves /metrics on the main listener, where anyone can
// reach it: only to the holder of EVAL_METRICS_TOKEN, and not at all
// without one (the metrics name routes, volumes and the runtime).
type MetricsHandler struct {
	Token    string // EVAL_METRICS_TOKEN; empty: /metrics is off here
	Exporter http.Handler
}

var errMetricsToken = &apiError{status: http.StatusUnauthorized, code: "unauthenticated",
	message: "监控指标需要令牌：Authorization: Bearer $EVAL_METRICS_TOKEN"}

func (h *MetricsHandler) scrape(c echo.Context) error {
	if h.Token == "" {
		return echo.ErrNotFound
	}
	given, ok := strings.CutPrefix(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer ")
	// Hashing first makes the comparison's time independent of the length too.
	want, got := sha256.Sum256([]byte(h.Token)), sha256.Sum256([]byte(given))
	if !ok || subtle.ConstantTimeCompare(want[:], got[:]) != 1 {
		c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="metrics"`)
		return errMetricsToken
	}
	return echo.WrapHandler(h.Exporter)(c)
}
