package api_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// TestSecurityHeaders: the web UI's pages carry its Content-Security-Policy,
// the survey page keeps its own, and data (JSON, PDF) may run nothing;
// every answer is nosniff, not framed by other sites, and not cached unless
// it says so; HSTS only when the public URL is https.
func TestSecurityHeaders(t *testing.T) {
	assets := fstest.MapFS{
		"index.html":         {Data: []byte(`<!doctype html><title>app</title><script type="module" src="/assets/app-1a2b.js"></script>`)},
		"assets/app-1a2b.js": {Data: []byte("console.log(1)")},
		"robots.txt":         {Data: []byte("User-agent: *")},
	}
	s := newServerWith(t, evaltest.New(t, evaluation.SQLite), api.Config{UI: assets, UIBuilt: true, PublicURL: "https://pg.example.gov.cn"})
	w := s.w
	round := w.NewRound("2026年专项评估")
	a := w.Assign(round, w.P3, w.Eval3)
	w.Move(round, evaluation.RoundOpen)
	w.Score(a, w.Eval3, w.FullAnswers(0.85))
	w.Move(round, evaluation.RoundScoringClosed)
	sv := w.PublishedSurvey(evaltest.SurveyRequest())
	admin := s.token("admin")

	get := func(path, token string) *reply {
		t.Helper()
		return s.send(httptest.NewRequest(http.MethodGet, path, nil), token)
	}
	wantHeaders := func(r *reply, want map[string]string) {
		t.Helper()
		common := map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin",
			"Strict-Transport-Security": "max-age=31536000", "X-Frame-Options": "DENY"}
		for k, v := range common {
			if _, set := want[k]; !set {
				want[k] = v
			}
		}
		for k, v := range want {
			if got := r.Header.Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", r.req, k, got, v)
			}
		}
	}
	const uiCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
		"font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
	const data = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

	for _, path := range []string{"/", "/rounds/3"} {
		r := get(path, "").want(http.StatusOK)
		wantHeaders(r, map[string]string{"Content-Security-Policy": uiCSP, "Cache-Control": "no-cache"})
	}
	wantHeaders(get("/assets/app-1a2b.js", "").want(http.StatusOK),
		map[string]string{"Content-Security-Policy": uiCSP, "Cache-Control": "public, max-age=31536000, immutable"})
	wantHeaders(get("/robots.txt", "").want(http.StatusOK), map[string]string{"Cache-Control": "no-cache"})

	me := get("/api/v1/me", admin).want(http.StatusOK)
	wantHeaders(me, map[string]string{"Content-Security-Policy": data, "Cache-Control": "no-store", "Content-Type": "application/json"})
	wantHeaders(get("/api/v1/me", "").want(http.StatusUnauthorized), map[string]string{"Content-Security-Policy": data, "Cache-Control": "no-store"})
	login := s.call(http.MethodPost, "/api/v1/auth/login", "", map[string]string{"username": "eval1", "password": evaltest.Password}).want(http.StatusOK)
	wantHeaders(login, map[string]string{"Cache-Control": "no-store"}) // it holds a token

	pdf := get(fmt.Sprintf("/api/v1/rounds/%d/plans/%d/evaluation-report.pdf", round.ID, w.P3.ID), admin).want(http.StatusOK)
	if !bytes.HasPrefix(pdf.Body, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", pdf.Body)
	}
	wantHeaders(pdf, map[string]string{"Content-Security-Policy": data, "Cache-Control": "no-store", "Content-Type": "application/pdf"})

	page := get("/s/"+*sv.Token, "").want(http.StatusOK)
	csp := page.Header.Get("Content-Security-Policy")
	if !strings.HasPrefix(csp, "default-src 'none'; style-src 'sha256-") || !strings.Contains(csp, "script-src 'sha256-") {
		t.Errorf("the survey page lost its own policy: %q", csp)
	}
	wantHeaders(page, map[string]string{"Content-Security-Policy": csp, "Cache-Control": "no-store", "X-Frame-Options": "SAMEORIGIN"})

	// Over plain http, no HSTS.
	plain := newServerWith(t, evaltest.New(t, evaluation.SQLite), api.Config{PublicURL: "http://10.0.0.5:8080"})
	if r := plain.call(http.MethodGet, "/healthz", "", nil).want(http.StatusOK); r.Header.Get("Strict-Transport-Security") != "" {
		t.Errorf("HSTS over http: %v", r.Header)
	}
}
