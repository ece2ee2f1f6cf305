package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/labstack/echo/v4"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation/evaltest"
	"github.com/evald/evald/reports"
)

// server is the whole HTTP server on a seeded test database. Every response
// it sees is validated against the OpenAPI document, so the document cannot
// drift from the code.
type server struct {
	t      *testing.T
	env    *evaltest.Env
	w      *evaltest.World
	e      *echo.Echo
	doc    *openapi3.T
	router routers.Router
	tokens map[string]string
}

// newReportService builds the report service on the environment's store, as
// cmd/evald does.
func newReportService(t testing.TB, env *evaltest.Env) *reports.Service {
	t.Helper()
	renderer, err := reports.NewRenderer(reports.Options{})
	if err != nil {
		t.Fatal(err)
	}
	svc := reports.NewService(env.Store, renderer, env.Store.Blobs(), reports.ServiceOptions{TempDir: t.TempDir()})
	t.Cleanup(svc.Wait) // report jobs end before the test's database goes
	return svc
}

func newServer(t *testing.T, env *evaltest.Env) *server {
	t.Helper()
	e, err := api.New(api.Config{Store: env.Store, Reports: newReportService(t, env)})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := api.OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the OpenAPI document is invalid: %v", err)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &server{t: t, env: env, w: evaltest.Seed(t, env), e: e, doc: doc, router: router, tokens: map[string]string{}}
}

// token logs a fixture user in (once) and returns the bearer token.
func (s *server) token(username string) string {
	s.t.Helper()
	if tok, ok := s.tokens[username]; ok {
		return tok
	}
	r := s.call(http.MethodPost, "/api/v1/auth/login", "", map[string]string{"username": username, "password": evaltest.Password})
	r.want(http.StatusOK)
	var body struct{ Token string }
	r.decode(&body)
	s.tokens[username] = body.Token
	return body.Token
}

// reply is a recorded response.
type reply struct {
	t      *testing.T
	req    string
	Code   int
	Header http.Header
	Body   []byte
}

// want fails the test unless the status is code.
func (r *reply) want(code int) *reply {
	r.t.Helper()
	if r.Code != code {
		r.t.Fatalf("%s: status %d, want %d; body: %s", r.req, r.Code, code, r.Body)
	}
	return r
}

// decode reads the JSON body into v.
func (r *reply) decode(v any) {
	r.t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		r.t.Fatalf("%s: decode %s: %v", r.req, r.Body, err)
	}
}

// errorBody decodes an error answer.
func (r *reply) errorBody() api.ErrorDetail {
	r.t.Helper()
	var b api.ErrorBody
	r.decode(&b)
	return b.Error
}

// call makes a JSON request (body nil for none) as the holder of token.
func (s *server) call(method, path, token string, body any) *reply {
	s.t.Helper()
	var rd io.Reader
	if body != nil {
		if raw, ok := body.(json.RawMessage); ok {
			rd = bytes.NewReader(raw)
		} else {
			b, err := json.Marshal(body)
			if err != nil {
				s.t.Fatal(err)
			}
			rd = bytes.NewReader(b)
		}
	}
	req := httptest.NewRequest(method, path, rd)
	if body != nil {
		req.Header.Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
	}
	return s.send(req, token)
}

// upload posts a multipart form with one file field.
func (s *server) upload(path, token, field, filename string, data []byte) *reply {
	s.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile(field, filename)
	if err != nil {
		s.t.Fatal(err)
	}
	if _, err := fw.Write(data); err != nil {
		s.t.Fatal(err)
	}
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &buf)
	req.Header.Set(echo.HeaderContentType, mw.FormDataContentType())
	return s.send(req, token)
}

func (s *server) send(req *http.Request, token string) *reply {
	s.t.Helper()
	if token != "" {
		req.Header.Set(echo.HeaderAuthorization, "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	s.e.ServeHTTP(rec, req)
	r := &reply{t: s.t, req: req.Method + " " + req.URL.String(), Code: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
	s.validate(req, r)
	return r
}

// validate checks a response against the OpenAPI document: the route must
// be documented, and the status, headers and body must match it.
func (s *server) validate(req *http.Request, r *reply) {
	s.t.Helper()
	if !strings.HasPrefix(req.URL.Path, "/api/") && !isServicePath(req.URL.Path) {
		return // the web UI's pages
	}
	if (r.Code == http.StatusNotFound || r.Code == http.StatusMethodNotAllowed) && !s.documented(req) {
		return // a path or method that is not a route at all
	}
	route, params, err := s.router.FindRoute(req)
	if err != nil {
		s.t.Errorf("%s: not in the OpenAPI document: %v", r.req, err)
		return
	}
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 r.Code,
		Header:                 r.Header,
		Body:                   io.NopCloser(bytes.NewReader(r.Body)),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), input); err != nil {
		s.t.Errorf("%s: response %d does not match the OpenAPI document: %v\nbody: %.600s", r.req, r.Code, err, r.Body)
	}
}

// documented reports whether the request's method and path are a route of the document.
func (s *server) documented(req *http.Request) bool {
	_, _, err := s.router.FindRoute(req)
	return err == nil
}

func isServicePath(p string) bool {
	return p == "/healthz" || p == "/readyz" || p == "/metrics"
}
