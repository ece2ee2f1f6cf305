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
	getWith := func(cfg api.Config, path, acceptEncoding string) *httptest.ResponseRecorder {
		t.Helper()
		cfg.Store, cfg.Reports = env.Store, newReportService(t, env)
		e, err := api.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, path, nil)
		if acceptEncoding != "" {
			req.Header.Set("Accept-Encoding", acceptEncoding)
		}
		e.ServeHTTP(rec, req)
		return rec
	}
	get := func(cfg api.Config, path string) *httptest.ResponseRecorder {
		t.Helper()
		return getWith(cfg, path, "")
	}
	// Not built: the server says how to build the UI, and the API still works.
	if rec := get(api.Config{UI: fstest.MapFS{}, UIBuilt: false}, "/rounds/3"); rec.Code != http.StatusOK ||
		!strings.Contains(rec.Body.String(), "make frontend") {
		t.Fatalf("unbuilt UI: %d %s", rec.Code, rec.Body)
	}
	built := fstest.MapFS{
		"index.html":         {Data: []byte("<!doctype html><title>app</title>")},
		"assets/app-1a2b.js": {Data: []byte("console.log(1)")},
		// The build's precompressed copies (their bytes stand in for real ones).
		"assets/big-3c4d.js":      {Data: []byte("plain")},
		"assets/big-3c4d.js.br":   {Data: []byte("brotli")},
		"assets/big-3c4d.js.gz":   {Data: []byte("gzip")},
		"assets/only-5e6f.css":    {Data: []byte("plain css")},
		"assets/only-5e6f.css.gz": {Data: []byte("gzip css")},
	}
	cfg := api.Config{UI: built, UIBuilt: true}
	// History-mode routes get index.html; files are served as they are.
	for _, path := range []string{"/", "/rounds/3", "/admin/plans?page=2"} {
		if rec := get(cfg, path); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<title>app</title>") {
			t.Errorf("GET %s: %d %s", path, rec.Code, rec.Body)
		}
	}
	// The page tells the app the city's time zone (the store's location).
	if body, want := get(cfg, "/rounds/3").Body.String(), `<meta name="evald-tz" content="`+env.Store.Location().String()+`"><title>`; !strings.Contains(body, want) {
		t.Errorf("index.html without the time zone %q: %s", want, body)
	}
	rec := get(cfg, "/assets/app-1a2b.js")
	if rec.Code != http.StatusOK || rec.Body.String() != "console.log(1)" || !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
		t.Fatalf("asset: %d %q %v", rec.Code, rec.Body, rec.Header())
	}
	// Precompressed copies by Accept-Encoding: brotli first, then gzip, the
	// plain file when neither is accepted or built.
	for _, tt := range []struct{ path, accept, body, encoding, contentType string }{
		{"/assets/big-3c4d.js", "gzip, deflate, br, zstd", "brotli", "br", "text/javascript; charset=utf-8"},
		{"/assets/big-3c4d.js", "gzip", "gzip", "gzip", "text/javascript; charset=utf-8"},
		{"/assets/big-3c4d.js", "br;q=0, gzip;q=0.5", "gzip", "gzip", "text/javascript; charset=utf-8"},
		{"/assets/big-3c4d.js", "*", "brotli", "br", "text/javascript; charset=utf-8"},
		{"/assets/big-3c4d.js", "*, br;q=0", "gzip", "gzip", "text/javascript; charset=utf-8"},
		{"/assets/big-3c4d.js", "", "plain", "", "text/javascript; charset=utf-8"},
		{"/assets/big-3c4d.js", "identity", "plain", "", "text/javascript; charset=utf-8"},
		{"/assets/only-5e6f.css", "br, gzip", "gzip css", "gzip", "text/css; charset=utf-8"},
		{"/assets/only-5e6f.css", "br", "plain css", "", "text/css; charset=utf-8"},
	} {
		rec := getWith(cfg, tt.path, tt.accept)
		h := rec.Header()
		if rec.Code != http.StatusOK || rec.Body.String() != tt.body || h.Get("Content-Encoding") != tt.encoding ||
			h.Get("Content-Type") != tt.contentType || h.Get("Vary") != "Accept-Encoding" || !strings.Contains(h.Get("Cache-Control"), "immutable") {
			t.Errorf("GET %s (Accept-Encoding %q): %d %q %v; want %q encoded %q", tt.path, tt.accept, rec.Code, rec.Body, h, tt.body, tt.encoding)
		}
	}
	// A missing file is a 404, not the app; unknown API paths stay API 404s.
	for _, path := range []string{"/assets/missing.js", "/api/v1/nothing"} {
		if rec := get(cfg, path); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, rec.Code)
		}
	}
}
