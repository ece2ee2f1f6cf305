package api

import (
	"context"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/evald/evald/evaluation"
)

// Context keys of values the middleware stores for handlers.
const (
	ctxUser  = "evald.user"
	ctxToken = "evald.token"
	ctxIDs   = "evald.ids"
)

// Authenticator resolves a bearer token to its user.
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (*evaluation.User, error)
}

// authenticate requires a valid bearer token and stores its user.
func authenticate(auth Authenticator) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			token, ok := strings.CutPrefix(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer ")
			if !ok || token == "" {
				return errUnauthenticated
			}
			u, err := auth.Authenticate(c.Request().Context(), strings.TrimSpace(token))
			if err != nil {
				return err
			}
			c.Set(ctxUser, u)
			c.Set(ctxToken, token)
			return next(c)
		}
	}
}

// allow answers 403 unless the user's role is one of roles.
func allow(roles ...evaluation.Role) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if !slices.Contains(roles, currentUser(c).Role) {
				return errForbidden
			}
			return next(c)
		}
	}
}

// currentUser returns the logged-in user (routes behind authenticate only).
func currentUser(c echo.Context) *evaluation.User {
	u, _ := c.Get(ctxUser).(*evaluation.User)
	return u
}

// actor returns the domain actor of the logged-in user.
func actor(c echo.Context) evaluation.Actor { return evaluation.ActorOf(currentUser(c)) }

// parseIDs parses every path parameter once: ids are positive integers,
// anything else is a 404 as for an object that does not exist.
func parseIDs(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		names := c.ParamNames()
		if len(names) == 0 {
			return next(c)
		}
		ids := make(map[string]int64, len(names))
		for i, name := range names {
			if !strings.HasSuffix(name, "id") {
				continue
			}
			v, err := strconv.ParseInt(c.ParamValues()[i], 10, 64)
			if err != nil || v <= 0 {
				return errNotFound
			}
			ids[name] = v
		}
		c.Set(ctxIDs, ids)
		return next(c)
	}
}

// pathID returns a path parameter parsed by parseIDs.
func pathID(c echo.Context, name string) int64 {
	ids, _ := c.Get(ctxIDs).(map[string]int64)
	return ids[name]
}

// requestID returns the request's id, set by Echo's RequestID middleware.
func requestID(c echo.Context) string {
	return c.Response().Header().Get(echo.HeaderXRequestID)
}

// httpMetrics counts and times requests by route, for /metrics.
type httpMetrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newHTTPMetrics(reg prometheus.Registerer) *httpMetrics {
	m := &httpMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "evald_http_requests_total", Help: "HTTP requests by method, route and status.",
		}, []string{"method", "route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "evald_http_request_duration_seconds", Help: "HTTP request latency by method and route.",
			Buckets: prometheus.DefBuckets,
		}, []string{"method", "route"}),
	}
	reg.MustRegister(m.requests, m.duration)
	return m
}

// observe logs every request with slog and records its metrics.
func observe(log *slog.Logger, m *httpMetrics) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			start := time.Now()
			err := next(c)
			if err != nil {
				c.Error(err) // write the error now, so that the status is known
			}
			status := c.Response().Status
			route := c.Path()
			if route == "" {
				route = "unmatched"
			}
			elapsed := time.Since(start)
			m.requests.WithLabelValues(c.Request().Method, route, strconv.Itoa(status)).Inc()
			m.duration.WithLabelValues(c.Request().Method, route).Observe(elapsed.Seconds())
			attrs := []any{"method", c.Request().Method, "path", c.Request().URL.Path, "route", route,
				"status", status, "duration_ms", float64(elapsed.Microseconds()) / 1000,
				"request_id", requestID(c), "bytes", c.Response().Size}
			if u := currentUser(c); u != nil {
				attrs = append(attrs, "user_id", u.ID)
			}
			level := slog.LevelInfo
			if status >= http.StatusInternalServerError {
				level = slog.LevelError
			}
			log.Log(c.Request().Context(), level, "request", attrs...)
			return nil
		}
	}
}
