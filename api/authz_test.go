package api_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// The callers of the authorisation table: one user of each role, and nobody.
const (
	asAdmin     = "admin"
	asEvaluator = "eval1"   // of 四川大学
	asDept      = "finance" // 市财政局
	asViewer    = "leader"
	anonymous   = ""
)

var callers = []string{asAdmin, asEvaluator, asDept, asViewer, anonymous}

// want is the expected status for the caller's own object and for another's.
type want struct{ own, other int }

// expect maps each caller to its expected statuses.
type expect map[string]want

// only: the roles given may use the route (code for own and other objects);
// other roles get 403, and nobody logged in gets 401.
func only(code int, users ...string) expect {
	e := expect{anonymous: {401, 401}}
	for _, u := range callers[:4] {
		e[u] = want{403, 403}
	}
	for _, u := range users {
		e[u] = want{code, code}
	}
	return e
}

// public: no login needed, everyone gets code.
func public(code int) expect {
	e := expect{}
	for _, u := range callers {
		e[u] = want{code, code}
	}
	return e
}

// but overrides one caller's expectation.
func (e expect) but(user string, own, other int) expect {
	e[user] = want{own, other}
	return e
}

// req is one request of the table.
type req struct {
	path   string
	body   any
	upload []byte // a multipart file instead of a JSON body
	token  string // a token of its own (logout), instead of the caller's
}

// authzRow is a route with how to reach the caller's own object and another's.
type authzRow struct {
	own, other func(f *authzFixture, caller string) req
	want       expect
}

// same uses one request for own and other (routes without an owner).
func same(fn func(f *authzFixture, caller string) req, e expect) authzRow {
	return authzRow{own: fn, other: fn, want: e}
}

// at is a request without a body.
func at(format string, args ...any) func(*authzFixture, string) req {
	return func(*authzFixture, string) req { return req{path: fmt.Sprintf(format, args...)} }
}

// authzFixture holds the objects the table's requests aim at.
type authzFixture struct {
	s *server
	w *evaltest.World
	n int // makes names unique

	open         *evaluation.Round
	ownA, otherA *evaluation.AssignmentView // in the open round: eval1's on P1, eval2's on P2
	ownF, otherF *evaluation.Finding        // raised on them
	unfrozen     *evaluation.Template

	pub     pubFindings // in a published round: open findings
	notices map[string][2]int64

	verified string // the SHA-256 of a report handed out

	survey *evaluation.Survey // published, linked to P1 in the open round

	carried map[int64]int64 // findings carried into a fresh open round, by plan (carriedFindings)

	states map[evaluation.RoundStatus]*roundState // the round-scoped objects in each round state
}

// pubFindings are two findings of a published round: f1 on P1 (市财政局)
// raised by eval1, f2 on P2 (市国资委) raised by eval2.
type pubFindings struct{ f1, f2 *evaluation.Finding }

var evidencePDF = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

// freshPublished publishes a new round with one finding on P1 by eval1
// and one on P2 by eval2.
func (f *authzFixture) freshPublished() pubFindings {
	ctx := context.Background()
	w := f.w
	r := f.freshRound()
	a1, a2 := w.Assign(r, w.P1, w.Eval1), w.Assign(r, w.P2, w.Eval2)
	w.Move(r, evaluation.RoundOpen)
	var p pubFindings
	var err error
	if p.f1, err = w.Store.CreateFinding(ctx, evaluation.ActorOf(w.Eval1), a1.ID, findingRequest()); err != nil {
		f.s.t.Fatal(err)
	}
	if p.f2, err = w.Store.CreateFinding(ctx, evaluation.ActorOf(w.Eval2), a2.ID, findingRequest()); err != nil {
		f.s.t.Fatal(err)
	}
	w.Score(a1, w.Eval1, w.FullAnswers(0.8)) // P1 has a complete result, so an evaluation report
	w.Move(r, evaluation.RoundScoringClosed)
	w.Move(r, evaluation.RoundPublished)
	return p
}

// responded submits the department's answer to a published finding.
func (f *authzFixture) responded(fd *evaluation.Finding, dept *evaluation.User) *evaluation.Finding {
	ctx := context.Background()
	actor := evaluation.ActorOf(dept)
	if _, err := f.w.Store.SaveResponse(ctx, actor, fd.ID, evaltest.DeptAnswer()); err != nil {
		f.s.t.Fatal(err)
	}
	if _, err := f.w.Store.SubmitResponse(ctx, actor, fd.ID, nil); err != nil {
		f.s.t.Fatal(err)
	}
	return fd
}

// attach uploads evidence as a department, optionally submitting the response.
func (f *authzFixture) attach(fd *evaluation.Finding, dept *evaluation.User, submit bool) int64 {
	a, err := f.w.Store.AddAttachment(context.Background(), evaluation.ActorOf(dept), fd.ID, evaluation.BytesUpload("佐证.pdf", evidencePDF))
	if err != nil {
		f.s.t.Fatal(err)
	}
	if submit {
		f.responded(fd, dept)
	}
	return a.ID
}

func (f *authzFixture) unique(prefix string) string {
	f.n++
	return fmt.Sprintf("%s%d", prefix, f.n)
}

func newAuthzFixture(t *testing.T, s *server) *authzFixture {
	w := s.w
	ctx := context.Background()
	f := &authzFixture{s: s, w: w}
	f.open = w.Round
	f.ownA = w.Assign(f.open, w.P1, w.Eval1)
	f.otherA = w.Assign(f.open, w.P2, w.Eval2)
	w.Move(f.open, evaluation.RoundOpen)
	var err error
	if f.ownF, err = w.Store.CreateFinding(ctx, evaluation.ActorOf(w.Eval1), f.ownA.ID, findingRequest()); err != nil {
		t.Fatal(err)
	}
	if f.otherF, err = w.Store.CreateFinding(ctx, evaluation.ActorOf(w.Eval2), f.otherA.ID, findingRequest()); err != nil {
		t.Fatal(err)
	}
	if f.unfrozen, err = w.Store.CreateTemplate(ctx, w.AdminActor(), evaltest.Template()); err != nil {
		t.Fatal(err)
	}
	f.pub = f.freshPublished()
	// Each caller's own notification and another's.
	f.notices = map[string][2]int64{}
	for _, u := range []*evaluation.User{w.Admin, w.Eval1, w.DeptFinance, w.Viewer, w.Eval2} {
		for i := 0; i < 2; i++ {
			n := evaluation.Notification{UserID: u.ID, Kind: evaluation.NoticeReminder, Title: "提醒", Body: "内容", Link: "/", Entity: "round", EntityID: 1}
			if err := env(s).DB.Gorm.Create(&n).Error; err != nil {
				t.Fatal(err)
			}
			ids := f.notices[u.Username]
			ids[i] = n.ID
			f.notices[u.Username] = ids
		}
	}
	// A report on record.
	f.verified = strings.Repeat("c0", 32)
	pdfSum := sha256.Sum256(evidencePDF) // a "report" to verify by its file
	if err := w.Store.RecordReports(ctx, w.AdminActor(), []evaluation.ReportRecord{{SHA256: f.verified,
		VerificationCode: strings.Repeat("d1", 32), Kind: evaluation.ReportSummaryPDF, RoundID: &f.pub.f1.RoundID, Size: 1,
		ReportDate: "2026-05-10"}, {SHA256: hex.EncodeToString(pdfSum[:]), VerificationCode: strings.Repeat("d2", 32),
		Kind: evaluation.ReportSummaryPDF, RoundID: &f.pub.f1.RoundID, Size: int64(len(evidencePDF)), ReportDate: "2026-05-10"}}); err != nil {
		t.Fatal(err)
	}
	sr := evaltest.SurveyRequest()
	sr.RoundID, sr.PlanID = &f.open.ID, &w.P1.ID
	f.survey = w.PublishedSurvey(sr)
	f.states = f.newRoundStates()
	return f
}

// freshSurvey makes a draft survey, published unless draft.
func (f *authzFixture) freshSurvey(draft bool) *evaluation.Survey {
	req := evaltest.SurveyRequest()
	req.Title = f.unique("问卷")
	if !draft {
		return f.w.PublishedSurvey(req)
	}
	sv, err := f.w.Store.CreateSurvey(context.Background(), f.w.AdminActor(), req)
	if err != nil {
		f.s.t.Fatal(err)
	}
	return sv
}

func env(s *server) *evaltest.Env { return s.env }

func findingRequest() evaluation.FindingRequest {
	return evaluation.FindingRequest{IndicatorCode: "2.2", Severity: evaluation.SeverityMajor,
		Description: "台账中有3项任务滞后", Recommendation: "按月对账销号"}
}

// freshRound makes a round and takes it through the given steps.
func (f *authzFixture) freshRound(steps ...evaluation.RoundStatus) *evaluation.Round {
	r := f.w.NewRound(f.unique("轮次"))
	for _, s := range steps {
		f.w.Move(r, s)
	}
	return r
}

// carriedFinding is a finding carried into an open round (P1: eval1's plan,
// P2: eval2's) from the published ones, made once.
func (f *authzFixture) carriedFinding(plan *evaluation.Plan) int64 {
	if f.carried == nil {
		r := f.freshRound()
		f.w.Assign(r, f.w.P1, f.w.Eval1)
		f.w.Assign(r, f.w.P2, f.w.Eval2)
		f.w.Move(r, evaluation.RoundOpen)
		var fs []evaluation.Finding
		if err := env(f.s).DB.Gorm.Where("round_id = ? AND carried_from_finding_id IS NOT NULL", r.ID).Find(&fs).Error; err != nil {
			f.s.t.Fatal(err)
		}
		f.carried = map[int64]int64{}
		for _, fd := range fs {
			f.carried[fd.PlanID] = fd.ID
		}
	}
	id, ok := f.carried[plan.ID]
	if !ok {
		f.s.t.Fatalf("no finding carried on plan %d", plan.ID)
	}
	return id
}

// freshSelf makes an open round with a self-assessment on P1 (市财政局,
// eval1) and P2 (市国资委, eval2).
func (f *authzFixture) freshSelf() *selfRound {
	return newSelfRound(f.s.t, f.w, f.unique("自评轮次"))
}

// freshSubmitted makes an open round with one submitted scoresheet of eval1's.
func (f *authzFixture) freshSubmitted() *evaluation.AssignmentView {
	r := f.freshRound()
	a := f.w.Assign(r, f.w.P1, f.w.Eval1)
	f.w.Move(r, evaluation.RoundOpen)
	f.w.Score(a, f.w.Eval1, f.w.FullAnswers(0.6))
	return a
}

// leadRound is an open round where eval1 leads P1 and eval2 leads P2.
type leadRound struct {
	r      *evaluation.Round
	a1, a2 *evaluation.AssignmentView
}

// freshLeads makes a leadRound; with sections, each lead has saved its
// conclusions, submitted them too with submit.
func (f *authzFixture) freshLeads(saved, submit bool) leadRound {
	ctx := context.Background()
	w := f.w
	lr := leadRound{r: f.freshRound()}
	yes := true
	for i, pe := range []struct {
		p *evaluation.Plan
		e *evaluation.User
	}{{w.P1, w.Eval1}, {w.P2, w.Eval2}} {
		a, err := w.Store.CreateAssignment(ctx, w.AdminActor(), lr.r.ID, evaluation.AssignmentRequest{PlanID: pe.p.ID, EvaluatorID: pe.e.ID, Lead: yes})
		if err != nil {
			f.s.t.Fatal(err)
		}
		if i == 0 {
			lr.a1 = a
		} else {
			lr.a2 = a
		}
	}
	w.Move(lr.r, evaluation.RoundOpen)
	if !saved {
		return lr
	}
	for _, pe := range []struct {
		p *evaluation.Plan
		e *evaluation.User
	}{{w.P1, w.Eval1}, {w.P2, w.Eval2}} {
		actor := evaluation.ActorOf(pe.e)
		v, err := w.Store.SaveNarrative(ctx, actor, lr.r.ID, pe.p.ID, evaluation.NarrativeRequest{Sections: narrativeSections()})
		if err != nil {
			f.s.t.Fatal(err)
		}
		if submit {
			if _, err := w.Store.SubmitNarrative(ctx, actor, lr.r.ID, pe.p.ID, v.Version); err != nil {
				f.s.t.Fatal(err)
			}
		}
	}
	return lr
}

func narrativeSections() evaluation.NarrativeSections {
	return evaluation.NarrativeSections{Overall: "总体较好", Achievements: "绩效管理全面推开", Problems: "配套文件未印发",
		Recommendations: "尽快印发配套文件"}
}

func (f *authzFixture) freshOrg() *evaluation.Org {
	return f.w.Org(f.unique("临时单位"), evaluation.OrgDepartment, "")
}

// freshThrottle makes a login throttle by a failed login from a new address.
func (f *authzFixture) freshThrottle() int64 {
	addr := fmt.Sprintf("203.0.113.%d", f.n%250+1)
	f.unique("")
	if _, _, err := f.w.Store.Login(context.Background(), "eval3", "wrong-password", addr); !errors.Is(err, evaluation.ErrBadCredentials) {
		f.s.t.Fatalf("failed login from %s: %v", addr, err)
	}
	list, err := f.w.Store.LoginThrottles(context.Background(), evaluation.Page{PerPage: evaluation.MaxPerPage})
	if err != nil {
		f.s.t.Fatal(err)
	}
	for _, th := range list.Items {
		if th.Address == addr && th.Username == "eval3" {
			return th.ID
		}
	}
	f.s.t.Fatalf("no throttle of eval3 at %s in %+v", addr, list.Items)
	return 0
}

// rows is the authorisation table: one row per route of the server.
func (f *authzFixture) rows() map[string]authzRow {
	const v1 = "/api/v1"
	w := f.w
	return map[string]authzRow{
		"GET /healthz":          same(at("/healthz"), public(200)),
		"GET /readyz":           same(at("/readyz"), public(200)),
		"GET /metrics":          same(at("/metrics"), public(404)), // off without EVAL_METRICS_TOKEN: TestMetricsToken
		"GET /api/openapi.json": same(at("/api/openapi.json"), public(200)),
		"GET /*":                same(at("/rounds/1"), public(200)),
		"POST /api/v1/auth/login": same(func(_ *authzFixture, caller string) req {
			if caller == anonymous {
				return req{path: v1 + "/auth/login", body: map[string]string{"username": "admin", "password": "wrong"}}
			}
			return req{path: v1 + "/auth/login", body: map[string]string{"username": caller, "password": evaltest.Password}}
		}, public(200).but(anonymous, 401, 401)),
		"POST /api/v1/auth/logout": same(func(f *authzFixture, caller string) req {
			r := req{path: v1 + "/auth/logout"}
			if caller != anonymous {
				tok, _, err := f.w.Store.Login(context.Background(), caller, evaltest.Password, "192.0.2.1")
				if err != nil {
					f.s.t.Fatal(err)
				}
				r.token = tok
			}
			return r
		}, only(204, asAdmin, asEvaluator, asDept, asViewer)),
		"GET /api/v1/me": same(at(v1+"/me"), only(200, asAdmin, asEvaluator, asDept, asViewer)),

		"GET /api/v1/login-throttles": same(at(v1+"/login-throttles"), only(200, asAdmin)),
		"DELETE /api/v1/login-throttles/:id": same(func(f *authzFixture, _ string) req {
			return req{path: fmt.Sprintf(v1+"/login-throttles/%d", f.freshThrottle())}
		}, only(204, asAdmin)),
		"POST /api/v1/plans/:id/close-out": same(func(f *authzFixture, _ string) req {
			p := f.w.Plan(f.unique("CD-C-"), "待销账的方案", f.w.Finance, "2017-01-01")
			return req{path: fmt.Sprintf(v1+"/plans/%d/close-out", p.ID), body: evaluation.CloseOutRequest{Reason: "任务已完成"}}
		}, only(200, asAdmin)),
		"GET /api/v1/plans/:id/history": {own: at(v1+"/plans/%d/history", w.P1.ID), other: at(v1+"/plans/%d/history", w.P2.ID),
			want: only(200, asAdmin, asViewer).but(asDept, 200, 404)},
		"POST /api/v1/findings/:id/check": {
			own: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/findings/%d/check", f.carriedFinding(f.w.P1)), body: map[string]any{}}
			},
			other: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/findings/%d/check", f.carriedFinding(f.w.P2)), body: map[string]any{}}
			},
			want: only(200, asAdmin).but(asEvaluator, 200, 404),
		},
		"GET /api/v1/departments/scorecard":      same(at(v1+"/departments/scorecard?year=2026"), only(200, asAdmin, asViewer, asDept)),
		"GET /api/v1/departments/scorecard.xlsx": same(at(v1+"/departments/scorecard.xlsx?year=2026"), only(200, asAdmin, asViewer, asDept)),
		"GET /api/v1/departments/scorecard.pdf":  same(at(v1+"/departments/scorecard.pdf?year=2026"), only(200, asAdmin, asViewer, asDept)),
		"POST /api/v1/plans/:id/reopen": same(func(f *authzFixture, _ string) req {
			p := f.w.Plan(f.unique("CD-R-"), "已销账的方案", f.w.Finance, "2017-01-01")
			if _, err := f.w.Store.CloseOutPlan(context.Background(), f.w.AdminActor(), p.ID, evaluation.CloseOutRequest{Reason: "任务已完成"}); err != nil {
				f.s.t.Fatal(err)
			}
			return req{path: fmt.Sprintf(v1+"/plans/%d/reopen", p.ID), body: map[string]any{}}
		}, only(200, asAdmin)),

		"POST /api/v1/orgs": same(func(f *authzFixture, _ string) req {
			return req{path: v1 + "/orgs", body: evaluation.OrgRequest{Name: f.unique("新单位"), Kind: evaluation.OrgDepartment}}
		}, only(201, asAdmin)),
		"GET /api/v1/orgs":     same(at(v1+"/orgs"), only(200, asAdmin, asViewer)),
		"GET /api/v1/orgs/:id": same(at(v1+"/orgs/%d", w.Finance.ID), only(200, asAdmin, asViewer)),
		"PATCH /api/v1/orgs/:id": same(func(f *authzFixture, _ string) req {
			name := f.unique("改名单位")
			return req{path: fmt.Sprintf(v1+"/orgs/%d", f.freshOrg().ID), body: evaluation.OrgPatch{Name: &name}}
		}, only(200, asAdmin)),
		"DELETE /api/v1/orgs/:id": same(func(f *authzFixture, _ string) req {
			return req{path: fmt.Sprintf(v1+"/orgs/%d", f.freshOrg().ID)}
		}, only(204, asAdmin)),

		"POST /api/v1/users": same(func(f *authzFixture, _ string) req {
			return req{path: v1 + "/users", body: evaluation.UserRequest{Username: f.unique("user"), Password: "new-password-1",
				DisplayName: "新用户", Role: evaluation.RoleViewer}}
		}, only(201, asAdmin)),
		"GET /api/v1/users":             same(at(v1+"/users"), only(200, asAdmin)),
		"GET /api/v1/users/export.xlsx": same(at(v1+"/users/export.xlsx"), only(200, asAdmin)),
		"GET /api/v1/users/:id":         same(at(v1+"/users/%d", w.Eval2.ID), only(200, asAdmin)),
		"PATCH /api/v1/users/:id": same(func(f *authzFixture, _ string) req {
			name := f.unique("改名")
			return req{path: fmt.Sprintf(v1+"/users/%d", f.w.Eval4.ID), body: evaluation.UserPatch{DisplayName: &name}}
		}, only(200, asAdmin)),

		"POST /api/v1/plans": same(func(f *authzFixture, _ string) req {
			return req{path: v1 + "/plans", body: evaluation.PlanRequest{Code: f.unique("CD-T-"), Title: "测试方案",
				LeadDepartmentID: f.w.Finance.ID, IssuedOn: "2017-01-01"}}
		}, only(201, asAdmin)),
		"GET /api/v1/plans":                      same(at(v1+"/plans"), only(200, asAdmin, asViewer)),
		"GET /api/v1/plans/export.xlsx":          same(at(v1+"/plans/export.xlsx"), only(200, asAdmin, asViewer)),
		"GET /api/v1/plans/import-template.xlsx": same(at(v1+"/plans/import-template.xlsx"), only(200, asAdmin)),
		"POST /api/v1/plans/import": same(func(f *authzFixture, _ string) req {
			csv := "code,title,lead_department,issued_on\n" + f.unique("CD-I-") + ",导入的方案,市财政局,2017-05-01\n"
			return req{path: v1 + "/plans/import", upload: []byte(csv)}
		}, only(200, asAdmin)),
		"GET /api/v1/plans/:id": same(at(v1+"/plans/%d", w.P1.ID), only(200, asAdmin, asViewer)),
		"PATCH /api/v1/plans/:id": same(func(f *authzFixture, _ string) req {
			field := f.unique("领域")
			return req{path: fmt.Sprintf(v1+"/plans/%d", f.w.P3.ID), body: evaluation.PlanPatch{Field: &field}}
		}, only(200, asAdmin)),
		"DELETE /api/v1/plans/:id": same(func(f *authzFixture, _ string) req {
			p := f.w.Plan(f.unique("CD-D-"), "待删除的方案", f.w.Finance, "2017-01-01")
			return req{path: fmt.Sprintf(v1+"/plans/%d", p.ID)}
		}, only(204, asAdmin)),

		"POST /api/v1/templates": same(func(*authzFixture, string) req {
			return req{path: v1 + "/templates", body: evaltest.Template()}
		}, only(201, asAdmin)),
		"GET /api/v1/templates":     same(at(v1+"/templates"), only(200, asAdmin, asViewer)),
		"GET /api/v1/templates/:id": same(at(v1+"/templates/%d", w.Template.ID), only(200, asAdmin, asViewer)),
		"PUT /api/v1/templates/:id": same(func(f *authzFixture, _ string) req {
			return req{path: fmt.Sprintf(v1+"/templates/%d", f.unfrozen.ID), body: evaltest.Template()}
		}, only(200, asAdmin)),
		"POST /api/v1/conflicts": same(func(f *authzFixture, _ string) req {
			return req{path: v1 + "/conflicts", body: evaluation.ConflictRequest{AgencyID: f.w.Institute.ID, PlanID: &f.w.Recent.ID, Reason: "参与起草"}}
		}, only(201, asAdmin)),
		"GET /api/v1/conflicts": same(at(v1+"/conflicts"), only(200, asAdmin)),

		"POST /api/v1/rounds": same(func(f *authzFixture, _ string) req {
			return req{path: v1 + "/rounds", body: evaluation.RoundRequest{Name: f.unique("新轮次"), TemplateID: f.w.Template.ID,
				StartsOn: "2026-06-01", ScoringDue: "2026-07-01"}}
		}, only(201, asAdmin)),
		"GET /api/v1/rounds": same(at(v1+"/rounds"), only(200, asAdmin, asEvaluator, asDept, asViewer)),
		"POST /api/v1/scoresheets/:assignment_id/reopen": same(func(f *authzFixture, _ string) req {
			return req{path: fmt.Sprintf(v1+"/scoresheets/%d/reopen", f.freshSubmitted().ID)}
		}, only(200, asAdmin)),

		"GET /api/v1/assignments": same(at(v1+"/assignments"), only(200, asEvaluator)),
		"POST /api/v1/assignments/:id/submit": {
			own: func(f *authzFixture, _ string) req {
				r := f.freshRound()
				a := f.w.Assign(r, f.w.P1, f.w.Eval1)
				f.w.Move(r, evaluation.RoundOpen)
				s, err := f.w.Store.SaveScoresheet(context.Background(), evaluation.ActorOf(f.w.Eval1), a.ID,
					evaluation.ScoresheetRequest{Scores: f.w.FullAnswers(0.9)})
				if err != nil {
					f.s.t.Fatal(err)
				}
				return req{path: fmt.Sprintf(v1+"/assignments/%d/submit", a.ID), body: map[string]int{"version": s.Version}}
			},
			other: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/assignments/%d/submit", f.otherA.ID), body: map[string]int{"version": 0}}
			},
			want: only(200).but(asEvaluator, 200, 404),
		},
		"PATCH /api/v1/findings/:id": {
			own: func(f *authzFixture, _ string) req {
				d := f.unique("修改后的问题描述")
				return req{path: fmt.Sprintf(v1+"/findings/%d", f.ownF.ID), body: evaluation.FindingPatch{Description: &d}}
			},
			other: func(f *authzFixture, _ string) req {
				d := "改别人的问题"
				return req{path: fmt.Sprintf(v1+"/findings/%d", f.otherF.ID), body: evaluation.FindingPatch{Description: &d}}
			},
			want: only(200).but(asEvaluator, 200, 404),
		},
		"DELETE /api/v1/findings/:id": {
			own: func(f *authzFixture, _ string) req {
				fd, err := f.w.Store.CreateFinding(context.Background(), evaluation.ActorOf(f.w.Eval1), f.ownA.ID, findingRequest())
				if err != nil {
					f.s.t.Fatal(err)
				}
				return req{path: fmt.Sprintf(v1+"/findings/%d", fd.ID)}
			},
			other: at(v1+"/findings/%d", f.otherF.ID),
			want:  only(204).but(asEvaluator, 204, 404),
		},

		"PATCH /api/v1/assignments/:id": same(func(f *authzFixture, _ string) req {
			r := f.freshRound()
			a := f.w.Assign(r, f.w.P1, f.w.Eval1)
			return req{path: fmt.Sprintf(v1+"/assignments/%d", a.ID), body: map[string]bool{"lead": true}}
		}, only(200, asAdmin)),

		// Conclusions: eval1 leads P1 (own), eval2 leads P2 (other).
		"PUT /api/v1/rounds/:id/plans/:plan_id/narrative": {
			own: func(f *authzFixture, _ string) req {
				lr := f.freshLeads(false, false)
				return req{path: fmt.Sprintf(v1+"/rounds/%d/plans/%d/narrative", lr.r.ID, f.w.P1.ID),
					body: evaluation.NarrativeRequest{Sections: narrativeSections()}}
			},
			other: func(f *authzFixture, _ string) req {
				lr := f.freshLeads(false, false)
				return req{path: fmt.Sprintf(v1+"/rounds/%d/plans/%d/narrative", lr.r.ID, f.w.P2.ID),
					body: evaluation.NarrativeRequest{Sections: narrativeSections()}}
			},
			want: only(200, asAdmin).but(asEvaluator, 200, 404),
		},
		"POST /api/v1/rounds/:id/plans/:plan_id/narrative/submit": {
			own: func(f *authzFixture, _ string) req {
				lr := f.freshLeads(true, false)
				return req{path: fmt.Sprintf(v1+"/rounds/%d/plans/%d/narrative/submit", lr.r.ID, f.w.P1.ID), body: map[string]int{"version": 1}}
			},
			other: func(f *authzFixture, _ string) req {
				lr := f.freshLeads(true, false)
				return req{path: fmt.Sprintf(v1+"/rounds/%d/plans/%d/narrative/submit", lr.r.ID, f.w.P2.ID), body: map[string]int{"version": 1}}
			},
			want: only(200, asAdmin).but(asEvaluator, 200, 404),
		},
		"POST /api/v1/rounds/:id/plans/:plan_id/narrative/approve": {
			own: func(f *authzFixture, _ string) req {
				lr := f.freshLeads(true, true)
				return req{path: fmt.Sprintf(v1+"/rounds/%d/plans/%d/narrative/approve", lr.r.ID, f.w.P1.ID), body: map[string]any{}}
			},
			other: func(f *authzFixture, _ string) req {
				lr := f.freshLeads(true, true)
				return req{path: fmt.Sprintf(v1+"/rounds/%d/plans/%d/narrative/approve", lr.r.ID, f.w.P2.ID), body: map[string]any{}}
			},
			want: only(200, asAdmin),
		},
		"POST /api/v1/rounds/:id/plans/:plan_id/narrative/return": {
			own: func(f *authzFixture, _ string) req {
				lr := f.freshLeads(true, true)
				return req{path: fmt.Sprintf(v1+"/rounds/%d/plans/%d/narrative/return", lr.r.ID, f.w.P1.ID),
					body: evaluation.NarrativeReturn{Comment: "请补充数据"}}
			},
			other: func(f *authzFixture, _ string) req {
				lr := f.freshLeads(true, true)
				return req{path: fmt.Sprintf(v1+"/rounds/%d/plans/%d/narrative/return", lr.r.ID, f.w.P2.ID),
					body: evaluation.NarrativeReturn{Comment: "请补充数据"}}
			},
			want: only(200, asAdmin),
		},

		"GET /api/v1/audit":             same(at(v1+"/audit"), only(200, asAdmin)),
		"GET /api/v1/audit/export.xlsx": same(at(v1+"/audit/export.xlsx"), only(200, asAdmin)),

		"GET /api/v1/findings":             same(at(v1+"/findings"), only(200, asAdmin, asEvaluator, asDept, asViewer)),
		"GET /api/v1/findings/export.xlsx": same(at(v1+"/findings/export.xlsx"), only(200, asAdmin, asEvaluator, asDept, asViewer)),
		"PUT /api/v1/findings/:id/response": {
			own: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/findings/%d/response", f.pub.f1.ID), body: evaltest.DeptAnswer()}
			},
			other: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/findings/%d/response", f.pub.f2.ID), body: evaltest.DeptAnswer()}
			},
			want: only(200).but(asDept, 200, 404),
		},
		"POST /api/v1/findings/:id/response/submit": {
			own: func(f *authzFixture, _ string) req {
				p := f.freshPublished()
				if _, err := f.w.Store.SaveResponse(context.Background(), evaluation.ActorOf(f.w.DeptFinance), p.f1.ID, evaltest.DeptAnswer()); err != nil {
					f.s.t.Fatal(err)
				}
				return req{path: fmt.Sprintf(v1+"/findings/%d/response/submit", p.f1.ID), body: map[string]any{}}
			},
			other: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/findings/%d/response/submit", f.pub.f2.ID), body: map[string]any{}}
			},
			want: only(200).but(asDept, 200, 404),
		},
		"POST /api/v1/findings/:id/response/attachments": {
			own: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/findings/%d/response/attachments", f.pub.f1.ID), upload: evidencePDF}
			},
			other: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/findings/%d/response/attachments", f.pub.f2.ID), upload: evidencePDF}
			},
			want: only(201).but(asDept, 201, 404),
		},
		"POST /api/v1/findings/:id/verify": {
			own: func(f *authzFixture, _ string) req {
				p := f.freshPublished()
				return req{path: fmt.Sprintf(v1+"/findings/%d/verify", f.responded(p.f1, f.w.DeptFinance).ID),
					body: evaluation.VerifyRequest{Verdict: evaluation.VerdictAccepted, Comment: "同意"}}
			},
			other: func(f *authzFixture, _ string) req {
				p := f.freshPublished()
				return req{path: fmt.Sprintf(v1+"/findings/%d/verify", f.responded(p.f2, f.w.DeptStateAssets).ID),
					body: evaluation.VerifyRequest{Verdict: evaluation.VerdictAccepted, Comment: "同意"}}
			},
			want: only(200, asAdmin).but(asEvaluator, 200, 404),
		},
		"DELETE /api/v1/attachments/:id": {
			own: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/attachments/%d", f.attach(f.pub.f1, f.w.DeptFinance, false))}
			},
			other: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/attachments/%d", f.attach(f.pub.f2, f.w.DeptStateAssets, false))}
			},
			want: only(204).but(asDept, 204, 404),
		},
		// Self-assessments: the department its own (finance: P1's), the office all.
		"GET /api/v1/self-assessments": same(at(v1+"/self-assessments"), only(200, asAdmin, asEvaluator, asDept, asViewer)),
		"PUT /api/v1/self-assessments/:id": {
			own: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/self-assessments/%d", f.freshSelf().sa1), body: map[string]any{"version": 0, "summary": "草稿"}}
			},
			other: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/self-assessments/%d", f.freshSelf().sa2), body: map[string]any{"version": 0, "summary": "草稿"}}
			},
			want: only(200).but(asDept, 200, 404),
		},
		"POST /api/v1/self-assessments/:id/attachments": {
			own: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/self-assessments/%d/attachments", f.freshSelf().sa1), upload: evidencePDF}
			},
			other: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/self-assessments/%d/attachments", f.freshSelf().sa2), upload: evidencePDF}
			},
			want: only(201).but(asDept, 201, 404),
		},
		"POST /api/v1/self-assessments/:id/submit": {
			own: func(f *authzFixture, _ string) req {
				id := f.freshSelf().sa1
				v := fillSelf(f.s.t, f.w, f.w.DeptFinance, id)
				return req{path: fmt.Sprintf(v1+"/self-assessments/%d/submit", id), body: map[string]int{"version": v}}
			},
			other: func(f *authzFixture, _ string) req {
				id := f.freshSelf().sa2
				v := fillSelf(f.s.t, f.w, f.w.DeptStateAssets, id)
				return req{path: fmt.Sprintf(v1+"/self-assessments/%d/submit", id), body: map[string]int{"version": v}}
			},
			want: only(200).but(asDept, 200, 404),
		},
		"POST /api/v1/self-assessments/:id/return": same(func(f *authzFixture, _ string) req {
			sr := f.freshSelf()
			submitSelf(f.s.t, f.w, f.w.DeptFinance, sr.sa1)
			return req{path: fmt.Sprintf(v1+"/self-assessments/%d/return", sr.sa1), body: map[string]string{"comment": "请补充材料"}}
		}, only(200, asAdmin)),
		"POST /api/v1/self-assessments/:id/extend": same(func(f *authzFixture, _ string) req {
			return req{path: fmt.Sprintf(v1+"/self-assessments/%d/extend", f.freshSelf().sa1), body: map[string]string{"due_on": "2026-04-20"}}
		}, only(200, asAdmin)),

		"GET /api/v1/notifications":           same(at(v1+"/notifications"), only(200, asAdmin, asEvaluator, asDept, asViewer)),
		"POST /api/v1/notifications/read-all": same(at(v1+"/notifications/read-all"), only(200, asAdmin, asEvaluator, asDept, asViewer)),
		"POST /api/v1/notifications/:id/read": {
			own: func(f *authzFixture, caller string) req {
				return req{path: fmt.Sprintf(v1+"/notifications/%d/read", f.notices[caller][0])}
			},
			other: func(f *authzFixture, _ string) req {
				return req{path: fmt.Sprintf(v1+"/notifications/%d/read", f.notices["eval2"][1])}
			},
			want: only(200, asAdmin, asEvaluator, asDept, asViewer).but(asAdmin, 200, 404).but(asEvaluator, 200, 404).
				but(asDept, 200, 404).but(asViewer, 200, 404),
		},
		"GET /api/v1/requests": same(at(v1+"/requests"), only(200, asAdmin, asEvaluator, asDept)),
		"GET /api/v1/todo":     same(at(v1+"/todo"), only(200, asAdmin, asEvaluator, asDept, asViewer)),

		// Reports: verification by anyone with the file.
		"GET /api/v1/reports/verify/:sha256": same(at(v1+"/reports/verify/%s", f.verified), public(200)),
		"POST /api/v1/reports/verify": same(func(*authzFixture, string) req {
			return req{path: v1 + "/reports/verify", upload: evidencePDF}
		}, public(200)),
		// Reissuing an issued evaluation report: the office only.
		"POST /api/v1/rounds/:id/plans/:plan_id/evaluation-report/reissue": same(func(f *authzFixture, _ string) req {
			return req{path: fmt.Sprintf(v1+"/rounds/%d/plans/%d/evaluation-report/reissue", f.pub.f1.RoundID, f.pub.f1.PlanID),
				body: evaluation.ReissueRequest{Reason: f.unique("更正")}}
		}, only(201, asAdmin)),

		// Surveys: the office manages them, viewers read results; citizens
		// answer without login.
		"POST /api/v1/surveys": same(func(f *authzFixture, _ string) req {
			r := evaltest.SurveyRequest()
			r.Title = f.unique("新问卷")
			return req{path: v1 + "/surveys", body: r}
		}, only(201, asAdmin)),
		"GET /api/v1/surveys": same(at(v1+"/surveys"), only(200, asAdmin, asViewer)),
		"PATCH /api/v1/surveys/:id": same(func(f *authzFixture, _ string) req {
			title := f.unique("改名问卷")
			return req{path: fmt.Sprintf(v1+"/surveys/%d", f.freshSurvey(true).ID), body: evaluation.SurveyPatch{Title: &title}}
		}, only(200, asAdmin)),
		"POST /api/v1/surveys/:id/publish": same(func(f *authzFixture, _ string) req {
			return req{path: fmt.Sprintf(v1+"/surveys/%d/publish", f.freshSurvey(true).ID)}
		}, only(200, asAdmin)),
		"POST /api/v1/surveys/:id/close": same(func(f *authzFixture, _ string) req {
			return req{path: fmt.Sprintf(v1+"/surveys/%d/close", f.freshSurvey(false).ID)}
		}, only(200, asAdmin)),
		"GET /api/v1/public/surveys/:token": same(at(v1+"/public/surveys/%s", *f.survey.Token), public(200)),
		"POST /api/v1/public/surveys/:token/responses": same(func(f *authzFixture, _ string) req {
			return req{path: fmt.Sprintf(v1+"/public/surveys/%s/responses", *f.survey.Token),
				body: map[string]any{"answers": map[string]any{"q1": 4, "q2": "否", "q5": 5, "q6": 9}}}
		}, public(201)),
		"GET /s/:token": same(at("/s/%s", *f.survey.Token), public(200)),
	}
}

// TestAuthorisationOfEveryRoute calls every route registered on the router
// as each role (and as nobody), on the caller's own object and on another's,
// and checks the status against the table. A route without a row fails; a
// round-scoped route (roundScoped) is called in each of the five round
// states against the phase table (authz_phase_test.go), and fails without a
// row there.
func TestAuthorisationOfEveryRoute(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		f := newAuthzFixture(t, s)
		rows, phased := f.rows(), phasedRows()
		seen := map[string]bool{}
		for _, r := range s.e.Routes() {
			key := r.Method + " " + r.Path
			if seen[key] {
				continue
			}
			seen[key] = true
			row, plain := rows[key]
			prow, inPhase := phased[key]
			switch {
			case plain && inPhase:
				t.Errorf("route %s has a row in both the authorisation table and the phase table", key)
			case inPhase:
				for _, st := range roundStates {
					checkRow(t, s, f, r.Method, key, " in a "+string(st)+" round", prow.in(f.states[st]))
				}
			case roundScoped(r.Method, r.Path):
				t.Errorf("route %s is round-scoped but has no per-state row in the phase table", key)
			case plain:
				checkRow(t, s, f, r.Method, key, "", row)
			default:
				t.Errorf("route %s has no row in the authorisation table", key)
			}
		}
		for key := range rows {
			if !seen[key] {
				t.Errorf("the table has a row for %s, which is not a route", key)
			}
		}
		for key := range phased {
			if !seen[key] {
				t.Errorf("the phase table has a row for %s, which is not a route", key)
			}
		}
		checkListsByPhase(t, s, f)
		checkRequestFilesByPhase(t, s, f)
	})
}

// checkRow calls one route as every caller on its own and another's object.
func checkRow(t *testing.T, s *server, f *authzFixture, method, key, where string, row authzRow) {
	t.Helper()
	for _, caller := range callers {
		exp, ok := row.want[caller]
		if !ok {
			t.Errorf("%s: no expectation for %q", key, caller)
			continue
		}
		for _, c := range []struct {
			label string
			build func(*authzFixture, string) req
			code  int
		}{{"own", row.own, exp.own}, {"other", row.other, exp.other}} {
			rq := c.build(f, caller)
			token := rq.token
			if token == "" && caller != anonymous {
				token = s.token(caller)
			}
			var got *reply
			if rq.upload != nil {
				got = s.upload(rq.path, token, "file", "plans.csv", rq.upload)
			} else {
				got = s.call(method, rq.path, token, rq.body)
			}
			if got.Code != c.code {
				who := caller
				if who == anonymous {
					who = "anonymous"
				}
				t.Errorf("%s%s as %s on %s object (%s): status %d, want %d; body %.300s",
					key, where, who, c.label, rq.path, got.Code, c.code, strings.TrimSpace(string(got.Body)))
			}
		}
	}
}

// TestUnknownIDsAndMalformedIDs: a non-numeric or unknown id is a 404 like
// an object that is not the caller's.
func TestUnknownIDsAndMalformedIDs(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		tok := s.token(asAdmin)
		for _, path := range []string{"/api/v1/plans/abc", "/api/v1/plans/0", "/api/v1/plans/999999", "/api/v1/rounds/-1"} {
			r := s.call(http.MethodGet, path, tok, nil)
			if r.Code != http.StatusNotFound || r.errorBody().Code != "not_found" {
				t.Errorf("GET %s: %d %s, want 404 not_found", path, r.Code, r.Body)
			}
		}
	})
}
