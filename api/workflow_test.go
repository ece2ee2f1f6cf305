package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

func TestLoginErrorsAndThrottle(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		r := s.call(http.MethodPost, "/api/v1/auth/login", "", map[string]string{"username": "eval1", "password": "nope"}).want(401)
		if e := r.errorBody(); e.Code != "bad_credentials" || e.Message != "用户名或密码错误" {
			t.Fatalf("wrong password answer: %+v", e)
		}
		s.call(http.MethodPost, "/api/v1/auth/login", "", json.RawMessage(`{"username":`)).want(400)
		r = s.call(http.MethodPost, "/api/v1/auth/login", "", map[string]string{}).want(422)
		if e := r.errorBody(); e.Fields["username"] == "" || e.Fields["password"] == "" {
			t.Fatalf("empty login: %+v", e)
		}
		for i := 1; i < evaluation.MaxLoginFailures; i++ {
			s.call(http.MethodPost, "/api/v1/auth/login", "", map[string]string{"username": "eval1", "password": "nope"}).want(401)
		}
		r = s.call(http.MethodPost, "/api/v1/auth/login", "", map[string]string{"username": "eval1", "password": evaltest.Password}).want(429)
		if secs, err := strconv.Atoi(r.Header.Get("Retry-After")); err != nil || secs < 60 {
			t.Fatalf("Retry-After = %q, want seconds until the lockout ends", r.Header.Get("Retry-After"))
		}
		// The token of a user who logged out no longer works.
		tok := s.token("eval2")
		s.call(http.MethodGet, "/api/v1/me", tok, nil).want(200)
		s.call(http.MethodPost, "/api/v1/auth/logout", tok, nil).want(204)
		s.call(http.MethodGet, "/api/v1/me", tok, nil).want(401)
		s.call(http.MethodGet, "/api/v1/me", "not-a-token", nil).want(401)
	})
}

func TestValidationMessagesAreChinese(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		tok := s.token(asAdmin)
		r := s.call(http.MethodPost, "/api/v1/plans", tok, map[string]any{"code": "", "title": strings.Repeat("长", 256),
			"lead_department_id": s.w.SCU.ID, "issued_on": "2017-13-01"}).want(422)
		e := r.errorBody()
		for field, want := range map[string]string{"code": "编号为必填字段", "title": "标题长度不能超过255个字符", "issued_on": "印发日期"} {
			if !strings.Contains(e.Fields[field], want) {
				t.Errorf("fields[%s] = %q, want it to contain %q (all: %v)", field, e.Fields[field], want, e.Fields)
			}
		}
		// Wrong types are named too.
		r = s.call(http.MethodPost, "/api/v1/plans", tok, json.RawMessage(`{"code":"X","title":"Y","lead_department_id":"市财政局","issued_on":"2017-01-01"}`)).want(422)
		if e := r.errorBody(); e.Fields["lead_department_id"] == "" {
			t.Fatalf("type error fields: %+v", e)
		}
		// A department that is not a department.
		r = s.call(http.MethodPost, "/api/v1/plans", tok, evaluation.PlanRequest{Code: "CD-X", Title: "T",
			LeadDepartmentID: s.w.SCU.ID, IssuedOn: "2017-01-01"}).want(422)
		if e := r.errorBody(); e.Fields["lead_department_id"] != "牵头单位必须是部门" {
			t.Fatalf("fields: %v", e.Fields)
		}
		s.call(http.MethodPost, "/api/v1/plans", tok, evaluation.PlanRequest{Code: s.w.P1.Code, Title: "T",
			LeadDepartmentID: s.w.Finance.ID, IssuedOn: "2017-01-01"}).want(422)
	})
}

func TestPlanImportIsAllOrNothing(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		tok := s.token(asAdmin)
		bad := "code,title,lead_department,approved_by,issued_on,field,summary\n" +
			"CD-2019-001,新方案一,市财政局,市委深改组,2019-03-01,经济体制,摘要\n" +
			"CD-2019-002,新方案二,不存在的局,市委深改组,2019-03-01,经济体制,摘要\n" +
			"\n" +
			"CD-2019-003,,市国资委,市委深改组,2019-02-30,经济体制,摘要\n"
		r := s.upload("/api/v1/plans/import", tok, "file", "plans.csv", []byte(bad)).want(422)
		var body struct {
			Created, Updated int
			Errors           []evaluation.ImportRowError
		}
		r.decode(&body)
		if len(body.Errors) != 2 || body.Errors[0].Row != 3 || body.Errors[1].Row != 5 ||
			!strings.Contains(body.Errors[0].Message, "不存在的局") {
			t.Fatalf("row errors = %+v, want rows 3 and 5 (the header is row 1, the blank line is row 4)", body.Errors)
		}
		list := s.call(http.MethodGet, "/api/v1/plans?q=CD-2019", tok, nil).want(200)
		var plans evaluation.List[evaluation.Plan]
		list.decode(&plans)
		if plans.Total != 0 {
			t.Fatalf("a rejected import wrote %d plans", plans.Total)
		}
		good := "code,title,lead_department,issued_on\n" +
			"CD-2019-001,新方案一,市财政局,2019/03/01\n" +
			s.w.P1.Code + ",改了标题的方案,市财政局,2017-11-20\n"
		r = s.upload("/api/v1/plans/import", tok, "file", "plans.csv", []byte(good)).want(200)
		r.decode(&body)
		if body.Created != 1 || body.Updated != 1 || len(body.Errors) != 0 {
			t.Fatalf("import = %+v, want 1 created and 1 updated", body)
		}
		var p1 evaluation.Plan
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/plans/%d", s.w.P1.ID), tok, nil).want(200).decode(&p1)
		if p1.Title != "改了标题的方案" || p1.ApprovedBy != s.w.P1.ApprovedBy || p1.Summary != s.w.P1.Summary {
			t.Fatalf("updated plan = %+v: the title changes, columns absent from the file stay", p1)
		}
		r = s.upload("/api/v1/plans/import", tok, "file", "plans.xlsx", []byte("not a spreadsheet")).want(422)
		if e := r.errorBody(); e.Fields["file"] == "" {
			t.Fatalf("not a spreadsheet: %+v", e)
		}
	})
}

func TestScoringOverHTTP(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		w := s.w
		a := w.Assign(w.Round, w.P1, w.Eval1)
		w.Move(w.Round, evaluation.RoundOpen)
		tok := s.token(asEvaluator)
		var list evaluation.List[evaluation.AssignmentView]
		s.call(http.MethodGet, "/api/v1/assignments", tok, nil).want(200).decode(&list)
		if list.Total != 1 || list.Items[0].Status != evaluation.AssignmentAssigned || list.Items[0].ScoringDue != "2026-04-30" {
			t.Fatalf("my assignments = %+v", list)
		}
		path := fmt.Sprintf("/api/v1/assignments/%d", a.ID)
		var detail struct {
			Plan       evaluation.Plan
			Template   evaluation.Template
			Scoresheet evaluation.Scoresheet
		}
		s.call(http.MethodGet, path, tok, nil).want(200).decode(&detail)
		if detail.Plan.Code != w.P1.Code || len(detail.Template.Dimensions) != 4 || detail.Scoresheet.Version != 0 {
			t.Fatalf("assignment detail = %+v", detail)
		}
		// An out-of-range value is refused with the field named.
		r := s.call(http.MethodPut, path+"/scoresheet", tok, json.RawMessage(`{"version":0,"comment":"","scores":[
			{"indicator_code":"1.1","value":7},{"indicator_code":"1.3","value":true}]}`)).want(422)
		if e := r.errorBody(); !strings.Contains(e.Fields["scores[0].value"], "0到6") {
			t.Fatalf("out of range: %+v", e)
		}
		s.call(http.MethodPut, path+"/scoresheet", tok, json.RawMessage(`{"version":0,"scores":[{"indicator_code":"1.1","value":"五"}]}`)).want(422)
		var sheet evaluation.Scoresheet
		s.call(http.MethodPut, path+"/scoresheet", tok, json.RawMessage(`{"version":0,"comment":"初稿","scores":[
			{"indicator_code":"1.1","value":5.5,"comment":"目标较明确"},{"indicator_code":"1.3","value":true}]}`)).want(200).decode(&sheet)
		if sheet.Version != 1 || len(sheet.Scores) != 2 || *sheet.Scores[0].Points != 5.5 || !*sheet.Scores[1].Yes {
			t.Fatalf("saved sheet = %+v", sheet)
		}
		r = s.call(http.MethodPut, path+"/scoresheet", tok, json.RawMessage(`{"version":0,"scores":[]}`)).want(409)
		if e := r.errorBody(); e.Code != "stale_version" {
			t.Fatalf("stale: %+v", e)
		}
		r = s.call(http.MethodPost, path+"/submit", tok, map[string]int{"version": 1}).want(422)
		if e := r.errorBody(); len(e.Fields) != 11 || e.Fields["2.1"] == "" {
			t.Fatalf("incomplete submit names %d indicators: %+v", len(e.Fields), e)
		}
		s.call(http.MethodPost, path+"/submit", tok, map[string]any{}).want(422)
		body := map[string]any{"version": 1, "scores": w.FullAnswers(0.8)}
		s.call(http.MethodPut, path+"/scoresheet", tok, body).want(200).decode(&sheet)
		s.call(http.MethodPost, path+"/submit", tok, map[string]int{"version": sheet.Version}).want(200).decode(&sheet)
		if sheet.Status != evaluation.SheetSubmitted {
			t.Fatalf("after submit: %+v", sheet)
		}
		s.call(http.MethodPost, path+"/submit", tok, map[string]int{"version": sheet.Version}).want(409)
		// The results show the one rater.
		admin := s.token(asAdmin)
		var results evaluation.List[evaluation.ResultItem]
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/rounds/%d/results", w.Round.ID), admin, nil).want(200).decode(&results)
		if results.Total != 1 || results.Items[0].Raters != 1 || results.Items[0].Rank == nil || *results.Items[0].Rank != 1 || results.Items[0].ResultStatus != evaluation.ResultComplete {
			t.Fatalf("results = %+v", results)
		}
	})
}

func TestServiceEndpoints(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		s.call(http.MethodGet, "/healthz", "", nil).want(200)
		s.call(http.MethodGet, "/readyz", "", nil).want(200)
		s.call(http.MethodGet, "/api/v1/me", "", nil).want(401)
		s.call(http.MethodGet, "/metrics", "", nil).want(404) // off without EVAL_METRICS_TOKEN: TestMetricsToken
		if r := s.call(http.MethodGet, "/healthz", "", nil); r.Header.Get("X-Request-Id") == "" {
			t.Fatal("no request id header")
		}
		env.DB.Close()
		s.call(http.MethodGet, "/readyz", "", nil).want(503)
	})
}
