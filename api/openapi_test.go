package api_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// allRoles are the roles of DESIGN.md, as x-roles names them.
var allRoles = []string{"admin", "evaluator", "department", "viewer"}

// roleUser is a fixture user of each role (evaltest.Seed).
var roleUser = map[string]string{"admin": "admin", "evaluator": "eval1", "department": "finance", "viewer": "leader"}

// loadOpenAPI returns the embedded document, validated.
func loadOpenAPI(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := api.OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the OpenAPI document is invalid: %v", err)
	}
	return doc
}

// operation is one (method, path) of the document.
type operation struct {
	method, path string
	op           *openapi3.Operation
}

func (o operation) String() string { return o.method + " " + o.path }

// operations returns every operation of the document, sorted by path and method.
func operations(doc *openapi3.T) []operation {
	var out []operation
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			out = append(out, operation{method: method, path: path, op: op})
		}
	}
	slices.SortFunc(out, func(a, b operation) int { return strings.Compare(a.String(), b.String()) })
	return out
}

// xRoles returns the roles an operation declares in x-roles (nil: public).
func xRoles(t *testing.T, o operation) []string {
	t.Helper()
	raw, ok := o.op.Extensions["x-roles"]
	if !ok {
		return nil
	}
	list, ok := raw.([]any)
	if !ok {
		t.Fatalf("%s: x-roles is %T, want a list", o, raw)
	}
	roles := make([]string, 0, len(list))
	for _, r := range list {
		s, ok := r.(string)
		if !ok || !slices.Contains(allRoles, s) {
			t.Fatalf("%s: x-roles has %v, want one of %v", o, r, allRoles)
		}
		roles = append(roles, s)
	}
	return roles
}

// isPublic reports whether an operation needs no login (security: []).
func isPublic(o operation) bool { return o.op.Security != nil && len(*o.op.Security) == 0 }

func TestOpenAPIDocumentIsValid(t *testing.T) {
	doc := loadOpenAPI(t)
	if doc.OpenAPI != "3.0.3" {
		t.Errorf("openapi = %q, want 3.0.3", doc.OpenAPI)
	}
	if doc.Info.Title != "专项改革方案第三方评估平台 API" {
		t.Errorf("info.title = %q", doc.Info.Title)
	}
	if len(doc.Servers) != 1 || doc.Servers[0].URL != "/" {
		t.Errorf("servers = %v, want one with url /", doc.Servers)
	}
	if s := doc.Components.SecuritySchemes["bearerAuth"]; s == nil || s.Value.Type != "http" || s.Value.Scheme != "bearer" {
		t.Errorf("no http bearer security scheme named bearerAuth")
	}
}

// TestOpenAPIConventions checks what every operation of the document must
// say, so that a new route cannot be documented carelessly: who may call it,
// and every error status the middleware and decoder can answer.
func TestOpenAPIConventions(t *testing.T) {
	doc := loadOpenAPI(t)
	ids := map[string]string{}
	for _, o := range operations(doc) {
		t.Run(o.String(), func(t *testing.T) {
			op := o.op
			if op.OperationID == "" || op.Summary == "" || len(op.Tags) == 0 {
				t.Errorf("operationId, summary and tags are required")
			}
			if prev, dup := ids[op.OperationID]; dup {
				t.Errorf("operationId %q is also used by %s", op.OperationID, prev)
			}
			ids[op.OperationID] = o.String()
			roles := xRoles(t, o)
			var want []string
			switch {
			case isPublic(o) && roles != nil:
				t.Errorf("a public operation (security: []) must not declare x-roles")
			case !isPublic(o) && op.Security != nil:
				t.Errorf("an authenticated operation uses the document's bearerAuth, not its own security")
			case !isPublic(o) && len(roles) == 0:
				t.Errorf("an authenticated operation must list its roles in x-roles")
			case !isPublic(o):
				want = append(want, "401")
				if len(roles) < len(allRoles) {
					want = append(want, "403")
				}
			}
			if strings.Contains(o.path, "{") {
				want = append(want, "404")
			}
			if rb := op.RequestBody; rb != nil && rb.Value.Content.Get("application/json") != nil {
				want = append(want, "400", "422")
			}
			if op.RequestBody != nil { // every body has its route's limit
				want = append(want, "413")
			}
			if o.path != "/metrics" {
				want = append(want, "500")
			}
			for _, code := range want {
				if op.Responses.Value(code) == nil {
					t.Errorf("response %s is not documented", code)
				}
			}
			for code, resp := range op.Responses.Map() {
				// The public survey page answers its errors as pages too.
				isPage := o.path == "/s/{token}"
				if c, err := strconv.Atoi(code); err == nil && c >= 400 && resp.Value.Content.Get("application/json") == nil && o.path != "/metrics" && !isPage {
					t.Errorf("error response %s has no application/json body", code)
				}
			}
			if o.path != "/api/openapi.json" {
				checkStrict(t, op)
			}
		})
	}
}

// checkStrict fails for an object schema in a response body that allows
// undocumented properties: every field the server sends must be documented.
func checkStrict(t *testing.T, op *openapi3.Operation) {
	t.Helper()
	seen := map[*openapi3.Schema]bool{}
	var walk func(ref *openapi3.SchemaRef, at string)
	walk = func(ref *openapi3.SchemaRef, at string) {
		if ref == nil || ref.Value == nil || seen[ref.Value] {
			return
		}
		s := ref.Value
		seen[s] = true
		if ref.Ref != "" {
			at = ref.Ref
		}
		if len(s.Properties) > 0 && (s.AdditionalProperties.Has == nil || *s.AdditionalProperties.Has) {
			t.Errorf("%s: an object schema of a response must have additionalProperties: false", at)
		}
		if len(s.AllOf) > 0 && len(s.Properties) > 0 {
			t.Errorf("%s: allOf with properties does not combine with additionalProperties: false; write it flat", at)
		}
		for name, p := range s.Properties {
			walk(p, at+"."+name)
		}
		walk(s.Items, at+"[]")
		for _, x := range slices.Concat(s.AllOf, s.OneOf, s.AnyOf) {
			walk(x, at)
		}
	}
	for code, resp := range op.Responses.Map() {
		for mime, mt := range resp.Value.Content {
			walk(mt.Schema, code+" "+mime)
		}
	}
}

// pathParam matches an Echo path parameter.
var pathParam = regexp.MustCompile(`:([A-Za-z0-9_]+)`)

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	doc := loadOpenAPI(t)
	env := evaltest.New(t, evaluation.SQLite)
	e, err := api.New(api.Config{Store: env.Store, Reports: newReportService(t, env)})
	if err != nil {
		t.Fatal(err)
	}
	served := map[string]bool{}
	for _, r := range e.Routes() {
		if strings.HasSuffix(r.Path, "*") {
			continue // the web UI, not part of the API
		}
		served[r.Method+" "+pathParam.ReplaceAllString(r.Path, "{$1}")] = true
	}
	documented := map[string]bool{}
	for _, o := range operations(doc) {
		documented[o.String()] = true
	}
	for _, r := range slices.Sorted(maps.Keys(served)) {
		if !documented[r] {
			t.Errorf("route %s is not in the OpenAPI document", r)
		}
	}
	for _, r := range slices.Sorted(maps.Keys(documented)) {
		if !served[r] {
			t.Errorf("the OpenAPI document has %s, which is not a route of the server", r)
		}
	}
	if len(served) == 0 {
		t.Fatal("the server has no routes")
	}
}

func TestOpenAPIServed(t *testing.T) {
	s := newServer(t, evaltest.New(t, evaluation.SQLite))
	r := s.call(http.MethodGet, "/api/openapi.json", "", nil).want(http.StatusOK)
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	served, err := openapi3.NewLoader().LoadFromData(r.Body)
	if err != nil {
		t.Fatalf("the served document does not load: %v", err)
	}
	if err := served.Validate(context.Background()); err != nil {
		t.Fatalf("the served document is invalid: %v", err)
	}
	want, got := operationSet(loadOpenAPI(t)), operationSet(served)
	if !slices.Equal(got, want) {
		t.Errorf("served operations %v, want %v", got, want)
	}
}

func operationSet(doc *openapi3.T) []string {
	var out []string
	for _, o := range operations(doc) {
		out = append(out, o.String()+" "+o.op.OperationID)
	}
	return out
}

// TestOpenAPIRoles calls every operation without a token and as a user of
// every role: the document's x-roles must be exactly the roles that are not
// refused with 403, and only public operations may answer without login.
// Every answer is also validated against the document by the harness.
func TestOpenAPIRoles(t *testing.T) {
	evaltest.Dialects(t, testOpenAPIRoles)
}

func testOpenAPIRoles(t *testing.T, env *evaltest.Env) {
	s := newServer(t, env)
	for _, o := range operations(s.doc) {
		path := fillPath(o.path)
		var body any
		if o.op.RequestBody != nil {
			body = json.RawMessage(`{}`)
		}
		anon := s.call(o.method, path, "", body)
		if public := isPublic(o); public == (anon.Code == http.StatusUnauthorized) {
			t.Errorf("%s without a token: status %d (public: %v)", o, anon.Code, public)
		}
		if isPublic(o) {
			continue
		}
		roles := xRoles(t, o)
		for _, role := range allRoles {
			user := roleUser[role]
			r := s.call(o.method, path, s.token(user), body)
			if allowed := slices.Contains(roles, role); allowed == (r.Code == http.StatusForbidden) || r.Code == http.StatusUnauthorized {
				t.Errorf("%s as %s: status %d, but x-roles is %v", o, role, r.Code, roles)
			}
			if o.op.OperationID == "logout" && r.Code == http.StatusNoContent {
				delete(s.tokens, user) // that token is spent
			}
		}
	}
}

// docParam matches a path parameter of the document.
var docParam = regexp.MustCompile(`\{[a-z_]+\}`)

// fillPath puts id 1 in every path parameter.
func fillPath(path string) string { return docParam.ReplaceAllString(path, "1") }

// coverage records which documented responses a test has seen.
type coverage struct {
	s    *server
	seen map[string]bool // "METHOD /path status"
}

// tok returns the bearer token of a fixture user.
func (c *coverage) tok(username string) string { return c.s.token(username) }

// call makes a request through the harness (which validates the answer
// against the document) as the holder of token, wants the status (any when
// want is 0) and records it.
func (c *coverage) call(method, path, token string, body any, want int) *reply {
	c.s.t.Helper()
	r := c.s.call(method, path, token, body)
	if want != 0 {
		r.want(want)
	}
	c.record(method, path, r.Code)
	return r
}

// upload posts a file through the harness and wants the status.
func (c *coverage) upload(path, user, filename string, data []byte, want int) *reply {
	c.s.t.Helper()
	r := c.s.upload(path, c.s.token(user), "file", filename, data).want(want)
	c.record(http.MethodPost, path, want)
	return r
}

// wantCode fails the test unless an error answer carries the error code.
func wantCode(r *reply, code string) {
	r.t.Helper()
	if got := r.errorBody().Code; got != code {
		r.t.Errorf("%s: error code %q, want %q", r.req, got, code)
	}
}

func (c *coverage) record(method, path string, status int) {
	route, _, err := c.s.router.FindRoute(httptest.NewRequest(method, path, nil))
	if err == nil {
		c.seen[fmt.Sprintf("%s %s %d", method, route.Path, status)] = true
	}
}

// notExercised are the answers the flows leave to other tests (401 and 403:
// TestOpenAPIRoles) or cannot provoke without breaking the server.
var notExercised = []string{"401", "403", "413", "500", "503"}

// report logs the documented answers the test never saw.
func (c *coverage) report(t *testing.T) {
	var missing []string
	for _, o := range operations(c.s.doc) {
		for code := range o.op.Responses.Map() {
			if !c.seen[o.String()+" "+code] && !slices.Contains(notExercised, code) {
				missing = append(missing, o.String()+" "+code)
			}
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Logf("documented answers these flows never provoke: %s", strings.Join(missing, ", "))
	}
}

// TestOpenAPIMatchesResponses goes through the main flows of the API as each
// role would, wanting each status; the harness validates every answer
// against the document, so a field, status or content type the document
// does not describe fails here.
func TestOpenAPIMatchesResponses(t *testing.T) {
	evaltest.Dialects(t, testOpenAPIMatchesResponses)
}

func testOpenAPIMatchesResponses(t *testing.T, env *evaltest.Env) {
	s := newServer(t, env)
	c := &coverage{s: s, seen: map[string]bool{}}
	flowService(c)
	flowAuth(c)
	agency := flowOrgsAndUsers(c)
	flowPlans(c)
	flowTemplatesAndConflicts(c, agency)
	flowRound(c)
	flowAudit(c)
	flowMalformedAndMissing(c)
	// The rectification loop needs a round published with findings: it
	// runs on a world of its own, recorded in the same coverage.
	flowRectification(&coverage{s: newServer(t, evaltest.New(t, env.Dialect)), seen: c.seen})
	// So do the reports, which also need a round whose scoring is not closed.
	flowReports(&coverage{s: newServer(t, evaltest.New(t, env.Dialect)), seen: c.seen})
	// Surveys run on a server that allows 3 answers a minute per address.
	flowSurveys(&coverage{s: newServerWith(t, evaltest.New(t, env.Dialect), api.Config{SurveyRate: 3}), seen: c.seen})
	flowMetrics(&coverage{s: newServerWith(t, evaltest.New(t, env.Dialect), api.Config{MetricsToken: metricsToken}), seen: c.seen})
	if !t.Failed() {
		c.report(t)
	}
}

func flowService(c *coverage) {
	c.call(http.MethodGet, "/healthz", "", nil, http.StatusOK)
	c.call(http.MethodGet, "/readyz", "", nil, http.StatusOK)
	c.call(http.MethodGet, "/metrics", "", nil, http.StatusNotFound) // off without EVAL_METRICS_TOKEN
	c.call(http.MethodGet, "/api/openapi.json", "", nil, http.StatusOK)
}

func flowAuth(c *coverage) {
	const login = "/api/v1/auth/login"
	c.call(http.MethodPost, login, "", json.RawMessage(`{"username":`), http.StatusBadRequest)
	c.call(http.MethodPost, login, "", map[string]string{"username": "admin"}, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, login, "", json.RawMessage(`{"username": 1, "password": "x"}`), http.StatusUnprocessableEntity)
	for range evaluation.MaxLoginFailures {
		c.call(http.MethodPost, login, "", map[string]string{"username": "ghost", "password": "wrong-password"}, http.StatusUnauthorized)
	}
	r := c.call(http.MethodPost, login, "", map[string]string{"username": "ghost", "password": "wrong-password"}, http.StatusTooManyRequests)
	if r.Header.Get("Retry-After") == "" {
		c.s.t.Errorf("429 without Retry-After")
	}
	var throttles evaluation.List[evaluation.LoginThrottle]
	c.call(http.MethodGet, "/api/v1/login-throttles?per_page=10", c.tok("admin"), nil, http.StatusOK).decode(&throttles)
	c.call(http.MethodGet, "/api/v1/login-throttles?per_page=501", c.tok("admin"), nil, http.StatusBadRequest)
	c.call(http.MethodGet, "/api/v1/login-throttles", c.tok("leader"), nil, http.StatusForbidden)
	c.call(http.MethodGet, "/api/v1/login-throttles", "", nil, http.StatusUnauthorized)
	if len(throttles.Items) == 0 {
		c.s.t.Fatalf("no login throttles listed after failed logins")
	}
	c.call(http.MethodDelete, fmt.Sprintf("/api/v1/login-throttles/%d", throttles.Items[0].ID), c.tok("eval1"), nil, http.StatusForbidden)
	c.call(http.MethodDelete, fmt.Sprintf("/api/v1/login-throttles/%d", throttles.Items[0].ID), "", nil, http.StatusUnauthorized)
	c.call(http.MethodDelete, fmt.Sprintf("/api/v1/login-throttles/%d", throttles.Items[0].ID), c.tok("admin"), nil, http.StatusNoContent)
	c.call(http.MethodDelete, "/api/v1/login-throttles/999999", c.tok("admin"), nil, http.StatusNotFound)

	var lr api.LoginResponse
	c.call(http.MethodPost, login, "", map[string]string{"username": "leader", "password": evaltest.Password}, http.StatusOK).decode(&lr)
	if lr.Token == "" || lr.User.Username != "leader" {
		c.s.t.Errorf("login answered %+v", lr)
	}
	c.call(http.MethodGet, "/api/v1/me", lr.Token, nil, http.StatusOK)
	c.call(http.MethodGet, "/api/v1/me", "", nil, http.StatusUnauthorized)
	c.call(http.MethodGet, "/api/v1/me", "not-a-token", nil, http.StatusUnauthorized)
	c.call(http.MethodPost, "/api/v1/auth/logout", lr.Token, nil, http.StatusNoContent)
	c.call(http.MethodGet, "/api/v1/me", lr.Token, nil, http.StatusUnauthorized)
}

// flowOrgsAndUsers returns a new agency with one evaluator, eval6.
func flowOrgsAndUsers(c *coverage) *evaluation.Org {
	w, admin := c.s.w, c.tok("admin")
	const orgs, users = "/api/v1/orgs", "/api/v1/users"

	var agency evaluation.Org
	c.call(http.MethodPost, orgs, admin, evaluation.OrgRequest{Name: "成都大学", Kind: evaluation.OrgAgency}, http.StatusCreated).decode(&agency)
	if agency.AgencyType != "other" {
		c.s.t.Errorf("agency without a type: agency_type %q, want other", agency.AgencyType)
	}
	c.call(http.MethodPost, orgs, admin, evaluation.OrgRequest{Name: "成都大学", Kind: evaluation.OrgAgency}, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, orgs, admin, map[string]string{"name": "俱乐部", "kind": "club"}, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, orgs, admin, json.RawMessage(`{"name":`), http.StatusBadRequest)
	c.call(http.MethodPost, orgs, c.tok("eval1"), evaluation.OrgRequest{Name: "x", Kind: evaluation.OrgOffice}, http.StatusForbidden)
	c.call(http.MethodPost, orgs, "", evaluation.OrgRequest{Name: "x", Kind: evaluation.OrgOffice}, http.StatusUnauthorized)
	c.call(http.MethodGet, orgs+"?kind=agency&q=大学&page=1&per_page=2", admin, nil, http.StatusOK)
	c.call(http.MethodGet, orgs, c.tok("leader"), nil, http.StatusOK)
	c.call(http.MethodGet, orgs+"?per_page=501", admin, nil, http.StatusBadRequest)
	c.call(http.MethodGet, orgs+"?page=-1", admin, nil, http.StatusBadRequest)
	c.call(http.MethodGet, fmt.Sprintf("%s/%d", orgs, agency.ID), admin, nil, http.StatusOK)
	c.call(http.MethodGet, orgs+"/999999", admin, nil, http.StatusNotFound)
	c.call(http.MethodGet, orgs+"/abc", admin, nil, http.StatusNotFound)
	c.call(http.MethodPatch, fmt.Sprintf("%s/%d", orgs, agency.ID), admin, map[string]string{"name": "成都大学评估中心"}, http.StatusOK)
	c.call(http.MethodPatch, fmt.Sprintf("%s/%d", orgs, w.Finance.ID), admin, map[string]string{"agency_type": "university"}, http.StatusUnprocessableEntity)
	var temp evaluation.Org
	c.call(http.MethodPost, orgs, admin, evaluation.OrgRequest{Name: "临时部门", Kind: evaluation.OrgDepartment}, http.StatusCreated).decode(&temp)
	c.call(http.MethodDelete, fmt.Sprintf("%s/%d", orgs, temp.ID), admin, nil, http.StatusNoContent)
	c.call(http.MethodDelete, fmt.Sprintf("%s/%d", orgs, w.Office.ID), admin, nil, http.StatusConflict)
	c.call(http.MethodDelete, fmt.Sprintf("%s/%d", orgs, temp.ID), admin, nil, http.StatusNotFound)

	req := evaluation.UserRequest{Username: "eval6", Password: "password-123", DisplayName: "评估员六",
		Role: evaluation.RoleEvaluator, OrgID: &agency.ID}
	var u evaluation.User
	c.call(http.MethodPost, users, admin, req, http.StatusCreated).decode(&u)
	c.call(http.MethodPost, users, admin, req, http.StatusUnprocessableEntity)
	req.Username, req.OrgID = "eval7", &w.Finance.ID
	c.call(http.MethodPost, users, admin, req, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, users, admin, evaluation.UserRequest{Username: "boss", Password: "password-123",
		DisplayName: "领导", Role: evaluation.RoleViewer}, http.StatusCreated) // org_id null
	c.call(http.MethodGet, fmt.Sprintf("%s?role=evaluator&org_id=%d&q=eval", users, agency.ID), admin, nil, http.StatusOK)
	c.call(http.MethodGet, users+"?org_id=x", admin, nil, http.StatusBadRequest)
	c.call(http.MethodGet, users, c.tok("leader"), nil, http.StatusForbidden)
	c.call(http.MethodGet, fmt.Sprintf("%s/%d", users, u.ID), admin, nil, http.StatusOK)
	c.call(http.MethodGet, users+"/999999", admin, nil, http.StatusNotFound)
	c.call(http.MethodPatch, fmt.Sprintf("%s/%d", users, u.ID), admin, map[string]string{"display_name": "评估员 6"}, http.StatusOK)
	c.call(http.MethodPatch, fmt.Sprintf("%s/%d", users, u.ID), admin, map[string]string{"role": "boss"}, http.StatusUnprocessableEntity)
	c.call(http.MethodPatch, fmt.Sprintf("%s/%d", users, u.ID), admin, json.RawMessage(`[`), http.StatusBadRequest)
	c.call(http.MethodPatch, fmt.Sprintf("%s/%d", users, w.Admin.ID), admin, map[string]string{"role": "viewer"}, http.StatusConflict)
	c.call(http.MethodPatch, fmt.Sprintf("%s/%d", users, u.ID), admin, map[string]string{"password": "qwertyuiop"}, http.StatusUnprocessableEntity)
	return &agency
}

func flowPlans(c *coverage) {
	w, admin := c.s.w, c.tok("admin")
	const plans = "/api/v1/plans"
	req := evaluation.PlanRequest{Code: "CD-2025-100", Title: "测试方案", LeadDepartmentID: w.Finance.ID,
		ApprovedBy: "市委深改组", IssuedOn: "2025-01-01", Field: "经济体制", Summary: "摘要"}
	var p evaluation.Plan
	c.call(http.MethodPost, plans, admin, req, http.StatusCreated).decode(&p)
	c.call(http.MethodPost, plans, admin, req, http.StatusUnprocessableEntity)
	req.Code, req.IssuedOn = "CD-2025-101", "2025-13-01"
	c.call(http.MethodPost, plans, admin, req, http.StatusUnprocessableEntity)
	c.call(http.MethodGet, fmt.Sprintf("%s?q=CD-2017&field=经济体制&approved_by=市委深改组&lead_department_id=%d&issued_from=2017-01-01&issued_to=2017-12-31",
		plans, w.Finance.ID), admin, nil, http.StatusOK)
	c.call(http.MethodGet, plans, c.tok("leader"), nil, http.StatusOK)
	c.call(http.MethodGet, plans, c.tok("finance"), nil, http.StatusForbidden)
	c.call(http.MethodGet, plans+"?lead_department_id=1.5", admin, nil, http.StatusBadRequest)
	c.call(http.MethodGet, fmt.Sprintf("%s/%d", plans, p.ID), admin, nil, http.StatusOK)
	c.call(http.MethodGet, plans+"/0", admin, nil, http.StatusNotFound)
	c.call(http.MethodPatch, fmt.Sprintf("%s/%d", plans, p.ID), admin, map[string]string{"title": "测试方案（修订）"}, http.StatusOK)
	c.call(http.MethodPatch, fmt.Sprintf("%s/%d", plans, p.ID), admin, map[string]int64{"lead_department_id": w.SCU.ID}, http.StatusUnprocessableEntity)
	c.call(http.MethodPatch, fmt.Sprintf("%s/%d", plans, p.ID), admin, map[string]int{"title": 5}, http.StatusUnprocessableEntity)
	c.call(http.MethodDelete, fmt.Sprintf("%s/%d", plans, p.ID), admin, nil, http.StatusNoContent)

	const header = "code,title,lead_department,approved_by,issued_on,field,summary\n"
	var res evaluation.ImportResult
	c.upload(plans+"/import", "admin", "plans.csv", []byte(header+
		"CD-2026-201,导入方案一,市财政局,市委深改组,2026-01-15,经济体制,摘要一\n"+
		"CD-2017-001,以绩效为导向的财政预算制度改革方案,市财政局,市委深改组,2017-11-20,经济体制,导入更新的摘要\n"),
		http.StatusOK).decode(&res)
	if res.Created != 1 || res.Updated != 1 {
		c.s.t.Errorf("import: %+v, want 1 created and 1 updated", res)
	}
	c.upload(plans+"/import", "admin", "plans.csv", []byte(header+
		"CD-2026-202,导入方案二,不存在的局,市委深改组,2026-01-15,经济体制,摘要\n"+
		"CD-2026-203,,市财政局,市委深改组,2026-02-30,经济体制,摘要\n"), http.StatusUnprocessableEntity)
	c.upload(plans+"/import", "admin", "plans.txt", []byte("code\n"), http.StatusUnprocessableEntity)
	c.call(http.MethodPost, plans+"/import", admin, nil, http.StatusUnprocessableEntity) // no file at all
	c.upload(plans+"/import", "leader", "plans.csv", []byte(header), http.StatusForbidden)
}

func flowTemplatesAndConflicts(c *coverage, agency *evaluation.Org) {
	w, admin := c.s.w, c.tok("admin")
	const templates, conflicts = "/api/v1/templates", "/api/v1/conflicts"
	req := evaltest.Template()
	req.Name = "测试指标体系"
	var tpl evaluation.Template
	c.call(http.MethodPost, templates, admin, req, http.StatusCreated).decode(&tpl)
	c.call(http.MethodPost, templates, admin, map[string]any{"name": "空", "dimensions": []any{}}, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, templates, admin, json.RawMessage(`{"name": "x", "dimensions": `), http.StatusBadRequest)
	c.call(http.MethodGet, templates, c.tok("leader"), nil, http.StatusOK)
	c.call(http.MethodGet, templates+"?per_page=1000", admin, nil, http.StatusBadRequest)
	c.call(http.MethodGet, fmt.Sprintf("%s/%d", templates, tpl.ID), admin, nil, http.StatusOK)
	c.call(http.MethodGet, templates+"/999999", admin, nil, http.StatusNotFound)
	req.Name = "测试指标体系（修订）"
	c.call(http.MethodPut, fmt.Sprintf("%s/%d", templates, tpl.ID), admin, req, http.StatusOK)
	var next evaluation.Template
	c.call(http.MethodPut, fmt.Sprintf("%s/%d", templates, w.Template.ID), admin, evaltest.Template(), http.StatusCreated).decode(&next)
	if next.ParentID == nil || *next.ParentID != w.Template.ID || next.Version != 2 {
		c.s.t.Errorf("new version of a frozen template: %+v", next)
	}
	req.Dimensions[0].Indicators[0].MaxScore++
	c.call(http.MethodPut, fmt.Sprintf("%s/%d", templates, tpl.ID), admin, req, http.StatusUnprocessableEntity)
	c.call(http.MethodPut, templates+"/999999", admin, evaltest.Template(), http.StatusNotFound)
	c.call(http.MethodPut, fmt.Sprintf("%s/%d", templates, tpl.ID), c.tok("leader"), evaltest.Template(), http.StatusForbidden)

	// The institute may not evaluate the plans of DevReform (P3); the new agency not P2.
	c.call(http.MethodPost, conflicts, admin, evaluation.ConflictRequest{AgencyID: w.Institute.ID,
		DepartmentID: &w.DevReform.ID, Reason: "该研究院承担过市发展改革委的课题"}, http.StatusCreated)
	c.call(http.MethodPost, conflicts, admin, evaluation.ConflictRequest{AgencyID: agency.ID,
		PlanID: &w.P2.ID, Reason: "参与了方案起草"}, http.StatusCreated)
	c.call(http.MethodPost, conflicts, admin, evaluation.ConflictRequest{AgencyID: agency.ID,
		PlanID: &w.P2.ID, DepartmentID: &w.Finance.ID, Reason: "两者都填"}, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, conflicts, admin, evaluation.ConflictRequest{AgencyID: w.Finance.ID,
		PlanID: &w.P2.ID, Reason: "不是评估机构"}, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, conflicts, admin, json.RawMessage(`{`), http.StatusBadRequest)
	c.call(http.MethodGet, fmt.Sprintf("%s?agency_id=%d", conflicts, agency.ID), admin, nil, http.StatusOK)
	c.call(http.MethodGet, conflicts+"?agency_id=abc", admin, nil, http.StatusBadRequest)
	c.call(http.MethodGet, conflicts, c.tok("leader"), nil, http.StatusForbidden)
}

// flowRound takes the fixture round through its whole life.
func flowRound(c *coverage) {
	s, w, admin := c.s, c.s.w, c.tok("admin")
	const rounds = "/api/v1/rounds"
	round := fmt.Sprintf("%s/%d", rounds, w.Round.ID)

	c.call(http.MethodGet, rounds+"?status=draft", admin, nil, http.StatusOK)
	c.call(http.MethodGet, rounds, c.tok("eval1"), nil, http.StatusOK)
	c.call(http.MethodGet, rounds+"?page=x", admin, nil, http.StatusBadRequest)
	var second evaluation.Round
	c.call(http.MethodPost, rounds, admin, evaluation.RoundRequest{Name: "2026年第二轮", TemplateID: w.Template.ID,
		StartsOn: "2026-06-01", ScoringDue: "2026-07-31", ResponseDays: &evaluation.ResponseDays{Critical: 10, Major: 20, Minor: 30}},
		http.StatusCreated).decode(&second)
	c.call(http.MethodPost, rounds, admin, evaluation.RoundRequest{Name: "倒置", TemplateID: w.Template.ID,
		StartsOn: "2026-06-01", ScoringDue: "2026-05-31"}, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, rounds, admin, json.RawMessage(`{"name": "x"`), http.StatusBadRequest)
	c.call(http.MethodPost, rounds, c.tok("leader"), evaluation.RoundRequest{}, http.StatusForbidden)
	c.call(http.MethodGet, round, admin, nil, http.StatusOK)
	c.call(http.MethodGet, round, c.tok("eval1"), nil, http.StatusNotFound) // a draft round is not theirs yet
	c.call(http.MethodGet, rounds+"/999999", admin, nil, http.StatusNotFound)
	c.call(http.MethodPatch, fmt.Sprintf("%s/%d", rounds, second.ID), admin, map[string]string{"name": "2026年第二轮（调整）"}, http.StatusOK)
	c.call(http.MethodPatch, fmt.Sprintf("%s/%d", rounds, second.ID), admin, map[string]float64{"outlier_threshold": -1}, http.StatusUnprocessableEntity)
	c.call(http.MethodPatch, rounds+"/999999", admin, map[string]string{"name": "x"}, http.StatusNotFound)
	c.call(http.MethodGet, round+"/eligible-plans", admin, nil, http.StatusOK)
	c.call(http.MethodGet, rounds+"/999999/eligible-plans", admin, nil, http.StatusNotFound)
	c.call(http.MethodGet, round+"/eligible-plans?per_page=0x", admin, nil, http.StatusBadRequest)

	// Assignments: by hand, then automatically.
	assign := func(plan *evaluation.Plan, evaluatorID int64, want int) *reply {
		return c.call(http.MethodPost, round+"/assignments", admin,
			evaluation.AssignmentRequest{PlanID: plan.ID, EvaluatorID: evaluatorID}, want)
	}
	assign(w.P1, w.Eval1.ID, http.StatusCreated)
	assign(w.P1, w.Eval1.ID, http.StatusConflict)
	assign(w.Recent, w.Eval1.ID, http.StatusUnprocessableEntity)
	assign(w.P3, w.Eval4.ID, http.StatusUnprocessableEntity)
	assign(w.P1, w.Admin.ID, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, rounds+"/999999/assignments", admin, evaluation.AssignmentRequest{PlanID: w.P1.ID, EvaluatorID: w.Eval2.ID}, http.StatusNotFound)
	c.call(http.MethodPost, round+"/assignments", admin, json.RawMessage(`{"plan_id": "1"}`), http.StatusUnprocessableEntity)
	c.call(http.MethodPost, round+"/assignments", admin, json.RawMessage(`{`), http.StatusBadRequest)
	c.call(http.MethodDelete, fmt.Sprintf("/api/v1/plans/%d", w.P1.ID), admin, nil, http.StatusConflict)

	var preview evaluation.AutoAssignResult
	c.call(http.MethodPost, round+"/auto-assign", admin, map[string]any{"raters_per_plan": 3, "dry_run": true}, http.StatusOK).decode(&preview)
	if !preview.DryRun || preview.Created == 0 || len(preview.Assignments) != preview.Created {
		c.s.t.Errorf("auto-assign preview: %+v", preview)
	}
	c.call(http.MethodPost, round+"/auto-assign", admin, map[string]int{"raters_per_plan": 9}, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, round+"/auto-assign", admin, map[string]int{"raters_per_plan": 0}, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, round+"/auto-assign", admin, json.RawMessage(`{"raters_per_plan": 3`), http.StatusBadRequest)
	c.call(http.MethodPost, rounds+"/999999/auto-assign", admin, map[string]int{"raters_per_plan": 3}, http.StatusNotFound)
	c.call(http.MethodPost, round+"/auto-assign", admin, map[string]int{"raters_per_plan": 3}, http.StatusCreated)
	// P1 gets every other evaluator by hand too, so that its highest and lowest totals are dropped.
	for _, ev := range []*evaluation.User{w.Eval2, w.Eval3, w.Eval4, w.Eval5} {
		assign(w.P1, ev.ID, 0)
	}
	var all evaluation.List[evaluation.AssignmentView]
	c.call(http.MethodGet, round+"/assignments?per_page=500", admin, nil, http.StatusOK).decode(&all)
	c.call(http.MethodGet, fmt.Sprintf("%s/assignments?plan_id=%d&evaluator_id=%d&status=assigned", round, w.P1.ID, w.Eval1.ID), admin, nil, http.StatusOK)
	c.call(http.MethodGet, round+"/assignments?plan_id=-2", admin, nil, http.StatusBadRequest)
	c.call(http.MethodGet, rounds+"/999999/assignments", admin, nil, http.StatusNotFound)

	wantCode(c.call(http.MethodPost, round+"/remind", admin, nil, http.StatusConflict), "wrong_state") // a draft owes nothing yet
	c.call(http.MethodPost, round+"/open", admin, nil, http.StatusOK)
	c.call(http.MethodPost, round+"/open", admin, nil, http.StatusConflict)
	var reminded evaluation.RemindResult
	c.call(http.MethodPost, round+"/remind", admin, nil, http.StatusOK).decode(&reminded)
	owing := map[int64]bool{} // every evaluator of the round: no scoresheet is submitted yet
	for _, av := range all.Items {
		owing[av.EvaluatorID] = true
	}
	if reminded.Notified != len(owing) {
		s.t.Errorf("reminder of an open round reached %d people, want the %d evaluators", reminded.Notified, len(owing))
	}
	c.call(http.MethodPost, rounds+"/999999/open", admin, nil, http.StatusNotFound)
	c.call(http.MethodPatch, round, admin, map[string]int64{"template_id": w.Template.ID}, http.StatusConflict)

	// eval1 scores P1.
	ev := c.tok("eval1")
	var mine evaluation.List[evaluation.AssignmentView]
	c.call(http.MethodGet, "/api/v1/assignments", ev, nil, http.StatusOK).decode(&mine)
	c.call(http.MethodGet, fmt.Sprintf("/api/v1/assignments?round_id=%d&plan_id=%d&status=assigned", w.Round.ID, w.P1.ID), ev, nil, http.StatusOK)
	c.call(http.MethodGet, "/api/v1/assignments?round_id=x", ev, nil, http.StatusBadRequest)
	c.call(http.MethodGet, "/api/v1/assignments", admin, nil, http.StatusForbidden)
	var a1 *evaluation.AssignmentView
	for i, a := range mine.Items {
		if a.Plan.ID == w.P1.ID {
			a1 = &mine.Items[i]
		}
	}
	if a1 == nil {
		s.t.Fatalf("eval1 has no assignment on P1: %+v", mine)
	}
	a := fmt.Sprintf("/api/v1/assignments/%d", a1.ID)
	var detail api.AssignmentResponse
	c.call(http.MethodGet, a, ev, nil, http.StatusOK).decode(&detail)
	if detail.Scoresheet.Version != 0 || detail.Plan.Code != w.P1.Code || detail.Template.ID != w.Template.ID {
		s.t.Errorf("assignment detail: %+v", detail)
	}
	c.call(http.MethodGet, a, admin, nil, http.StatusOK)
	c.call(http.MethodGet, a, c.tok("eval2"), nil, http.StatusNotFound)
	c.call(http.MethodGet, a, c.tok("leader"), nil, http.StatusForbidden)
	c.call(http.MethodGet, "/api/v1/assignments/999999", ev, nil, http.StatusNotFound)

	partial := json.RawMessage(`{"version": 0, "comment": "初评", "scores": [
		{"indicator_code": "1.1", "value": 5.5, "comment": "较好"},
		{"indicator_code": "1.3", "value": true},
		{"indicator_code": "2.1", "value": null}]}`)
	var sheet evaluation.Scoresheet
	c.call(http.MethodPut, a+"/scoresheet", ev, partial, http.StatusOK).decode(&sheet)
	c.call(http.MethodPut, a+"/scoresheet", ev, partial, http.StatusConflict) // stale version
	c.call(http.MethodPut, a+"/scoresheet", ev, json.RawMessage(`{"version": 1, "scores": [{"indicator_code": "1.1", "value": 7}]}`), http.StatusUnprocessableEntity)
	c.call(http.MethodPut, a+"/scoresheet", ev, json.RawMessage(`{"version": 1, "scores": [{"indicator_code": "1.3", "value": 4}]}`), http.StatusUnprocessableEntity)
	c.call(http.MethodPut, a+"/scoresheet", ev, json.RawMessage(`{"version": 1, "scores": [{"indicator_code": "1.1", "value": "x"}]}`), http.StatusUnprocessableEntity)
	c.call(http.MethodPut, a+"/scoresheet", ev, json.RawMessage(`{"version": "1"}`), http.StatusUnprocessableEntity)
	c.call(http.MethodPut, a+"/scoresheet", ev, json.RawMessage(`{"version": 1,`), http.StatusBadRequest)
	c.call(http.MethodPut, a+"/scoresheet", c.tok("eval2"), partial, http.StatusNotFound)
	c.call(http.MethodPost, a+"/submit", ev, map[string]int{"version": sheet.Version}, http.StatusUnprocessableEntity) // incomplete
	c.call(http.MethodPost, a+"/submit", ev, map[string]any{}, http.StatusUnprocessableEntity)                         // no version
	c.call(http.MethodPost, a+"/submit", ev, json.RawMessage(`{`), http.StatusBadRequest)
	full := evaluation.ScoresheetRequest{Version: sheet.Version, Comment: "终评", Scores: w.FullAnswers(0.9)}
	c.call(http.MethodPut, a+"/scoresheet", ev, full, http.StatusOK).decode(&sheet)
	c.call(http.MethodPost, a+"/submit", ev, map[string]int{"version": sheet.Version - 1}, http.StatusConflict)
	c.call(http.MethodPost, a+"/submit", ev, map[string]int{"version": sheet.Version}, http.StatusOK).decode(&sheet)
	if sheet.Status != evaluation.SheetSubmitted || sheet.SubmittedAt == nil {
		s.t.Errorf("submitted sheet: %+v", sheet)
	}
	full.Version = sheet.Version
	c.call(http.MethodPut, a+"/scoresheet", ev, full, http.StatusConflict) // submitted
	wantCode(c.call(http.MethodDelete, a, admin, nil, http.StatusConflict), "submitted")
	c.call(http.MethodPost, a+"/submit", ev, map[string]int{"version": sheet.Version}, http.StatusConflict)

	// Findings on the assignment.
	var f1, f2 evaluation.Finding
	c.call(http.MethodPost, a+"/findings", ev, evaluation.FindingRequest{IndicatorCode: "1.1", Severity: evaluation.SeverityMajor,
		Description: "绩效目标设置不够具体", Recommendation: "细化可量化的绩效目标"}, http.StatusCreated).decode(&f1)
	c.call(http.MethodPost, a+"/findings", ev, evaluation.FindingRequest{Severity: evaluation.SeverityMinor,
		Description: "台账不完整", Recommendation: "补齐台账"}, http.StatusCreated).decode(&f2)
	c.call(http.MethodPost, a+"/findings", ev, evaluation.FindingRequest{IndicatorCode: "9.9", Severity: evaluation.SeverityMinor,
		Description: "x", Recommendation: "y"}, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, a+"/findings", ev, map[string]string{"severity": "huge", "description": "x", "recommendation": "y"}, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, a+"/findings", ev, json.RawMessage(`{"severity"`), http.StatusBadRequest)
	c.call(http.MethodPost, a+"/findings", c.tok("eval2"), evaluation.FindingRequest{Severity: evaluation.SeverityMinor,
		Description: "x", Recommendation: "y"}, http.StatusNotFound)
	c.call(http.MethodGet, a+"/findings", ev, nil, http.StatusOK)
	c.call(http.MethodGet, a+"/findings", admin, nil, http.StatusOK)
	c.call(http.MethodGet, a+"/findings", c.tok("eval2"), nil, http.StatusNotFound)
	finding := func(f evaluation.Finding) string { return fmt.Sprintf("/api/v1/findings/%d", f.ID) }
	c.call(http.MethodPatch, finding(f1), ev, map[string]string{"severity": "critical"}, http.StatusOK)
	c.call(http.MethodPatch, finding(f1), ev, map[string]string{"indicator_code": "9.9"}, http.StatusUnprocessableEntity)
	c.call(http.MethodPatch, finding(f1), ev, json.RawMessage(`{"severity": 3}`), http.StatusUnprocessableEntity)
	c.call(http.MethodPatch, finding(f1), ev, json.RawMessage(`{"severity"`), http.StatusBadRequest)
	c.call(http.MethodPatch, finding(f1), c.tok("eval2"), map[string]string{"severity": "minor"}, http.StatusNotFound)
	c.call(http.MethodDelete, finding(f2), ev, nil, http.StatusNoContent)
	c.call(http.MethodDelete, finding(f2), ev, nil, http.StatusNotFound)

	// Reopen, correct, submit again.
	reopen := fmt.Sprintf("/api/v1/scoresheets/%d/reopen", a1.ID)
	c.call(http.MethodPost, reopen, admin, nil, http.StatusOK).decode(&sheet)
	c.call(http.MethodPost, reopen, admin, nil, http.StatusConflict)
	c.call(http.MethodPost, "/api/v1/scoresheets/999999/reopen", admin, nil, http.StatusNotFound)
	wantCode(c.call(http.MethodDelete, a, admin, nil, http.StatusConflict), "has_findings") // reopened, but f1 was raised on it
	c.call(http.MethodPost, a+"/submit", ev, map[string]int{"version": sheet.Version}, http.StatusOK)

	// Everyone else scores too, at different levels; one sheet stays a draft.
	fractions := []float64{0.95, 0.8, 0.75, 0.7, 0.6, 0.3}
	var draft *evaluation.AssignmentView
	for i, av := range all.Items {
		if av.ID == a1.ID {
			continue
		}
		if draft == nil && av.Plan.ID != w.P1.ID {
			draft = &all.Items[i]
			continue
		}
		u, err := w.Store.User(context.Background(), av.EvaluatorID)
		if err != nil {
			s.t.Fatal(err)
		}
		w.Score(&all.Items[i], u, w.FullAnswers(fractions[i%len(fractions)]))
	}
	// After the scoring due date the draft cannot be saved.
	w.Env.Clock.Set(time.Date(2026, 5, 1, 9, 0, 0, 0, evaltest.Shanghai))
	clear(s.tokens) // sessions may have expired meanwhile
	owner, err := w.Store.User(context.Background(), draft.EvaluatorID)
	if err != nil {
		s.t.Fatal(err)
	}
	c.call(http.MethodPut, fmt.Sprintf("/api/v1/assignments/%d/scoresheet", draft.ID), c.tok(owner.Username),
		evaluation.ScoresheetRequest{Scores: w.FullAnswers(0.5)}, http.StatusConflict)
	admin, ev = c.tok("admin"), c.tok("eval1")

	// Results, while scoring is open and after.
	results := round + "/results"
	c.call(http.MethodGet, results, admin, nil, http.StatusOK)
	c.call(http.MethodGet, results, c.tok("leader"), nil, http.StatusNotFound) // viewers: published rounds only
	c.call(http.MethodGet, results, ev, nil, http.StatusOK)
	c.call(http.MethodGet, results, c.tok("finance"), nil, http.StatusForbidden)
	c.call(http.MethodGet, fmt.Sprintf("%s/%d/results", rounds, second.ID), admin, nil, http.StatusOK)
	c.call(http.MethodGet, fmt.Sprintf("%s/%d/results", rounds, second.ID), ev, nil, http.StatusNotFound)
	c.call(http.MethodGet, rounds+"/999999/results", admin, nil, http.StatusNotFound)
	var p1 evaluation.ResultDetail
	c.call(http.MethodGet, fmt.Sprintf("%s/plans/%d/result", round, w.P1.ID), admin, nil, http.StatusOK).decode(&p1)
	if p1.RatersKept != len(p1.Raters)-2 || len(p1.Indicators) == 0 {
		s.t.Errorf("P1 result: %d raters, %d kept, %d indicators", len(p1.Raters), p1.RatersKept, len(p1.Indicators))
	}
	c.call(http.MethodGet, fmt.Sprintf("%s/plans/%d/result", round, draft.Plan.ID), ev, nil, 0)
	c.call(http.MethodGet, fmt.Sprintf("%s/plans/%d/result", round, w.Recent.ID), admin, nil, http.StatusNotFound)
	c.call(http.MethodGet, fmt.Sprintf("%s/plans/%d/result", round, w.P1.ID), c.tok("finance"), nil, http.StatusForbidden)

	// The round's life: close scoring, publish, archive.
	c.call(http.MethodPost, round+"/close-scoring", admin, nil, http.StatusOK)
	c.call(http.MethodPost, round+"/close-scoring", admin, nil, http.StatusConflict)
	c.call(http.MethodPost, a+"/findings", ev, evaluation.FindingRequest{Severity: evaluation.SeverityMinor,
		Description: "x", Recommendation: "y"}, http.StatusConflict)
	c.call(http.MethodPatch, finding(f1), ev, map[string]string{"recommendation": "细化可量化、可考核的绩效目标"}, http.StatusOK)
	c.call(http.MethodPost, reopen, admin, nil, http.StatusOK).decode(&sheet)
	c.call(http.MethodPost, a+"/submit", ev, map[string]int{"version": sheet.Version}, http.StatusOK)
	c.call(http.MethodPost, round+"/publish", admin, nil, http.StatusOK)
	c.call(http.MethodPost, round+"/publish", admin, nil, http.StatusConflict)
	c.call(http.MethodGet, results, c.tok("leader"), nil, http.StatusOK)
	var published evaluation.List[evaluation.Finding]
	c.call(http.MethodGet, a+"/findings", ev, nil, http.StatusOK).decode(&published)
	if len(published.Items) != 1 || published.Items[0].DueOn == nil {
		s.t.Errorf("published findings: %+v", published)
	}
	c.call(http.MethodPatch, finding(f1), ev, map[string]string{"severity": "minor"}, http.StatusConflict)
	c.call(http.MethodDelete, finding(f1), ev, nil, http.StatusConflict)
	c.call(http.MethodPost, reopen, admin, nil, http.StatusConflict)
	c.call(http.MethodPatch, round, admin, map[string]string{"name": "改名"}, http.StatusConflict)
	c.call(http.MethodGet, rounds, c.tok("finance"), nil, http.StatusOK)
	c.call(http.MethodGet, round, c.tok("finance"), nil, http.StatusOK)
	c.call(http.MethodPost, round+"/archive", admin, nil, http.StatusOK)
	c.call(http.MethodPost, round+"/archive", admin, nil, http.StatusConflict)
	assign(w.P2, w.Eval5.ID, http.StatusConflict)
	c.call(http.MethodPost, round+"/auto-assign", admin, map[string]int{"raters_per_plan": 3}, http.StatusConflict)
}

// flowRectification takes the findings of a published round through the
// rectification loop as each role would: the department's drafts, evidence
// and submissions, verdicts, history, progress, to-do lists, notifications
// and the office's reminders, and finally the archived round's refusals.
func flowRectification(c *coverage) {
	s, w, admin := c.s, c.s.w, c.tok("admin")
	const v1 = "/api/v1"
	round := fmt.Sprintf("%s/rounds/%d", v1, w.Round.ID)

	// While the round is a draft: nothing to chase, and an assignment may be withdrawn.
	wantCode(c.call(http.MethodPost, round+"/remind", admin, nil, http.StatusConflict), "wrong_state")
	c.call(http.MethodPost, v1+"/rounds/999999/remind", admin, nil, http.StatusNotFound)
	var spare evaluation.AssignmentView
	c.call(http.MethodPost, round+"/assignments", admin, evaluation.AssignmentRequest{PlanID: w.P3.ID, EvaluatorID: w.Eval3.ID},
		http.StatusCreated).decode(&spare)
	c.call(http.MethodDelete, fmt.Sprintf("%s/assignments/%d", v1, spare.ID), admin, nil, http.StatusNoContent)
	c.call(http.MethodDelete, fmt.Sprintf("%s/assignments/%d", v1, spare.ID), admin, nil, http.StatusNotFound)
	c.call(http.MethodGet, round+"/rectification", c.tok("finance"), nil, http.StatusNotFound) // not published

	pub := w.PublishRound()
	clear(s.tokens) // the clock moved past the sessions' lifetime
	admin = c.tok("admin")
	fin, assets, ev1, ev2, leader := c.tok("finance"), c.tok("assets"), c.tok("eval1"), c.tok("eval2"), c.tok("leader")
	path := func(f *evaluation.Finding) string { return fmt.Sprintf("%s/findings/%d", v1, f.ID) }
	crit, minor, major := path(pub.P1Critical), path(pub.P1Minor), path(pub.P2Major)
	wantCode(c.call(http.MethodDelete, fmt.Sprintf("%s/assignments/%d", v1, pub.P1Critical.AssignmentID), admin, nil,
		http.StatusConflict), "wrong_state")

	// Each role's list of findings.
	var list evaluation.List[evaluation.FindingView]
	c.call(http.MethodGet, v1+"/findings", fin, nil, http.StatusOK).decode(&list)
	if list.Total != 2 || len(list.Items) != 2 || list.Items[0].EvaluatorID != nil || list.Items[0].Response != nil {
		s.t.Errorf("the department's findings: %+v", list)
	}
	c.call(http.MethodGet, fmt.Sprintf("%s/findings?round_id=%d&plan_id=%d&status=open&severity=critical&overdue=false&page=1&per_page=10",
		v1, w.Round.ID, w.P1.ID), admin, nil, http.StatusOK).decode(&list)
	if list.Total != 1 || list.Items[0].ID != pub.P1Critical.ID || list.Items[0].EvaluatorID == nil {
		s.t.Errorf("filtered findings: %+v", list)
	}
	c.call(http.MethodGet, v1+"/findings", ev1, nil, http.StatusOK)
	c.call(http.MethodGet, v1+"/findings?overdue=true", leader, nil, http.StatusOK)
	c.call(http.MethodGet, v1+"/findings?overdue=maybe", admin, nil, http.StatusBadRequest)
	c.call(http.MethodGet, v1+"/findings?plan_id=x", admin, nil, http.StatusBadRequest)
	c.call(http.MethodGet, crit, fin, nil, http.StatusOK)
	c.call(http.MethodGet, crit, ev2, nil, http.StatusNotFound)  // raised by eval1
	c.call(http.MethodGet, major, fin, nil, http.StatusNotFound) // another department's plan
	c.call(http.MethodGet, v1+"/findings/999999", admin, nil, http.StatusNotFound)

	// The department drafts its answer to the critical finding.
	answer := evaltest.DeptAnswer()
	var draft evaluation.ResponseView
	c.call(http.MethodPut, crit+"/response", fin, answer, http.StatusOK).decode(&draft)
	if draft.Status != evaluation.ResponseDraft || draft.Version != 1 || draft.Number != 0 || draft.SubmittedAt != nil {
		s.t.Errorf("first draft: %+v", draft)
	}
	stale := answer
	stale.Version = new(int) // 0, but the draft is at 1
	wantCode(c.call(http.MethodPut, crit+"/response", fin, stale, http.StatusConflict), "stale_version")
	done := answer
	done.Progress = evaluation.ProgressCompleted // without completed_on
	c.call(http.MethodPut, crit+"/response", fin, done, http.StatusUnprocessableEntity)
	c.call(http.MethodPut, crit+"/response", fin, map[string]string{"measures": "", "progress": "finished"}, http.StatusUnprocessableEntity)
	c.call(http.MethodPut, crit+"/response", fin, json.RawMessage(`{"measures": `), http.StatusBadRequest)
	c.call(http.MethodPut, major+"/response", fin, answer, http.StatusNotFound)

	// Evidence: checked by content, seen only by the department until submitted.
	attachments := crit + "/response/attachments"
	var att, extra evaluation.AttachmentView
	c.upload(attachments, "finance", "会议纪要.pdf", evidencePDF, http.StatusCreated).decode(&att)
	if att.ContentType != "application/pdf" || att.SubmittedIn != nil || att.Size != int64(len(evidencePDF)) {
		s.t.Errorf("uploaded evidence: %+v", att)
	}
	c.upload(attachments, "finance", "副本.pdf", evidencePDF, http.StatusCreated).decode(&extra)
	c.upload(attachments, "finance", "说明.pdf", []byte("<!doctype html><html><body>不是 PDF</body></html>"), http.StatusUnprocessableEntity)
	c.call(http.MethodPost, attachments, fin, nil, http.StatusUnprocessableEntity) // no file at all
	c.upload(major+"/response/attachments", "finance", "会议纪要.pdf", evidencePDF, http.StatusNotFound)
	tooBig := bytes.Repeat([]byte{' '}, 21<<20) // past the upload route's 20 MB + 64 KB
	c.upload(attachments, "finance", "大文件.pdf", append(slices.Clone(evidencePDF), tooBig...), http.StatusRequestEntityTooLarge)
	attachment := func(a evaluation.AttachmentView) string { return fmt.Sprintf("%s/attachments/%d", v1, a.ID) }
	c.call(http.MethodDelete, attachment(extra), fin, nil, http.StatusNoContent)
	c.call(http.MethodDelete, attachment(extra), fin, nil, http.StatusNotFound)
	r := c.call(http.MethodGet, attachment(att), fin, nil, http.StatusOK)
	if !bytes.Equal(r.Body, evidencePDF) || r.Header.Get("X-Content-SHA256") != att.SHA256 || r.Header.Get("ETag") != `"`+att.SHA256+`"` {
		s.t.Errorf("download: %d bytes, headers %v", len(r.Body), r.Header)
	}
	c.call(http.MethodGet, attachment(att), admin, nil, http.StatusNotFound) // not submitted yet
	c.call(http.MethodGet, v1+"/attachments/999999", fin, nil, http.StatusNotFound)

	// Submission: nothing saved, a stale version, then for real.
	wantCode(c.call(http.MethodPost, minor+"/response/submit", fin, nil, http.StatusUnprocessableEntity), "invalid")
	wantCode(c.call(http.MethodPost, crit+"/response/submit", fin, map[string]int{"version": 0}, http.StatusConflict), "stale_version")
	c.call(http.MethodPost, crit+"/response/submit", fin, json.RawMessage(`{"version": `), http.StatusBadRequest)
	c.call(http.MethodPost, crit+"/response/submit", fin, map[string]string{"version": "1"}, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, major+"/response/submit", fin, nil, http.StatusNotFound)
	var fv evaluation.FindingView
	c.call(http.MethodPost, crit+"/response/submit", fin, map[string]int{"version": draft.Version}, http.StatusOK).decode(&fv)
	if fv.Status != evaluation.FindingResponded || fv.Response == nil || fv.Response.Number != 1 || len(fv.Response.Attachments) != 1 {
		s.t.Errorf("submitted: %+v", fv)
	}
	wantCode(c.call(http.MethodPost, crit+"/response/submit", fin, nil, http.StatusConflict), "awaiting_verdict")
	wantCode(c.call(http.MethodPut, crit+"/response", fin, answer, http.StatusConflict), "awaiting_verdict")
	wantCode(c.upload(attachments, "finance", "补充.pdf", evidencePDF, http.StatusConflict), "awaiting_verdict")
	wantCode(c.call(http.MethodDelete, attachment(att), fin, nil, http.StatusConflict), "submitted")
	for _, tok := range []string{admin, ev1, leader} {
		c.call(http.MethodGet, attachment(att), tok, nil, http.StatusOK)
	}
	c.call(http.MethodGet, attachment(att), ev2, nil, http.StatusNotFound)
	c.call(http.MethodGet, attachment(att), assets, nil, http.StatusNotFound)

	// Verdicts: returned with a comment, answered again, accepted.
	accept := evaluation.VerifyRequest{Verdict: evaluation.VerdictAccepted, Comment: "同意销号"}
	c.call(http.MethodPost, crit+"/verify", ev2, accept, http.StatusNotFound) // raised by eval1
	c.call(http.MethodPost, crit+"/verify", ev1, evaluation.VerifyRequest{Verdict: evaluation.VerdictReturned}, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, crit+"/verify", ev1, map[string]string{"verdict": "maybe"}, http.StatusUnprocessableEntity)
	c.call(http.MethodPost, crit+"/verify", ev1, json.RawMessage(`{"verdict"`), http.StatusBadRequest)
	c.call(http.MethodPost, v1+"/findings/999999/verify", admin, accept, http.StatusNotFound)
	wantCode(c.call(http.MethodPost, minor+"/verify", admin, accept, http.StatusConflict), "not_responded")
	c.call(http.MethodPost, crit+"/verify", ev1, evaluation.VerifyRequest{Verdict: evaluation.VerdictReturned,
		Comment: "请补充《绩效目标管理办法》的印发时间表"}, http.StatusOK).decode(&fv)
	if fv.Status != evaluation.FindingReturned {
		s.t.Errorf("returned: status %s", fv.Status)
	}
	completedOn := "2026-05-09" // yesterday: the round was published on 2026-05-10
	done.CompletedOn = &completedOn
	c.call(http.MethodPut, crit+"/response", fin, done, http.StatusOK).decode(&draft)
	c.call(http.MethodPost, crit+"/response/submit", fin, nil, http.StatusOK)
	c.call(http.MethodPost, crit+"/verify", admin, accept, http.StatusOK).decode(&fv)
	if fv.Status != evaluation.FindingAccepted || fv.Overdue {
		s.t.Errorf("accepted: %+v", fv)
	}
	wantCode(c.call(http.MethodPut, crit+"/response", fin, done, http.StatusConflict), "accepted")
	wantCode(c.call(http.MethodPost, crit+"/verify", admin, accept, http.StatusConflict), "not_responded")

	// History: both submissions with their verdicts; departments do not learn who verified.
	var hist evaluation.FindingHistory
	c.call(http.MethodGet, crit+"/history", fin, nil, http.StatusOK).decode(&hist)
	if len(hist.Versions) != 2 || hist.Versions[0].Verdict == nil || hist.Versions[0].Verdict.Verdict != evaluation.VerdictReturned ||
		hist.Versions[0].Verdict.VerifiedBy != nil || hist.Versions[1].Verdict == nil || hist.Versions[1].Verdict.VerifierRole != evaluation.RoleAdmin {
		s.t.Errorf("history as the department: %+v", hist)
	}
	c.call(http.MethodGet, crit+"/history", ev1, nil, http.StatusOK).decode(&hist)
	if len(hist.Versions) != 2 || hist.Versions[0].Verdict == nil || hist.Versions[0].Verdict.VerifiedBy == nil {
		s.t.Errorf("history as the evaluator: %+v", hist)
	}
	c.call(http.MethodGet, minor+"/history", leader, nil, http.StatusOK) // no versions yet
	c.call(http.MethodGet, crit+"/history", assets, nil, http.StatusNotFound)
	c.call(http.MethodGet, v1+"/findings/999999/history", admin, nil, http.StatusNotFound)

	// The other department answers too, so that a verdict is awaited.
	c.call(http.MethodPut, major+"/response", assets, evaltest.DeptAnswer(), http.StatusOK)
	c.call(http.MethodPost, major+"/response/submit", assets, nil, http.StatusOK)

	// Progress: P1 has one of its two findings accepted.
	r = c.call(http.MethodGet, round+"/rectification", admin, nil, http.StatusOK)
	var rect struct {
		Plans []struct {
			PlanID    int64    `json:"plan_id"`
			Published int64    `json:"published"`
			Accepted  int64    `json:"accepted"`
			Rate      *float64 `json:"rate"`
		} `json:"plans"`
		Departments []struct {
			DepartmentID int64 `json:"department_id"`
		} `json:"departments"`
	}
	r.decode(&rect)
	if len(rect.Plans) != 2 || rect.Plans[0].PlanID != w.P1.ID || rect.Plans[0].Published != 2 || rect.Plans[0].Accepted != 1 ||
		rect.Plans[0].Rate == nil || *rect.Plans[0].Rate != 0.5 || len(rect.Departments) != 2 || !strings.Contains(string(r.Body), `"rate":0.5000`) {
		s.t.Errorf("rectification: %s", r.Body)
	}
	c.call(http.MethodGet, round+"/rectification", leader, nil, http.StatusOK)
	c.call(http.MethodGet, round+"/rectification", fin, nil, http.StatusOK).decode(&rect)
	if len(rect.Plans) != 1 || len(rect.Departments) != 1 || rect.Departments[0].DepartmentID != w.Finance.ID {
		s.t.Errorf("the department's rectification: %+v", rect)
	}
	c.call(http.MethodGet, round+"/rectification", ev1, nil, http.StatusForbidden)
	c.call(http.MethodGet, v1+"/rounds/999999/rectification", admin, nil, http.StatusNotFound)

	// To-do lists: the finance department still owes the minor finding, eval2 a verdict.
	todo := map[string]string{"finance": "respond", "eval2": "verify", "admin": "awaiting_verdicts", "leader": "", "eval1": ""}
	for _, user := range slices.Sorted(maps.Keys(todo)) {
		var items evaluation.List[evaluation.TodoItem]
		c.call(http.MethodGet, v1+"/todo", c.tok(user), nil, http.StatusOK).decode(&items)
		if kind := todo[user]; (kind == "") != (items.Total == 0) || kind != "" && items.Items[0].Kind != kind {
			s.t.Errorf("todo of %s: %+v, want kind %q", user, items, kind)
		}
	}

	// The office chases finance (the minor finding) and eval2 (the verdict).
	var reminded evaluation.RemindResult
	c.call(http.MethodPost, round+"/remind", admin, nil, http.StatusOK).decode(&reminded)
	if reminded.Notified != 2 {
		s.t.Errorf("reminder of the published round reached %d people, want 2", reminded.Notified)
	}

	// Finance has been told of the publication, the return, the acceptance and the reminder.
	var notes evaluation.NotificationList
	c.call(http.MethodGet, v1+"/notifications", fin, nil, http.StatusOK).decode(&notes)
	var kinds []evaluation.NoticeKind
	for _, n := range notes.Items {
		kinds = append(kinds, n.Kind)
	}
	if want := []evaluation.NoticeKind{evaluation.NoticeReminder, evaluation.NoticeAccepted, evaluation.NoticeReturned,
		evaluation.NoticePublished}; !slices.Equal(kinds, want) || notes.Unread != 4 {
		s.t.Errorf("finance's notifications: %v (%d unread), want %v, all unread", kinds, notes.Unread, want)
	}
	c.call(http.MethodGet, v1+"/notifications?unread=true&page=1&per_page=2", fin, nil, http.StatusOK)
	c.call(http.MethodGet, v1+"/notifications?unread=maybe", fin, nil, http.StatusBadRequest)
	c.call(http.MethodGet, v1+"/notifications?per_page=501", fin, nil, http.StatusBadRequest)
	read := fmt.Sprintf("%s/notifications/%d/read", v1, notes.Items[0].ID)
	var note evaluation.Notification
	c.call(http.MethodPost, read, fin, nil, http.StatusOK).decode(&note)
	if note.ReadAt == nil {
		s.t.Errorf("a read notification without read_at: %+v", note)
	}
	c.call(http.MethodPost, read, fin, nil, http.StatusOK) // again: still read
	c.call(http.MethodPost, read, assets, nil, http.StatusNotFound)
	c.call(http.MethodPost, v1+"/notifications/999999/read", fin, nil, http.StatusNotFound)
	var all struct {
		Read int64 `json:"read"`
	}
	c.call(http.MethodPost, v1+"/notifications/read-all", fin, nil, http.StatusOK).decode(&all)
	c.call(http.MethodGet, v1+"/notifications?unread=true", fin, nil, http.StatusOK).decode(&notes)
	if all.Read != 3 || notes.Total != 0 || notes.Unread != 0 {
		s.t.Errorf("read all: %d read, then %d unread listed (%d counted)", all.Read, notes.Total, notes.Unread)
	}

	// Once archived, the round is read-only.
	var pending evaluation.AttachmentView
	c.upload(minor+"/response/attachments", "finance", "台账.pdf", evidencePDF, http.StatusCreated).decode(&pending)
	c.call(http.MethodPost, round+"/archive", admin, nil, http.StatusOK)
	wantCode(c.call(http.MethodPut, minor+"/response", fin, answer, http.StatusConflict), "archived")
	wantCode(c.call(http.MethodPost, minor+"/response/submit", fin, nil, http.StatusConflict), "archived")
	wantCode(c.upload(minor+"/response/attachments", "finance", "台账.pdf", evidencePDF, http.StatusConflict), "archived")
	wantCode(c.call(http.MethodDelete, attachment(pending), fin, nil, http.StatusConflict), "archived")
	wantCode(c.call(http.MethodPost, major+"/verify", ev2, accept, http.StatusConflict), "archived")
	wantCode(c.call(http.MethodPost, round+"/remind", admin, nil, http.StatusConflict), "wrong_state")
	c.call(http.MethodGet, minor, fin, nil, http.StatusOK)
	c.call(http.MethodGet, round+"/rectification", fin, nil, http.StatusOK)
}

// flowReports hands out the reports of a published round as each role
// would, and refuses those of a round still being scored; renders the whole
// round into a ZIP in a background job; and finds the reports handed out
// again on the public verify page, by file hash and by verification code.
func flowReports(c *coverage) {
	s, w := c.s, c.s.w
	const v1 = "/api/v1"
	ctx := context.Background()

	// A round still being scored, on P3: no report of it can be had yet.
	scoring := w.NewRound("2026年专项评估")
	p3 := w.Assign(scoring, w.P3, w.Eval3)
	w.Move(scoring, evaluation.RoundOpen)
	admin, leader, ev3 := c.tok("admin"), c.tok("leader"), c.tok("eval3")
	early := fmt.Sprintf("%s/rounds/%d", v1, scoring.ID)
	earlyPlan := fmt.Sprintf("%s/plans/%d", early, w.P3.ID)
	for _, path := range []string{earlyPlan + "/evaluation-report.pdf", earlyPlan + "/rectification-report.pdf",
		early + "/summary.pdf", early + "/summary.xlsx"} {
		wantCode(c.call(http.MethodGet, path, admin, nil, http.StatusConflict), "not_ready")
	}
	wantCode(c.call(http.MethodPost, early+"/reports", admin, nil, http.StatusConflict), "not_ready")
	c.call(http.MethodPost, early+"/reports", leader, nil, http.StatusNotFound) // not published
	c.call(http.MethodGet, early+"/summary.pdf", leader, nil, http.StatusNotFound)
	c.call(http.MethodGet, earlyPlan+"/evaluation-report.pdf", ev3, nil, http.StatusNotFound)

	// Once scoring closes, the office previews the evaluation report; the
	// rectification report waits for publication.
	w.Score(p3, w.Eval3, w.FullAnswers(0.85))
	w.Move(scoring, evaluation.RoundScoringClosed)
	preview := c.call(http.MethodGet, earlyPlan+"/evaluation-report.pdf", admin, nil, http.StatusOK)
	if !bytes.HasPrefix(preview.Body, []byte("%PDF-")) {
		s.t.Errorf("preview of the evaluation report is not a PDF: %.20q", preview.Body)
	}
	wantCode(c.call(http.MethodGet, earlyPlan+"/rectification-report.pdf", admin, nil, http.StatusConflict), "not_ready")
	c.call(http.MethodGet, earlyPlan+"/evaluation-report.pdf", ev3, nil, http.StatusNotFound)

	pub := w.PublishRound()
	clear(s.tokens) // the clock moved past the sessions' lifetime
	admin, leader = c.tok("admin"), c.tok("leader")
	ev1, fin, assets := c.tok("eval1"), c.tok("finance"), c.tok("assets")
	round := fmt.Sprintf("%s/rounds/%d", v1, pub.Round.ID)
	report := func(plan *evaluation.Plan, name string) string {
		return fmt.Sprintf("%s/plans/%d/%s", round, plan.ID, name)
	}

	// The evaluation report of P1: the same bytes whoever asks.
	var p1 *reply
	for _, tok := range []string{admin, leader, ev1, fin} {
		r := c.call(http.MethodGet, report(w.P1, "evaluation-report.pdf"), tok, nil, http.StatusOK)
		sum := sha256.Sum256(r.Body)
		if got := r.Header.Get("X-Report-SHA256"); got != hex.EncodeToString(sum[:]) {
			s.t.Errorf("X-Report-SHA256 %s is not the SHA-256 of the %d bytes sent", got, len(r.Body))
		}
		if p1 != nil && !bytes.Equal(r.Body, p1.Body) {
			s.t.Errorf("the evaluation report of P1 differs between readers")
		}
		p1 = r
	}
	if !bytes.HasPrefix(p1.Body, []byte("%PDF-")) || !strings.Contains(p1.Header.Get("Content-Disposition"), "filename*=utf-8''") {
		s.t.Errorf("evaluation report: %.20q, Content-Disposition %q", p1.Body, p1.Header.Get("Content-Disposition"))
	}
	c.call(http.MethodGet, report(w.P2, "evaluation-report.pdf"), ev1, nil, http.StatusNotFound)    // not assigned to eval1
	c.call(http.MethodGet, report(w.P1, "evaluation-report.pdf"), assets, nil, http.StatusNotFound) // another department's plan
	c.call(http.MethodGet, report(w.P3, "evaluation-report.pdf"), admin, nil, http.StatusNotFound)  // not in this round
	c.call(http.MethodGet, fmt.Sprintf("%s/rounds/999999/plans/%d/evaluation-report.pdf", v1, w.P1.ID), admin, nil, http.StatusNotFound)

	// The rectification report, for the office and the lead department.
	c.call(http.MethodGet, report(w.P1, "rectification-report.pdf"), admin, nil, http.StatusOK)
	c.call(http.MethodGet, report(w.P1, "rectification-report.pdf"), fin, nil, http.StatusOK)
	c.call(http.MethodGet, report(w.P1, "rectification-report.pdf"), assets, nil, http.StatusNotFound)
	c.call(http.MethodGet, report(w.P1, "rectification-report.pdf"), c.tok("eval3"), nil, http.StatusNotFound)

	// The round's summary, as PDF and as a workbook.
	c.call(http.MethodGet, round+"/summary.pdf", admin, nil, http.StatusOK)
	sumPDF := c.call(http.MethodGet, round+"/summary.pdf", leader, nil, http.StatusOK)
	xlsx := c.call(http.MethodGet, round+"/summary.xlsx", leader, nil, http.StatusOK)
	if !bytes.HasPrefix(sumPDF.Body, []byte("%PDF-")) || !bytes.HasPrefix(xlsx.Body, []byte("PK\x03\x04")) {
		s.t.Errorf("summary: PDF starts %.8q, XLSX starts %.8q", sumPDF.Body, xlsx.Body)
	}
	c.call(http.MethodGet, v1+"/rounds/999999/summary.pdf", admin, nil, http.StatusNotFound)
	c.call(http.MethodGet, v1+"/rounds/999999/summary.xlsx", leader, nil, http.StatusNotFound)

	// The whole round into one ZIP, by the office and by a leader.
	var job, leaders api.JobResponse
	c.call(http.MethodPost, round+"/reports", admin, nil, http.StatusAccepted).decode(&job)
	if job.JobID == 0 || job.ReportJob == nil || job.ID != job.JobID || job.RoundID != pub.Round.ID || job.Total != 6 ||
		job.DownloadURL != nil {
		s.t.Fatalf("job started: %s", jobString(job))
	}
	c.call(http.MethodPost, round+"/reports", leader, nil, http.StatusAccepted).decode(&leaders)
	c.call(http.MethodPost, v1+"/rounds/999999/reports", admin, nil, http.StatusNotFound)
	jobPath := fmt.Sprintf("%s/jobs/%d", v1, job.JobID)
	job = waitJob(c, jobPath, admin)
	if leaders = waitJob(c, fmt.Sprintf("%s/jobs/%d", v1, leaders.JobID), leader); leaders.Status != evaluation.JobDone {
		s.t.Errorf("the leader's job: %s", jobString(leaders))
	}
	if job.Status != evaluation.JobDone || job.Done != job.Total || job.Size == 0 || job.FinishedAt == nil ||
		job.DownloadURL == nil || *job.DownloadURL != jobPath+"/download" {
		s.t.Fatalf("finished job: %s", jobString(job))
	}
	c.call(http.MethodGet, jobPath, leader, nil, http.StatusNotFound) // another's job
	c.call(http.MethodGet, fmt.Sprintf("%s/jobs/%d", v1, leaders.JobID), admin, nil, http.StatusOK)
	c.call(http.MethodGet, v1+"/jobs/999999", admin, nil, http.StatusNotFound)

	z := c.call(http.MethodGet, *job.DownloadURL, admin, nil, http.StatusOK)
	sum := sha256.Sum256(z.Body)
	if z.Header.Get("X-Content-SHA256") != hex.EncodeToString(sum[:]) || z.Header.Get("Content-Length") != strconv.Itoa(len(z.Body)) ||
		int64(len(z.Body)) != job.Size {
		s.t.Errorf("ZIP of %d bytes (job: %d), headers %v", len(z.Body), job.Size, z.Header)
	}
	zr, err := zip.NewReader(bytes.NewReader(z.Body), int64(len(z.Body)))
	if err != nil {
		s.t.Fatalf("the round's ZIP does not open: %v", err)
	}
	var evaluations, rectifications int
	for _, f := range zr.File {
		switch {
		case strings.HasPrefix(f.Name, "评估报告/") && strings.HasSuffix(f.Name, ".pdf"):
			evaluations++
		case strings.HasPrefix(f.Name, "整改情况报告/") && strings.HasSuffix(f.Name, ".pdf"):
			rectifications++
		}
	}
	if len(zr.File) != job.Total || evaluations != 2 || rectifications != 2 {
		s.t.Errorf("the round's ZIP has %d entries (%d evaluation, %d rectification reports), want %d (2, 2)",
			len(zr.File), evaluations, rectifications, job.Total)
	}
	c.call(http.MethodGet, *job.DownloadURL, leader, nil, http.StatusNotFound) // another's job
	c.call(http.MethodGet, v1+"/jobs/999999/download", admin, nil, http.StatusNotFound)

	// A job still queued (it is never run here) has nothing to download.
	queued, err := w.Store.CreateReportJob(ctx, evaluation.ActorOf(w.Viewer), pub.Round.ID, 6)
	if err != nil {
		s.t.Fatal(err)
	}
	var pending api.JobResponse
	c.call(http.MethodGet, fmt.Sprintf("%s/jobs/%d", v1, queued.ID), leader, nil, http.StatusOK).decode(&pending)
	if pending.Status != evaluation.JobQueued || pending.DownloadURL != nil || pending.FinishedAt != nil {
		s.t.Errorf("queued job: %s", jobString(pending))
	}
	wantCode(c.call(http.MethodGet, fmt.Sprintf("%s/jobs/%d/download", v1, queued.ID), leader, nil, http.StatusConflict), "not_ready")

	// The public verify page knows the reports handed out, without login.
	verify := func(key string, want int) *evaluation.VerifiedReport {
		s.t.Helper()
		r := c.call(http.MethodGet, v1+"/reports/verify/"+key, "", nil, want)
		if want != http.StatusOK {
			return nil
		}
		var v evaluation.VerifiedReport
		r.decode(&v)
		return &v
	}
	hash, code := p1.Header.Get("X-Report-SHA256"), p1.Header.Get("X-Report-Verification-Code")
	for _, key := range []string{hash, code, strings.ToUpper(code[:16]), url.PathEscape(strings.ToUpper(code[:8] + " " + code[8:16]))} {
		v := verify(key, http.StatusOK)
		if !v.Genuine || v.Kind != evaluation.ReportEvaluation || v.SHA256 != hash || v.VerificationCode != code ||
			v.Round.ID != pub.Round.ID || v.Plan == nil || v.Plan.ID != w.P1.ID || v.ReportDate != "2026-05-10" {
			s.t.Errorf("verify %s: %+v", key, v)
		}
	}
	if v := verify(xlsx.Header.Get("X-Report-SHA256"), http.StatusOK); v.Kind != evaluation.ReportSummaryXLSX || v.Plan != nil {
		s.t.Errorf("verify the summary workbook: %+v", v)
	}
	if v := verify(preview.Header.Get("X-Report-SHA256"), http.StatusOK); v.Round.ID != scoring.ID || v.Round.Status != evaluation.RoundScoringClosed {
		s.t.Errorf("verify the preview: %+v", v)
	}
	verify(strings.Repeat("0", 64), http.StatusNotFound)
	verify(hash[:63]+"g", http.StatusNotFound)
}

// waitJob polls a report job until it is done or failed, for at most a
// minute, and returns it as last seen.
func waitJob(c *coverage, path, token string) api.JobResponse {
	c.s.t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		var job api.JobResponse
		c.call(http.MethodGet, path, token, nil, http.StatusOK).decode(&job)
		if job.Status == evaluation.JobDone || job.Status == evaluation.JobFailed {
			return job
		}
		if time.Now().After(deadline) {
			c.s.t.Fatalf("%s: still %s (%d of %d) after a minute", path, job.Status, job.Done, job.Total)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// jobString shows a job as the API sent it, for failure messages.
func jobString(j api.JobResponse) string {
	b, err := json.Marshal(j)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

func flowAudit(c *coverage) {
	w, admin := c.s.w, c.tok("admin")
	c.call(http.MethodGet, "/api/v1/audit", admin, nil, http.StatusOK)
	c.call(http.MethodGet, fmt.Sprintf("/api/v1/audit?entity=round&entity_id=%d&actor_id=%d&per_page=500", w.Round.ID, w.Admin.ID), admin, nil, http.StatusOK)
	c.call(http.MethodGet, "/api/v1/audit?entity_id=abc", admin, nil, http.StatusBadRequest)
	c.call(http.MethodGet, "/api/v1/audit", c.tok("leader"), nil, http.StatusForbidden)
}

// flowMalformedAndMissing sends a malformed body or an unknown id to the
// routes the flows above do not.
func flowMalformedAndMissing(c *coverage) {
	admin, ev := c.tok("admin"), c.tok("eval1")
	malformed := json.RawMessage(`{"name": `)
	for _, tc := range []struct {
		method, path, token string
		body                any
		want                int
	}{
		{http.MethodPost, "/api/v1/users", admin, malformed, http.StatusBadRequest},
		{http.MethodPatch, "/api/v1/users/999999", admin, map[string]bool{"disabled": true}, http.StatusNotFound},
		{http.MethodPatch, "/api/v1/orgs/1", admin, malformed, http.StatusBadRequest},
		{http.MethodPatch, "/api/v1/orgs/999999", admin, map[string]string{"name": "x"}, http.StatusNotFound},
		{http.MethodPost, "/api/v1/plans", admin, malformed, http.StatusBadRequest},
		{http.MethodPatch, "/api/v1/plans/1", admin, malformed, http.StatusBadRequest},
		{http.MethodPatch, "/api/v1/plans/999999", admin, map[string]string{"title": "x"}, http.StatusNotFound},
		{http.MethodDelete, "/api/v1/plans/999999", admin, nil, http.StatusNotFound},
		{http.MethodPut, "/api/v1/templates/1", admin, malformed, http.StatusBadRequest},
		{http.MethodPatch, "/api/v1/rounds/1", admin, malformed, http.StatusBadRequest},
		{http.MethodPost, "/api/v1/rounds/999999/close-scoring", admin, nil, http.StatusNotFound},
		{http.MethodPost, "/api/v1/rounds/999999/publish", admin, nil, http.StatusNotFound},
		{http.MethodPost, "/api/v1/rounds/999999/archive", admin, nil, http.StatusNotFound},
		{http.MethodPost, "/api/v1/assignments/999999/submit", ev, map[string]int{"version": 1}, http.StatusNotFound},
	} {
		c.call(tc.method, tc.path, tc.token, tc.body, tc.want)
	}
}
