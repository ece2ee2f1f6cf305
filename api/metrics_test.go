package api_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// metricsToken is EVAL_METRICS_TOKEN of the tests that scrape /metrics.
const metricsToken = "metrics-token-of-the-tests"

// flowMetrics scrapes a server that has a metrics token: with it, and
// without it or with another bearer token.
func flowMetrics(c *coverage) {
	c.call(http.MethodGet, "/metrics", metricsToken, nil, http.StatusOK)
	c.call(http.MethodGet, "/metrics", "", nil, http.StatusUnauthorized)
}

// TestMetricsToken: /metrics answers only with EVAL_METRICS_TOKEN as a
// bearer token, and is off (404) on a server without one.
func TestMetricsToken(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServerWith(t, env, api.Config{MetricsToken: metricsToken})
		s.call(http.MethodGet, "/api/v1/me", "", nil).want(http.StatusUnauthorized)
		r := s.call(http.MethodGet, "/metrics", metricsToken, nil).want(http.StatusOK)
		if !strings.Contains(string(r.Body), `evald_http_requests_total{method="GET",route="/api/v1/me",status="401"} 1`) {
			t.Fatalf("metrics lack the request counter:\n%s", r.Body)
		}
		for name, token := range map[string]string{
			"no token": "", "another token": "x" + metricsToken, "a prefix of it": metricsToken[:10],
			"a user's session": s.token("admin"),
		} {
			r := s.call(http.MethodGet, "/metrics", token, nil).want(http.StatusUnauthorized)
			if e := r.errorBody(); e.Code != "unauthenticated" || r.Header.Get("WWW-Authenticate") == "" ||
				strings.Contains(string(r.Body), "evald_http") {
				t.Errorf("%s: %+v %v", name, e, r.Header)
			}
		}
		req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
		req.Header.Set("Authorization", "Basic "+metricsToken)
		s.send(req, "").want(http.StatusUnauthorized)

		off := newServerWith(t, evaltest.New(t, evaluation.SQLite), api.Config{})
		for _, token := range []string{"", metricsToken} {
			off.call(http.MethodGet, "/metrics", token, nil).want(http.StatusNotFound)
		}
	})
}

// TestMetricsExporter is what EVAL_METRICS_ADDR serves: the registry the
// server counts its requests in, without any token.
func TestMetricsExporter(t *testing.T) {
	reg := api.NewMetricsRegistry()
	env := evaltest.New(t, evaluation.SQLite)
	e, err := api.New(api.Config{Store: env.Store, Reports: newReportService(t, env), Registry: reg})
	if err != nil {
		t.Fatal(err)
	}
	e.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/healthz", nil))
	rec := httptest.NewRecorder()
	api.MetricsExporter(reg).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `evald_http_requests_total{method="GET",route="/healthz",status="200"} 1`) ||
		!strings.Contains(rec.Body.String(), "go_goroutines") {
		t.Fatalf("exporter: %d\n%s", rec.Code, rec.Body)
	}
}
