package api_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image/png"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/labstack/echo/v4"
	qrcode "github.com/skip2/go-qrcode"
	"github.com/xuri/excelize/v2"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// newServerWith is newServer with a configuration of the test's own (the
// store is the environment's).
func newServerWith(t *testing.T, env *evaltest.Env, cfg api.Config) *server {
	t.Helper()
	cfg.Store, cfg.Reports = env.Store, newReportService(t, env)
	e, err := api.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	doc := loadOpenAPI(t)
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &server{t: t, env: env, w: evaltest.Seed(t, env), e: e, doc: doc, router: router, tokens: map[string]string{}}
}

// from sends a request as a client at addr (host:port), with headers.
func (s *server) from(method, path, addr string, body any, header map[string]string) *reply {
	s.t.Helper()
	var rd *bytes.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			s.t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	} else {
		rd = bytes.NewReader(nil)
	}
	req := httptest.NewRequest(method, path, rd)
	req.RemoteAddr = addr
	if body != nil {
		req.Header.Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	return s.send(req, "")
}

// validAnswer is an answer to evaltest's survey with every required question.
func validAnswer() map[string]any {
	return map[string]any{"answers": map[string]any{"q1": 4, "q2": "否", "q5": 5, "q6": 9}}
}

// flowSurveys designs, publishes, answers and closes a survey through the
// API, provoking every documented answer of the survey routes. Its server
// allows 3 answers a minute per address.
func flowSurveys(c *coverage) {
	s, w := c.s, c.s.w
	const v1 = "/api/v1"
	admin, leader := c.tok("admin"), c.tok("leader")

	req := evaltest.SurveyRequest()
	req.RoundID, req.PlanID = &w.Round.ID, &w.P1.ID
	closes := w.Env.Clock.Now().Add(30 * 24 * time.Hour)
	req.ClosesAt = &closes
	var sv api.SurveyView
	c.call(http.MethodPost, v1+"/surveys", admin, req, http.StatusCreated).decode(&sv)
	if sv.Status != evaluation.SurveyDraft || sv.PublicURL != nil || len(sv.Questions) != 8 {
		s.t.Errorf("created %+v", sv)
	}
	c.call(http.MethodPost, v1+"/surveys", admin, json.RawMessage(`{"title":`), http.StatusBadRequest)
	bad := c.call(http.MethodPost, v1+"/surveys", admin, map[string]any{"title": "坏问卷", "questions": []map[string]any{
		{"code": "a", "text": "单选", "kind": "single", "options": []string{"只有一个"}},
		{"code": "b", "text": "条件", "kind": "text", "show_if": map[string]any{"question": "c", "equals": 1}},
	}}, http.StatusUnprocessableEntity).errorBody()
	if bad.Fields["questions[0].options"] == "" || bad.Fields["questions[1].show_if.question"] == "" {
		s.t.Errorf("422 fields %v", bad.Fields)
	}
	c.call(http.MethodGet, v1+"/surveys?status=draft&round_id="+fmt.Sprint(w.Round.ID)+"&plan_id="+fmt.Sprint(w.P1.ID), admin, nil, http.StatusOK)
	c.call(http.MethodGet, v1+"/surveys?status=open", admin, nil, http.StatusBadRequest)
	path := fmt.Sprintf("%s/surveys/%d", v1, sv.ID)
	c.call(http.MethodGet, path, admin, nil, http.StatusOK)
	c.call(http.MethodGet, v1+"/surveys/999999", admin, nil, http.StatusNotFound)
	c.call(http.MethodPatch, path, admin, map[string]any{"intro": "修改后的说明"}, http.StatusOK)
	c.call(http.MethodPatch, path, admin, json.RawMessage(`[`), http.StatusBadRequest)
	c.call(http.MethodPatch, path, admin, map[string]any{"closes_at": "2020-01-01T00:00:00Z"}, http.StatusUnprocessableEntity)
	c.call(http.MethodPatch, v1+"/surveys/999999", admin, map[string]any{"intro": "x"}, http.StatusNotFound)
	c.call(http.MethodGet, path+"/qr.png", admin, nil, http.StatusConflict) // no public link yet
	c.call(http.MethodPost, path+"/close", admin, nil, http.StatusConflict)

	var empty api.SurveyView
	c.call(http.MethodPost, v1+"/surveys", admin, map[string]any{"title": "空问卷"}, http.StatusCreated).decode(&empty)
	c.call(http.MethodPost, fmt.Sprintf("%s/surveys/%d/publish", v1, empty.ID), admin, nil, http.StatusUnprocessableEntity)

	var pub api.PublishResponse
	c.call(http.MethodPost, path+"/publish", admin, nil, http.StatusOK).decode(&pub)
	if !strings.HasSuffix(pub.PublicURL, "/s/"+pub.Token) || !strings.HasPrefix(pub.PublicURL, "http://127.0.0.1:8080/") {
		s.t.Errorf("public link %q of token %q", pub.PublicURL, pub.Token)
	}
	c.call(http.MethodPost, path+"/publish", admin, nil, http.StatusConflict)
	c.call(http.MethodPost, v1+"/surveys/999999/publish", admin, nil, http.StatusNotFound)
	wantCode(c.call(http.MethodPatch, path, admin, map[string]any{"title": "改标题"}, http.StatusConflict), "wrong_state")
	c.call(http.MethodGet, path+"/qr.png", admin, nil, http.StatusOK)
	c.call(http.MethodGet, v1+"/surveys/999999/qr.png", admin, nil, http.StatusNotFound)

	// Citizens answer without login.
	public := v1 + "/public/surveys/" + pub.Token
	c.call(http.MethodGet, public, "", nil, http.StatusOK)
	c.call(http.MethodGet, v1+"/public/surveys/no-such-token", "", nil, http.StatusNotFound)
	c.call(http.MethodGet, "/s/"+pub.Token, "", nil, http.StatusOK)
	c.call(http.MethodGet, "/s/no-such-token", "", nil, http.StatusNotFound)
	c.call(http.MethodPost, public+"/responses", "", validAnswer(), http.StatusCreated)
	invalid := c.call(http.MethodPost, public+"/responses", "", map[string]any{"answers": map[string]any{"q1": 2.5, "q3": 4}},
		http.StatusUnprocessableEntity).errorBody()
	for _, code := range []string{"q1", "q2", "q3", "q5", "q6"} {
		if invalid.Fields[code] == "" {
			s.t.Errorf("422 does not name %s: %v", code, invalid.Fields)
		}
	}
	c.call(http.MethodPost, public+"/responses", "", json.RawMessage(`{"answers":`), http.StatusBadRequest)
	// The server allows 3 answers a minute from one address: the fourth is refused.
	c.s.from(http.MethodPost, v1+"/public/surveys/no-such-token/responses", "198.51.100.8:4000", validAnswer(), nil).want(http.StatusNotFound)
	c.record(http.MethodPost, v1+"/public/surveys/no-such-token/responses", http.StatusNotFound)
	r := c.call(http.MethodPost, public+"/responses", "", validAnswer(), http.StatusTooManyRequests)
	if r.Header.Get("Retry-After") != "20" || r.errorBody().Code != "too_many_requests" {
		s.t.Errorf("429: Retry-After %q, body %s", r.Header.Get("Retry-After"), r.Body)
	}

	// The evaluator of P1 in the round sees the survey beside the scoresheet.
	a := w.Assign(w.Round, w.P1, w.Eval1)
	w.Move(w.Round, evaluation.RoundOpen)
	var detail api.AssignmentResponse
	c.call(http.MethodGet, fmt.Sprintf("%s/assignments/%d", v1, a.ID), c.tok("eval1"), nil, http.StatusOK).decode(&detail)
	if len(detail.Surveys) != 1 || detail.Surveys[0].ID != sv.ID || detail.Surveys[0].Responses != 1 {
		s.t.Errorf("assignment surveys %+v", detail.Surveys)
	}

	var res evaluation.SurveyResults
	c.call(http.MethodGet, path+"/results", leader, nil, http.StatusNotFound) // its round is not published yet
	c.call(http.MethodGet, path+"/results", admin, nil, http.StatusOK).decode(&res)
	if res.Responses != 1 || res.SatisfactionIndex == nil || res.SatisfactionIndex.String() != "87.50" {
		s.t.Errorf("results %+v", res) // likert5 answers 4 and 5
	}
	c.call(http.MethodGet, v1+"/surveys/999999/results", admin, nil, http.StatusNotFound)
	c.call(http.MethodGet, path+"/responses.xlsx", admin, nil, http.StatusOK)
	c.call(http.MethodGet, v1+"/surveys/999999/responses.xlsx", admin, nil, http.StatusNotFound)

	c.call(http.MethodPost, path+"/close", admin, nil, http.StatusOK)
	c.call(http.MethodPost, v1+"/surveys/999999/close", admin, nil, http.StatusNotFound)
	wantCode(c.call(http.MethodGet, public, "", nil, http.StatusGone), "closed")
	c.call(http.MethodGet, "/s/"+pub.Token, "", nil, http.StatusGone)
	c.s.from(http.MethodPost, public+"/responses", "198.51.100.7:4000", validAnswer(), nil).want(http.StatusGone)
	c.record(http.MethodPost, public+"/responses", http.StatusGone)
}

// TestSurveyAnswersAreAnonymous sends an answer with a client address, a
// user agent and forwarding headers: none of them reaches the database.
func TestSurveyAnswersAreAnonymous(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		sv := s.w.PublishedSurvey(evaltest.SurveyRequest())
		const ua = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile/15E148 MicroMessenger/8.0.40"
		s.from(http.MethodPost, "/api/v1/public/surveys/"+*sv.Token+"/responses", "203.0.113.77:51234", validAnswer(),
			map[string]string{"User-Agent": ua, "X-Forwarded-For": "198.51.100.23", "X-Real-IP": "198.51.100.24"}).want(http.StatusCreated)

		for _, table := range []string{"survey_responses", "audit_events"} {
			var rows []map[string]any
			if err := env.DB.Gorm.Table(table).Find(&rows).Error; err != nil {
				t.Fatal(err)
			}
			dump := fmt.Sprint(rows)
			for _, secret := range []string{"203.0.113.77", "198.51.100.23", "198.51.100.24", "iPhone", "MicroMessenger", "51234"} {
				if strings.Contains(dump, secret) {
					t.Errorf("%s stores %q: %s", table, secret, dump)
				}
			}
		}
	})
}

// TestSurveyRateLimitPerAddress: each client address has its own budget;
// X-Forwarded-For counts only when it comes from a trusted proxy.
func TestSurveyRateLimitPerAddress(t *testing.T) {
	env := evaltest.New(t, evaluation.SQLite)
	cases := []struct {
		name    string
		proxies []string
		run     func(t *testing.T, post func(addr string, header map[string]string) int)
	}{
		{"direct clients are limited separately", nil, func(t *testing.T, post func(string, map[string]string) int) {
			for i := range 2 {
				if got := post("192.0.2.1:1000", nil); got != http.StatusCreated {
					t.Fatalf("answer %d from A: %d", i+1, got)
				}
			}
			if got := post("192.0.2.1:1001", nil); got != http.StatusTooManyRequests {
				t.Fatalf("third answer from A (another port): %d, want 429", got)
			}
			if got := post("192.0.2.2:1000", nil); got != http.StatusCreated {
				t.Fatalf("first answer from B: %d", got)
			}
		}},
		{"a spoofed X-Forwarded-For does not escape the limit", nil, func(t *testing.T, post func(string, map[string]string) int) {
			for i := range 4 {
				want := http.StatusCreated
				if i >= 2 {
					want = http.StatusTooManyRequests
				}
				xff := map[string]string{"X-Forwarded-For": fmt.Sprintf("198.51.100.%d", i+1), "X-Real-IP": fmt.Sprintf("198.51.100.%d", i+50)}
				if got := post("192.0.2.9:1000", xff); got != want {
					t.Fatalf("answer %d with a fresh X-Forwarded-For: %d, want %d", i+1, got, want)
				}
			}
		}},
		{"behind a trusted proxy, forwarded clients are limited separately", []string{"10.1.2.3", "fd00::/8"}, func(t *testing.T, post func(string, map[string]string) int) {
			viaProxy := func(client string) map[string]string { return map[string]string{"X-Forwarded-For": client} }
			for i := range 2 {
				if got := post("10.1.2.3:443", viaProxy("198.51.100.1")); got != http.StatusCreated {
					t.Fatalf("answer %d of client 1: %d", i+1, got)
				}
			}
			if got := post("10.1.2.3:443", viaProxy("198.51.100.1")); got != http.StatusTooManyRequests {
				t.Fatalf("third answer of client 1: %d, want 429", got)
			}
			if got := post("[fd00::1]:443", viaProxy("198.51.100.2")); got != http.StatusCreated {
				t.Fatalf("client 2 through the IPv6 proxy: %d", got)
			}
			// A client claiming to be forwarded, but not by the proxy, is its own address.
			for i := range 2 {
				if got := post("192.0.2.50:1000", viaProxy(fmt.Sprintf("198.51.100.%d", 60+i))); got != http.StatusCreated {
					t.Fatalf("untrusted peer answer %d: %d", i+1, got)
				}
			}
			if got := post("192.0.2.50:1000", viaProxy("198.51.100.99")); got != http.StatusTooManyRequests {
				t.Fatalf("untrusted peer escaped its limit with X-Forwarded-For: %d", got)
			}
			// Private addresses are not trusted unless listed.
			for i := range 3 {
				want := http.StatusCreated
				if i == 2 {
					want = http.StatusTooManyRequests
				}
				if got := post("10.9.9.9:443", viaProxy(fmt.Sprintf("198.51.100.%d", 70+i))); got != want {
					t.Fatalf("unlisted private peer answer %d: %d, want %d", i+1, got, want)
				}
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newServerWith(t, evaltest.New(t, env.Dialect), api.Config{SurveyRate: 2, TrustedProxies: c.proxies})
			sv := s.w.PublishedSurvey(evaltest.SurveyRequest())
			c.run(t, func(addr string, header map[string]string) int {
				return s.from(http.MethodPost, "/api/v1/public/surveys/"+*sv.Token+"/responses", addr, validAnswer(), header).Code
			})
			// Reading the survey is not limited.
			for range 5 {
				s.from(http.MethodGet, "/api/v1/public/surveys/"+*sv.Token, "192.0.2.1:1000", nil, nil).want(http.StatusOK)
			}
		})
	}
}

func TestServerConfigErrors(t *testing.T) {
	env := evaltest.New(t, evaluation.SQLite)
	for _, cfg := range []api.Config{
		{TrustedProxies: []string{"not-an-ip"}},
		{TrustedProxies: []string{"10.0.0.0/33"}},
		{PublicURL: "pg.example.gov.cn"},
		{PublicURL: "ftp://pg.example.gov.cn"},
		{PublicURL: "https://pg.example.gov.cn/?x=1"},
	} {
		cfg.Store, cfg.Reports = env.Store, newReportService(t, env)
		if _, err := api.New(cfg); err == nil {
			t.Errorf("api.New accepted %+v", cfg)
		}
	}
}

// TestSurveyPublicURLAndQRCode: links are built on EVAL_PUBLIC_URL when it
// is set, and the QR code is a 512-pixel PNG.
func TestSurveyPublicURLAndQRCode(t *testing.T) {
	s := newServerWith(t, evaltest.New(t, evaluation.SQLite), api.Config{PublicURL: "https://pg.example.gov.cn/"})
	admin := s.token("admin")
	sv, err := s.w.Store.CreateSurvey(context.Background(), s.w.AdminActor(), evaltest.SurveyRequest())
	if err != nil {
		t.Fatal(err)
	}
	var pub api.PublishResponse
	s.call(http.MethodPost, fmt.Sprintf("/api/v1/surveys/%d/publish", sv.ID), admin, nil).want(http.StatusOK).decode(&pub)
	if pub.PublicURL != "https://pg.example.gov.cn/s/"+pub.Token {
		t.Errorf("public link %q", pub.PublicURL)
	}
	var view api.SurveyView
	s.call(http.MethodGet, fmt.Sprintf("/api/v1/surveys/%d", sv.ID), admin, nil).want(http.StatusOK).decode(&view)
	if view.PublicURL == nil || *view.PublicURL != pub.PublicURL || *view.Token != pub.Token {
		t.Errorf("survey view %+v", view)
	}
	r := s.call(http.MethodGet, fmt.Sprintf("/api/v1/surveys/%d/qr.png", sv.ID), admin, nil).want(http.StatusOK)
	if ct := r.Header.Get("Content-Type"); ct != "image/png" {
		t.Errorf("Content-Type %q", ct)
	}
	img, err := png.Decode(bytes.NewReader(r.Body))
	if err != nil {
		t.Fatalf("the QR code is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Errorf("QR code of %v, want 512×512", b)
	}
}

func TestSurveyResponsesXLSXOverHTTP(t *testing.T) {
	s := newServer(t, evaltest.New(t, evaluation.SQLite))
	sv := s.w.PublishedSurvey(evaltest.SurveyRequest())
	s.from(http.MethodPost, "/api/v1/public/surveys/"+*sv.Token+"/responses", "192.0.2.1:1000",
		map[string]any{"answers": map[string]any{"q1": 5, "q2": "是", "q3": 4, "q4": []string{"线上平台", "自助终端"}, "q5": 5, "q6": 10}}, nil).
		want(http.StatusCreated)
	r := s.call(http.MethodGet, fmt.Sprintf("/api/v1/surveys/%d/responses.xlsx", sv.ID), s.token("admin"), nil).want(http.StatusOK)
	if cd := r.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, "xlsx") {
		t.Errorf("Content-Disposition %q", cd)
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.Body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("答卷")
	if err != nil || len(rows) != 2 || rows[1][5] != "线上平台；自助终端" {
		t.Fatalf("responses sheet %q (%v)", rows, err)
	}
}

// TestSurveyPage checks the public page a citizen opens: light, mobile
// first, every input labelled, nothing loaded from elsewhere, its inline
// style and script allowed by hash, text escaped, and friendly pages for a
// closed or unknown survey.
func TestSurveyPage(t *testing.T) {
	s := newServer(t, evaltest.New(t, evaluation.SQLite))
	req := evaltest.SurveyRequest()
	req.Title = `市民满意度调查 <script>alert("x")</script>`
	req.Questions[6].Options[0] = `18岁以下 & "学生"`
	sv := s.w.PublishedSurvey(req)
	r := s.call(http.MethodGet, "/s/"+*sv.Token, "", nil).want(http.StatusOK)
	page := string(r.Body)
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("Content-Type %q", ct)
	}
	if len(r.Body) > 20*1024 {
		t.Errorf("the page is %d bytes, want under 20 KB", len(r.Body))
	}
	for _, want := range []string{`<html lang="zh-CN">`, `<meta name="viewport" content="width=device-width, initial-scale=1">`,
		`data-endpoint="/api/v1/public/surveys/` + *sv.Token + `/responses"`, `&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`,
		`value="18岁以下 &amp; &#34;学生&#34;"`, `id="q-q3" data-code="q3" data-kind="likert5" data-show-if="q2" data-equals="&#34;是&#34;" hidden`,
		`id="err-q1"`, "非常满意", "提交问卷"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(page, `<script>alert`) {
		t.Error("the title is not escaped")
	}
	for _, external := range []string{"http://", "https://", " src=", "@import", "url("} {
		if strings.Contains(page, external) {
			t.Errorf("the page loads something from elsewhere: %q", external)
		}
	}
	// Every input and textarea has a label bound to it.
	inputs := regexp.MustCompile(`<(?:input|textarea)[^>]* id="([^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(inputs) != 5+2+5+4+5+11+4+1 {
		t.Errorf("%d inputs on the page", len(inputs))
	}
	for _, m := range inputs {
		if !strings.Contains(page, `<label for="`+m[1]+`"`) && !strings.Contains(page, `for="`+m[1]+`">`) {
			t.Errorf("input %s has no label", m[1])
		}
	}
	// The inline script and style are exactly those the policy allows.
	csp := r.Header.Get("Content-Security-Policy")
	for tag, re := range map[string]string{"script-src": `(?s)<script>(.*?)</script>`, "style-src": `(?s)<style>(.*?)</style>`} {
		m := regexp.MustCompile(re).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no inline %s", tag)
		}
		sum := sha256.Sum256([]byte(m[1]))
		if !strings.Contains(csp, tag+" 'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
			t.Errorf("Content-Security-Policy %q does not allow the page's %s", csp, tag)
		}
	}
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}

	if _, err := s.w.Store.CloseSurvey(context.Background(), s.w.AdminActor(), sv.ID); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]struct {
		code int
		text string
	}{"/s/" + *sv.Token: {http.StatusGone, "问卷已结束"}, "/s/unknown-token": {http.StatusNotFound, "问卷不存在"}} {
		r := s.call(http.MethodGet, path, "", nil).want(want.code)
		if !strings.Contains(string(r.Body), want.text) || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") ||
			strings.Contains(string(r.Body), "<script>") {
			t.Errorf("%s: %s", path, r.Body)
		}
	}
}

// TestSurveyPageWorksWithoutTheAppBundle: the page is served even when the
// web UI was not built into the binary.
func TestSurveyPageWorksWithoutTheAppBundle(t *testing.T) {
	s := newServerWith(t, evaltest.New(t, evaluation.SQLite), api.Config{UIBuilt: false})
	sv := s.w.PublishedSurvey(evaltest.SurveyRequest())
	r := s.call(http.MethodGet, "/s/"+*sv.Token, "", nil).want(http.StatusOK)
	if !strings.Contains(string(r.Body), sv.Title) || strings.Contains(string(r.Body), "make frontend") {
		t.Errorf("page %.200s", r.Body)
	}
	if got := slices.Collect(strings.SplitSeq(r.Header.Get("Cache-Control"), ",")); len(got) != 1 || got[0] != "no-store" {
		t.Errorf("Cache-Control %v", got)
	}
}

// TestSurveyLinksIgnoreHost: survey links and QR codes are built on
// EVAL_PUBLIC_URL or, when it is unset, the listen address (a wildcard host
// standing for 127.0.0.1), never on the request's Host or X-Forwarded-Host.
func TestSurveyLinksIgnoreHost(t *testing.T) {
	for _, c := range []struct {
		cfg  api.Config
		want string
	}{
		{api.Config{PublicURL: "https://pg.example.gov.cn/", ListenAddr: "0.0.0.0:9000"}, "https://pg.example.gov.cn"},
		{api.Config{}, "http://127.0.0.1:8080"},
		{api.Config{ListenAddr: "10.1.2.3:8443"}, "http://10.1.2.3:8443"},
		{api.Config{ListenAddr: "0.0.0.0:9000"}, "http://127.0.0.1:9000"},
		{api.Config{ListenAddr: "[::]:9000"}, "http://127.0.0.1:9000"},
		{api.Config{ListenAddr: ":9000"}, "http://127.0.0.1:9000"},
		{api.Config{ListenAddr: "[fd00::5]:80"}, "http://[fd00::5]:80"},
	} {
		t.Run(c.want+" "+c.cfg.ListenAddr, func(t *testing.T) {
			s := newServerWith(t, evaltest.New(t, evaluation.SQLite), c.cfg)
			admin := s.token("admin")
			sv, err := s.w.Store.CreateSurvey(context.Background(), s.w.AdminActor(), evaltest.SurveyRequest())
			if err != nil {
				t.Fatal(err)
			}
			forged := func(method, path string) *reply {
				req := httptest.NewRequest(method, path, nil)
				req.Host = "evil.example"
				req.Header.Set("X-Forwarded-Host", "evil.example")
				req.Header.Set("X-Forwarded-Proto", "https")
				return s.send(req, admin)
			}
			var pub api.PublishResponse
			forged(http.MethodPost, fmt.Sprintf("/api/v1/surveys/%d/publish", sv.ID)).want(http.StatusOK).decode(&pub)
			link := c.want + "/s/" + pub.Token
			if pub.PublicURL != link {
				t.Errorf("publish: link %q, want %q", pub.PublicURL, link)
			}
			var view api.SurveyView
			forged(http.MethodGet, fmt.Sprintf("/api/v1/surveys/%d", sv.ID)).want(http.StatusOK).decode(&view)
			if view.PublicURL == nil || *view.PublicURL != link {
				t.Errorf("survey view: link %v, want %q", view.PublicURL, link)
			}
			qr := forged(http.MethodGet, fmt.Sprintf("/api/v1/surveys/%d/qr.png", sv.ID)).want(http.StatusOK)
			want, err := qrcode.Encode(link, qrcode.Medium, 512)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(qr.Body, want) {
				t.Errorf("the QR code does not encode %q", link)
			}
		})
	}
}
