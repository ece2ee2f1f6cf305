package api

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
)

// TestEveryRouteHasABodyRule: no route of the table goes without a body
// limit and a read deadline, and every override names a route that takes a
// body.
func TestEveryRouteHasABodyRule(t *testing.T) {
	h := handlers{respondents: &PublicSurveyHandler{limit: func(next echo.HandlerFunc) echo.HandlerFunc { return next }}}
	routes := map[string]bool{}
	for _, r := range h.routes() {
		key := r.method + " " + r.path
		routes[key] = true
		rule := bodyFor(r.method, r.path)
		switch r.method {
		case http.MethodGet, http.MethodHead, http.MethodDelete:
			if rule.max != 0 {
				t.Errorf("%s takes no body, but its limit is %d bytes", key, rule.max)
			}
		default:
			if rule.max <= 0 || rule.read <= 0 || rule.message == "" {
				t.Errorf("%s has no body limit, read deadline or 413 message: %+v", key, rule)
			}
			if rule.read > 5*time.Minute {
				t.Errorf("%s reads its body for %v, longer than the server's 5 minutes", key, rule.read)
			}
		}
	}
	for key := range bodyOverrides {
		if !routes[key] || strings.HasPrefix(key, http.MethodGet+" ") || strings.HasPrefix(key, http.MethodDelete+" ") {
			t.Errorf("body override %q is not a route that takes a body", key)
		}
	}
}

// TestBodyDeadlineEndsWithTheBody: once the body is read, its deadline no
// longer applies, so a handler working past it is not cancelled (net/http
// clears the deadline when it starts watching the idle connection; were it
// not to, a passing read deadline would cancel the request's context).
func TestBodyDeadlineEndsWithTheBody(t *testing.T) {
	const deadline = 200 * time.Millisecond
	e := echo.New()
	e.POST("/work", func(c echo.Context) error {
		if _, err := io.ReadAll(c.Request().Body); err != nil {
			return err
		}
		time.Sleep(2 * deadline)
		if err := c.Request().Context().Err(); err != nil {
			return c.String(http.StatusInternalServerError, "cancelled: "+err.Error())
		}
		return c.NoContent(http.StatusNoContent)
	}, limitBody(bodyRule{max: 1 << 10, read: deadline, message: "太大"}))
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	resp, err := srv.Client().Post(srv.URL+"/work", "application/json", strings.NewReader(`{"a":1}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if b, err := io.ReadAll(resp.Body); err != nil || resp.StatusCode != http.StatusNoContent {
		t.Fatalf("a handler working past the body's deadline: %d %s %v", resp.StatusCode, b, err)
	}
}
