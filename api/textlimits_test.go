package api_test

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// longText returns a text of exactly n characters that starts with prefix
// and goes on with Chinese and 4-byte characters (𠀀 needs utf8mb4), so
// that a column counting bytes instead of characters would overflow.
func longText(prefix string, n int) string {
	const fill = "评估𠀀改革方案𠀁整改"
	var b strings.Builder
	b.WriteString(prefix)
	for r := []rune(fill); utf8.RuneCountInString(b.String()) < n; {
		b.WriteRune(r[utf8.RuneCountInString(b.String())%len(r)])
	}
	if got := utf8.RuneCountInString(b.String()); got != n {
		panic(fmt.Sprintf("longText: %d characters, want %d", got, n))
	}
	return b.String()
}

// TestLongestTextsThroughTheWholeWorkflow saves every text field at its
// longest and then takes the data through every step after it — on
// MariaDB, where a composed text (a notification's title built from a
// 255-character round name) used to fail with "Data too long", as well as
// on SQLite. Nothing may answer 500.
func TestLongestTextsThroughTheWholeWorkflow(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		w, admin := s.w, s.token(asAdmin)
		const v1 = "/api/v1"
		lim := evaluation.ColumnLimit

		// Organisations, users, a plan, a template, a conflict, a round.
		var dept, agency evaluation.Org
		s.call(http.MethodPost, v1+"/orgs", admin, evaluation.OrgRequest{Name: longText("部门", lim("orgs.name")),
			Kind: evaluation.OrgDepartment}).want(http.StatusCreated).decode(&dept)
		s.call(http.MethodPost, v1+"/orgs", admin, evaluation.OrgRequest{Name: longText("机构", lim("orgs.name")),
			Kind: evaluation.OrgAgency, AgencyType: "think_tank"}).want(http.StatusCreated).decode(&agency)
		// The longest e-mail address the column holds: 64 + "@" + a domain of labels of at most 63.
		domain := strings.Repeat(strings.Repeat("d", 62)+".", 2) + strings.Repeat("e", lim("users.email")-64-1-2*63-3) + ".cn"
		email := strings.Repeat("m", 64) + "@" + domain
		if utf8.RuneCountInString(email) != lim("users.email") {
			t.Fatalf("the e-mail address has %d characters", len(email))
		}
		user := func(prefix string, role evaluation.Role, org *evaluation.Org) evaluation.User {
			var u evaluation.User
			s.call(http.MethodPost, v1+"/users", admin, evaluation.UserRequest{
				Username: prefix + strings.Repeat("x", lim("users.username")-len(prefix)), Password: evaltest.Password,
				DisplayName: longText(prefix, lim("users.display_name")), Role: role, OrgID: &org.ID, Email: email,
			}).want(http.StatusCreated).decode(&u)
			return u
		}
		evaluator, deptUser := user("evaluator", evaluation.RoleEvaluator, &agency), user("department", evaluation.RoleDepartment, &dept)

		var plan evaluation.Plan
		s.call(http.MethodPost, v1+"/plans", admin, evaluation.PlanRequest{Code: longText("CD-", lim("plans.code")),
			Title: longText("方案", lim("plans.title")), LeadDepartmentID: dept.ID, IssuedOn: "2017-06-01",
			ApprovedBy: longText("审定", lim("plans.approved_by")), Field: longText("领域", lim("plans.field")),
			Summary: longText("摘要\n", 5000)}).want(http.StatusCreated).decode(&plan)

		code := longText("1.", lim("findings.indicator_code"))
		var tpl evaluation.Template
		s.call(http.MethodPost, v1+"/templates", admin, evaluation.TemplateRequest{
			Name:       longText("指标体系", lim("templates.name")),
			GradeBands: []evaluation.GradeBand{{Grade: longText("优", 16), Min: 60}, {Grade: longText("差", 16), Min: 0}},
			Dimensions: []evaluation.Dimension{{Code: longText("1", lim("findings.indicator_code")), Name: longText("一级", 255),
				Indicators: []evaluation.Indicator{{Code: code, Name: longText("二级", 255), Kind: evaluation.KindScore,
					MaxScore: 100, Guidance: longText("评分标准\n", 5000)}}}},
		}).want(http.StatusCreated).decode(&tpl)
		s.call(http.MethodPost, v1+"/conflicts", admin, evaluation.ConflictRequest{AgencyID: w.SCU.ID, DepartmentID: &dept.ID,
			Reason: longText("回避", lim("conflicts.reason"))}).want(http.StatusCreated)
		var round evaluation.Round
		s.call(http.MethodPost, v1+"/rounds", admin, evaluation.RoundRequest{Name: longText("轮次", lim("rounds.name")),
			TemplateID: tpl.ID, StartsOn: "2026-03-01", ScoringDue: "2026-04-30"}).want(http.StatusCreated).decode(&round)
		rp := fmt.Sprintf("%s/rounds/%d", v1, round.ID)

		// A survey on the plan, published and answered.
		options := make([]string, 3)
		for i := range options {
			options[i] = longText(fmt.Sprintf("选项%d", i), 200)
		}
		var survey evaluation.Survey
		s.call(http.MethodPost, v1+"/surveys", admin, evaluation.SurveyRequest{Title: longText("问卷", lim("surveys.title")),
			Intro: longText("说明\n", 5000), RoundID: &round.ID, PlanID: &plan.ID, Questions: []evaluation.SurveyQuestion{
				{Code: strings.Repeat("q", 32), Text: longText("满意度", 500), Kind: evaluation.QuestionLikert5, Required: true},
				{Code: strings.Repeat("s", 32), Text: longText("选择", 500), Kind: evaluation.QuestionSingle, Options: options},
				{Code: strings.Repeat("t", 32), Text: longText("建议", 500), Kind: evaluation.QuestionText},
			}}).want(http.StatusCreated).decode(&survey)
		var pub api.PublishResponse
		s.call(http.MethodPost, fmt.Sprintf("%s/surveys/%d/publish", v1, survey.ID), admin, nil).want(http.StatusOK).decode(&pub)
		s.from(http.MethodPost, v1+"/public/surveys/"+pub.Token+"/responses", "192.0.2.7:1234", map[string]any{"answers": map[string]any{
			strings.Repeat("q", 32): 5, strings.Repeat("s", 32): options[2], strings.Repeat("t", 32): longText("意见\n", 2000)}}, nil).
			want(http.StatusCreated)
		s.call(http.MethodGet, fmt.Sprintf("%s/surveys/%d/results", v1, survey.ID), admin, nil).want(http.StatusOK)

		// Scoring and a finding with every text at its longest.
		var av evaluation.AssignmentView
		s.call(http.MethodPost, rp+"/assignments", admin, evaluation.AssignmentRequest{PlanID: plan.ID, EvaluatorID: evaluator.ID}).
			want(http.StatusCreated).decode(&av)
		s.call(http.MethodPost, rp+"/open", admin, nil).want(http.StatusOK)
		s.call(http.MethodPost, rp+"/remind", admin, nil).want(http.StatusOK)
		ev, dp := s.token(evaluator.Username), s.token(deptUser.Username)
		a := fmt.Sprintf("%s/assignments/%d", v1, av.ID)
		points := 88.5
		var sheet evaluation.Scoresheet
		s.call(http.MethodPut, a+"/scoresheet", ev, evaluation.ScoresheetRequest{Comment: longText("总评\n", 10000),
			Scores: []evaluation.Answer{{IndicatorCode: code, Points: &points, Comment: longText("意见", 2000)}}}).
			want(http.StatusOK).decode(&sheet)
		s.call(http.MethodPost, a+"/submit", ev, map[string]int{"version": sheet.Version}).want(http.StatusOK)
		var finding evaluation.Finding
		s.call(http.MethodPost, a+"/findings", ev, evaluation.FindingRequest{IndicatorCode: code, Severity: evaluation.SeverityCritical,
			Description: longText("问题\n", 10000), Recommendation: longText("建议\n", 10000)}).want(http.StatusCreated).decode(&finding)
		fp := fmt.Sprintf("%s/findings/%d", v1, finding.ID)
		s.call(http.MethodPost, rp+"/close-scoring", admin, nil).want(http.StatusOK)
		s.call(http.MethodGet, rp+"/results", admin, nil).want(http.StatusOK)
		s.call(http.MethodGet, fmt.Sprintf("%s/plans/%d/evaluation-report.pdf", rp, plan.ID), admin, nil).want(http.StatusOK)

		// Publication notifies the department; its title is composed from the round's name.
		s.call(http.MethodPost, rp+"/publish", admin, nil).want(http.StatusOK)
		answer := evaluation.ResponseRequest{Measures: longText("措施\n", 10000), ResponsiblePerson: longText("责任人",
			lim("responses.responsible_person")), Progress: evaluation.ProgressInProgress, Evidence: longText("佐证\n", 5000)}
		var draft evaluation.ResponseView
		s.call(http.MethodPut, fp+"/response", dp, answer).want(http.StatusOK).decode(&draft)
		// The longest file name: 255 bytes (at most as many characters as the column holds).
		name := strings.Repeat("纪", (255-len(".pdf"))/3) + ".pdf"
		s.upload(fp+"/response/attachments", dp, "file", name, evidencePDF).want(http.StatusCreated)
		s.call(http.MethodPost, fp+"/response/submit", dp, nil).want(http.StatusOK)
		s.call(http.MethodPost, fp+"/verify", ev, evaluation.VerifyRequest{Verdict: evaluation.VerdictReturned,
			Comment: longText("退回\n", 5000)}).want(http.StatusOK)
		s.call(http.MethodPut, fp+"/response", dp, answer).want(http.StatusOK)
		s.call(http.MethodPost, fp+"/response/submit", dp, nil).want(http.StatusOK)
		s.call(http.MethodPost, rp+"/remind", admin, nil).want(http.StatusOK)
		// The hourly sweep: due soon, then overdue.
		for _, at := range []time.Time{time.Date(2026, 6, 1, 9, 0, 0, 0, evaltest.Shanghai), time.Date(2026, 8, 1, 9, 0, 0, 0, evaltest.Shanghai)} {
			env.Clock.Set(at)
			if _, err := w.Store.SweepDeadlines(context.Background()); err != nil {
				t.Fatalf("sweep at %s: %v", at, err)
			}
		}
		clear(s.tokens)
		admin, ev, dp = s.token(asAdmin), s.token(evaluator.Username), s.token(deptUser.Username)
		s.call(http.MethodPost, fp+"/verify", ev, evaluation.VerifyRequest{Verdict: evaluation.VerdictAccepted,
			Comment: longText("通过", 5000)}).want(http.StatusOK)
		s.call(http.MethodGet, fp+"/history", dp, nil).want(http.StatusOK)
		s.call(http.MethodGet, v1+"/todo", dp, nil).want(http.StatusOK)
		s.call(http.MethodGet, rp+"/rectification", admin, nil).want(http.StatusOK)

		// Every notification fits its column and still says what it is about.
		for _, tok := range []string{dp, ev} {
			var notes evaluation.NotificationList
			s.call(http.MethodGet, v1+"/notifications?per_page=500", tok, nil).want(http.StatusOK).decode(&notes)
			if len(notes.Items) == 0 {
				t.Fatal("no notifications")
			}
			for _, n := range notes.Items {
				if utf8.RuneCountInString(n.Title) != lim("notifications.title") || !strings.HasSuffix(n.Title, "…") {
					t.Errorf("%s notification's title has %d characters: %q", n.Kind, utf8.RuneCountInString(n.Title), n.Title)
				}
			}
		}
		// E-mail copies go out with those titles as subjects.
		if _, err := w.Store.SendPendingEmails(context.Background(), discardMailer{}, 100); err != nil {
			t.Fatalf("send e-mails: %v", err)
		}

		// Reports of the published round.
		for _, path := range []string{fmt.Sprintf("%s/plans/%d/evaluation-report.pdf", rp, plan.ID),
			fmt.Sprintf("%s/plans/%d/rectification-report.pdf", rp, plan.ID), rp + "/summary.pdf", rp + "/summary.xlsx"} {
			r := s.call(http.MethodGet, path, dp, nil)
			if path == rp+"/summary.pdf" || path == rp+"/summary.xlsx" {
				r = s.call(http.MethodGet, path, admin, nil)
			}
			r.want(http.StatusOK)
			if strings.HasSuffix(path, ".pdf") && !bytes.HasPrefix(r.Body, []byte("%PDF-")) {
				t.Errorf("%s is not a PDF", path)
			}
			// The file name, built from the plan's code and title or the round's name, fits a file system.
			_, params, err := mime.ParseMediaType(r.Header.Get("Content-Disposition"))
			if name := params["filename"]; err != nil || len(name) > 255 || !strings.Contains(name, "…") {
				t.Errorf("%s: file name of %d bytes: %q (%v)", path, len(name), name, err)
			}
		}
		s.call(http.MethodGet, v1+"/audit?per_page=500", admin, nil).want(http.StatusOK)
		if _, err := w.Store.VerifyAudit(context.Background()); err != nil {
			t.Fatalf("audit chain: %v", err)
		}
	})
}

// discardMailer accepts every e-mail.
type discardMailer struct{}

func (discardMailer) Send(context.Context, evaluation.Mail) error { return nil }

// TestTooLongIsRefusedByField checks that a text one character longer than
// its column holds is a 422 naming the field, in Chinese, never a 500.
func TestTooLongIsRefusedByField(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		admin := s.token(asAdmin)
		const v1 = "/api/v1"
		lim := evaluation.ColumnLimit
		for _, c := range []struct {
			method, path, field string
			body                any
		}{
			{http.MethodPost, v1 + "/orgs", "name", evaluation.OrgRequest{Name: longText("单位", lim("orgs.name")+1), Kind: evaluation.OrgDepartment}},
			{http.MethodPost, v1 + "/plans", "title", evaluation.PlanRequest{Code: "CD-LONG", Title: longText("方案", lim("plans.title")+1),
				LeadDepartmentID: s.w.Finance.ID, IssuedOn: "2017-01-01"}},
			{http.MethodPatch, fmt.Sprintf("%s/plans/%d", v1, s.w.P1.ID), "field", map[string]string{"field": longText("领域", lim("plans.field")+1)}},
			{http.MethodPost, v1 + "/rounds", "name", evaluation.RoundRequest{Name: longText("轮次", lim("rounds.name")+1), TemplateID: s.w.Template.ID,
				StartsOn: "2026-03-01", ScoringDue: "2026-04-30"}},
			{http.MethodPatch, fmt.Sprintf("%s/users/%d", v1, s.w.Eval1.ID), "display_name", map[string]string{"display_name": longText("姓名", lim("users.display_name")+1)}},
			{http.MethodPost, v1 + "/conflicts", "reason", evaluation.ConflictRequest{AgencyID: s.w.SCU.ID, PlanID: &s.w.P1.ID,
				Reason: longText("理由", lim("conflicts.reason")+1)}},
			{http.MethodPost, v1 + "/surveys", "title", evaluation.SurveyRequest{Title: longText("问卷", lim("surveys.title")+1)}},
		} {
			e := s.call(c.method, c.path, admin, c.body).want(http.StatusUnprocessableEntity).errorBody()
			if !strings.Contains(e.Fields[c.field], "长度不能超过") {
				t.Errorf("%s %s: fields %v, want %s named as too long", c.method, c.path, e.Fields, c.field)
			}
		}
		// An indicator code longer than a finding can hold.
		tpl := evaltest.Template30()
		tpl.Dimensions[0].Indicators[0].Code = strings.Repeat("1", lim("findings.indicator_code")+1)
		e := s.call(http.MethodPost, v1+"/templates", admin, tpl).want(http.StatusUnprocessableEntity).errorBody()
		if !strings.Contains(e.Fields["dimensions[0].indicators[0].code"], "长度不能超过32个字符") {
			t.Errorf("long indicator code: %v", e.Fields)
		}
	})
}

// TestLookAlikesAreDuplicatesOnBothDatabases checks that values differing
// only in invisible characters, surrounding white space or (for usernames,
// codes and names) ASCII case are one value on SQLite as on MariaDB.
func TestLookAlikesAreDuplicatesOnBothDatabases(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		admin := s.token(asAdmin)
		const v1 = "/api/v1"
		plan := func(code string) evaluation.PlanRequest {
			return evaluation.PlanRequest{Code: code, Title: "方案", LeadDepartmentID: s.w.Finance.ID, IssuedOn: "2017-01-01"}
		}
		var p evaluation.Plan
		s.call(http.MethodPost, v1+"/plans", admin, plan("\u200bCD-2020-001 \t")).want(http.StatusCreated).decode(&p)
		if p.Code != "CD-2020-001" {
			t.Fatalf("stored code %q", p.Code)
		}
		for _, code := range []string{"CD-2020-001", "CD-2020-001\u200b", " CD-2020-001 ", "\ufeffCD-2020-001", "cd-2020-001"} {
			e := s.call(http.MethodPost, v1+"/plans", admin, plan(code)).want(http.StatusUnprocessableEntity).errorBody()
			if e.Fields["code"] != "方案编号已存在" {
				t.Errorf("code %q: %v", code, e.Fields)
			}
		}
		// Renaming another plan onto it is refused the same way.
		e := s.call(http.MethodPatch, fmt.Sprintf("%s/plans/%d", v1, s.w.P2.ID), admin, map[string]string{"code": "Cd-2020-001\u200d"}).
			want(http.StatusUnprocessableEntity).errorBody()
		if e.Fields["code"] != "方案编号已存在" {
			t.Errorf("renamed code: %v", e.Fields)
		}
		// An import file is normalised too: its look-alike code updates the plan.
		var imported evaluation.ImportResult
		s.upload(v1+"/plans/import", admin, "file", "plans.csv",
			[]byte("code,title,lead_department,issued_on\ncd-2020\u200d-001,新标题,市财政局\u2060,2017-01-01\n")).
			want(http.StatusOK).decode(&imported)
		if imported.Created != 0 || imported.Updated != 1 {
			t.Errorf("import of a look-alike code: %+v", imported)
		}
		var rejected struct {
			Errors []evaluation.ImportRowError `json:"errors"`
		}
		s.upload(v1+"/plans/import", admin, "file", "plans.csv",
			[]byte("code,title,lead_department,issued_on\nCD-2020-009,甲,市财政局,2017-01-01\ncd-2020-\u2060009,乙,市财政局,2017-01-01\n")).
			want(http.StatusUnprocessableEntity).decode(&rejected)
		if len(rejected.Errors) != 1 || rejected.Errors[0].Row != 3 || !strings.Contains(rejected.Errors[0].Message, "与第2行重复") {
			t.Errorf("import of look-alike codes: %+v", rejected)
		}
		for _, name := range []string{"市财政局\u200b", " 市财政局", "市财政局\u3000"} {
			s.call(http.MethodPost, v1+"/orgs", admin, evaluation.OrgRequest{Name: name, Kind: evaluation.OrgDepartment}).
				want(http.StatusUnprocessableEntity)
		}
		s.call(http.MethodPatch, fmt.Sprintf("%s/orgs/%d", v1, s.w.StateAssets.ID), admin, map[string]string{"name": "市财政局\u2060"}).
			want(http.StatusUnprocessableEntity)
		for _, username := range []string{"ADMIN", "Admin", " admin\u200b", "EVAL1"} {
			e := s.call(http.MethodPost, v1+"/users", admin, evaluation.UserRequest{Username: username, Password: evaltest.Password,
				DisplayName: "重名", Role: evaluation.RoleViewer, OrgID: &s.w.Office.ID}).want(http.StatusUnprocessableEntity).errorBody()
			if e.Fields["username"] != "用户名已被使用" {
				t.Errorf("username %q: %v", username, e.Fields)
			}
		}
		// A user created in mixed case is stored in lower case and logs in either way.
		var u evaluation.User
		s.call(http.MethodPost, v1+"/users", admin, evaluation.UserRequest{Username: "ZhangSan", Password: evaltest.Password,
			DisplayName: "张三", Role: evaluation.RoleViewer, OrgID: &s.w.Office.ID}).want(http.StatusCreated).decode(&u)
		if u.Username != "zhangsan" {
			t.Fatalf("stored username %q", u.Username)
		}
		for _, login := range []string{"zhangsan", "ZHANGSAN", " ZhangSan\u200b"} {
			s.call(http.MethodPost, v1+"/auth/login", "", map[string]string{"username": login, "password": evaltest.Password}).want(http.StatusOK)
		}
		// Free texts keep their line breaks; one-line texts lose theirs.
		var f evaluation.Plan
		req := plan("CD-2020-002")
		req.Title, req.Summary = "第一行\n第二行", "  第一段\r\n第二段\u200b  "
		s.call(http.MethodPost, v1+"/plans", admin, req).want(http.StatusCreated).decode(&f)
		if f.Title != "第一行 第二行" || f.Summary != "第一段\n第二段" {
			t.Errorf("stored title %q and summary %q", f.Title, f.Summary)
		}
	})
}

// TestOpenAPILengthsAreTheColumns checks that the OpenAPI document tells
// clients the same longest length as the column behind each request field.
func TestOpenAPILengthsAreTheColumns(t *testing.T) {
	doc := loadOpenAPI(t)
	tag := regexp.MustCompile(`col=([\w.]+)`)
	n := 0
	for _, v := range []any{evaluation.OrgRequest{}, evaluation.OrgPatch{}, evaluation.UserRequest{}, evaluation.UserPatch{},
		evaluation.PlanRequest{}, evaluation.PlanPatch{}, evaluation.TemplateRequest{}, evaluation.RoundRequest{},
		evaluation.RoundPatch{}, evaluation.FindingRequest{}, evaluation.FindingPatch{}, evaluation.ResponseRequest{},
		evaluation.ConflictRequest{}, evaluation.SurveyRequest{}, evaluation.SurveyPatch{}} {
		rt := reflect.TypeOf(v)
		schema := doc.Components.Schemas[rt.Name()]
		if schema == nil {
			t.Errorf("no schema %s in the OpenAPI document", rt.Name())
			continue
		}
		for i := range rt.NumField() {
			f := rt.Field(i)
			m := tag.FindStringSubmatch(f.Tag.Get("validate"))
			if m == nil {
				continue
			}
			n++
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			prop := schema.Value.Properties[name]
			if prop == nil || prop.Value.MaxLength == nil || int(*prop.Value.MaxLength) != evaluation.ColumnLimit(m[1]) {
				t.Errorf("%s.%s: the OpenAPI document's maxLength is not %d (column %s)", rt.Name(), name, evaluation.ColumnLimit(m[1]), m[1])
			}
		}
	}
	if n < 15 {
		t.Fatalf("checked only %d fields", n)
	}
}
