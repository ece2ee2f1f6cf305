package api_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

func TestUIServing(t *testing.T) {
	env := evaltest.New(t, evaluation.SQLite)
	get := func(cfg api.Config, path string) *httptest.ResponseRecorder {
		t.Helper()
		cfg.Store, cfg.Reports = env.Store, newReportService(t, env)
		e, err := api.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec
	}
	// Not built: the server says how to build the UI, and the API still works.
	if rec := get(api.Config{UI: fstest.MapFS{}, UIBuilt: false}, "/rounds/3"); rec.Code != http.StatusOK ||
		!strings.Contains(rec.Body.String(), "make frontend") {
		t.Fatalf("unbuilt UI: %d %s", rec.Code, rec.Body)
	}
	built := fstest.MapFS{
		"index.html":         {Data: []byte("<!doctype html><title>app</title>")},
		"assets/app-1a2b.js": {Data: []byte("console.log(1)")},
	}
	cfg := api.Config{UI: built, UIBuilt: true}
	// History-mode routes get index.html; files are served as they are.
	for _, path := range []string{"/", "/rounds/3", "/admin/plans?page=2"} {
		if rec := get(cfg, path); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<title>app</title>") {
			t.Errorf("GET %s: %d %s", path, rec.Code, rec.Body)
		}
	}
	rec := get(cfg, "/assets/app-1a2b.js")
	if rec.Code != http.StatusOK || rec.Body.String() != "console.log(1)" || !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
		t.Fatalf("asset: %d %q %v", rec.Code, rec.Body, rec.Header())
	}
	// A missing file is a 404, not the app; unknown API paths stay API 404s.
	for _, path := range []string{"/assets/missing.js", "/api/v1/nothing"} {
		if rec := get(cfg, path); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, rec.Code)
		}
	}
}
