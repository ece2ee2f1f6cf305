package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// answeredRequest is a request for more material answered with one file.
type answeredRequest struct{ id, att int64 }

// answered has an evaluator ask on their assignment (in an open round) and
// the plan's department answer with a file.
func (f *authzFixture) answered(a *evaluation.AssignmentView, ev, dept *evaluation.User) answeredRequest {
	t, ctx := f.s.t, context.Background()
	q, err := f.w.Store.AskForMaterial(ctx, evaluation.ActorOf(ev), a.ID, evaluation.RequestAsk{Question: "请补充年度预算执行台账"})
	if err != nil {
		t.Fatal(err)
	}
	att, err := f.w.Store.AddRequestAttachment(ctx, evaluation.ActorOf(dept), q.ID, evaluation.BytesUpload("台账.pdf", evidencePDF))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.w.Store.AnswerRequest(ctx, evaluation.ActorOf(dept), q.ID, evaluation.RequestAnswer{Answer: "台账见附件"}); err != nil {
		t.Fatal(err)
	}
	return answeredRequest{id: q.ID, att: att.ID}
}

// onRequest: the requests of round A on P1 (eval1's, 市财政局's) and on P2.
func onRequest(format string, body any) target {
	build := func(pick func(*roundState) answeredRequest) stateReq {
		return func(rs *roundState, _ string) req { return req{path: fmt.Sprintf(format, pick(rs).id), body: body} }
	}
	return target{own: build(func(rs *roundState) answeredRequest { return rs.q1 }),
		other: build(func(rs *roundState) answeredRequest { return rs.q2 })}
}

// onRequestUpload: a file uploaded to the requests of onRequest.
func onRequestUpload(format string) target {
	build := func(pick func(*roundState) answeredRequest) stateReq {
		return func(rs *roundState, _ string) req {
			return req{path: fmt.Sprintf(format, pick(rs).id), upload: evidencePDF}
		}
	}
	return target{own: build(func(rs *roundState) answeredRequest { return rs.q1 }),
		other: build(func(rs *roundState) answeredRequest { return rs.q2 })}
}

// requestWorld is an open round where eval1 (四川大学) and eval2 (电子科技大学)
// both rate P1 (市财政局) and eval3 rates P2 (市国资委).
type requestWorld struct {
	s          *server
	w          *evaltest.World
	round      *evaluation.Round
	a1, a2, a3 *evaluation.AssignmentView
}

func newRequestWorld(t *testing.T, env *evaltest.Env) *requestWorld {
	s := newServer(t, env)
	w := s.w
	rw := &requestWorld{s: s, w: w, round: w.Round}
	rw.a1, rw.a2, rw.a3 = w.Assign(w.Round, w.P1, w.Eval1), w.Assign(w.Round, w.P1, w.Eval2), w.Assign(w.Round, w.P2, w.Eval3)
	w.Move(w.Round, evaluation.RoundOpen)
	return rw
}

func (rw *requestWorld) ask(a *evaluation.AssignmentView, user, question string) evaluation.RequestView {
	var v evaluation.RequestView
	rw.s.call(http.MethodPost, fmt.Sprintf("/api/v1/assignments/%d/requests", a.ID), rw.s.token(user),
		evaluation.RequestAsk{Question: question}).want(http.StatusCreated).decode(&v)
	return v
}

func (rw *requestWorld) list(user, query string) []evaluation.RequestView {
	var l struct{ Items []evaluation.RequestView }
	rw.s.call(http.MethodGet, "/api/v1/requests"+query, rw.s.token(user), nil).want(http.StatusOK).decode(&l)
	return l.Items
}

func requestIDs(views []evaluation.RequestView) []int64 {
	out := []int64{}
	for _, v := range views {
		out = append(out, v.ID)
	}
	return out
}

// TestRequestsWorkflow walks a request through every transition and
// refusal: asked (open round only), listed as each role sees it, answered
// with files (the department, until publication), read by every evaluator
// of the plan, the files' visibility and deletion.
func TestRequestsWorkflow(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		rw := newRequestWorld(t, env)
		s, w := rw.s, rw.w
		q1 := rw.ask(rw.a1, "eval1", "  请补充2025年度预算绩效目标表\r\n及自评报告  ")
		if q1.Status != evaluation.RequestOpen || q1.Question != "请补充2025年度预算绩效目标表\n及自评报告" || q1.PlanID != w.P1.ID ||
			q1.Mine == nil || !*q1.Mine || q1.AskedBy != nil || len(q1.Attachments) != 0 || q1.AnsweredAt != nil {
			t.Fatalf("asked: %+v", q1)
		}
		q2 := rw.ask(rw.a2, "eval2", "请说明第三季度支出进度")

		// Refusals of asking: empty, too long, another's assignment, a viewer, a department.
		path := fmt.Sprintf("/api/v1/assignments/%d/requests", rw.a1.ID)
		for _, q := range []string{"", " \u200b ", strings.Repeat("问", evaluation.MaxQuestionLength+1)} {
			r := s.call(http.MethodPost, path, s.token("eval1"), evaluation.RequestAsk{Question: q}).want(http.StatusUnprocessableEntity)
			if _, ok := r.errorBody().Fields["question"]; !ok {
				t.Errorf("question %.20q: 422 without fields.question: %s", q, r.Body)
			}
		}
		s.call(http.MethodPost, path, s.token("eval1"), evaluation.RequestAsk{Question: strings.Repeat("问", evaluation.MaxQuestionLength)}).want(http.StatusCreated)
		s.call(http.MethodPost, path, s.token("eval2"), evaluation.RequestAsk{Question: "别人的任务"}).want(http.StatusNotFound)
		s.call(http.MethodPost, path, s.token("finance"), evaluation.RequestAsk{Question: "部门"}).want(http.StatusForbidden)
		s.call(http.MethodPost, path, s.token("admin"), evaluation.RequestAsk{Question: "改革办"}).want(http.StatusForbidden)

		// Who sees what while open: each evaluator its own open ones; the
		// department all on its plans; eval3 (P2) none; the office all, with who asked.
		if got := requestIDs(rw.list("eval1", "?status=open")); len(got) != 2 || got[0] != q1.ID {
			t.Errorf("eval1's open requests: %v", got)
		}
		if got := requestIDs(rw.list("eval2", "")); len(got) != 1 || got[0] != q2.ID {
			t.Errorf("eval2's requests: %v", got)
		}
		if got := rw.list("eval3", ""); len(got) != 0 {
			t.Errorf("eval3 sees %+v", got)
		}
		if got := rw.list("assets", ""); len(got) != 0 {
			t.Errorf("another department sees %+v", got)
		}
		dept := rw.list("finance", "")
		if len(dept) != 3 {
			t.Fatalf("the department's requests: %+v", dept)
		}
		for _, v := range dept {
			if v.Mine != nil || v.AskedBy != nil {
				t.Errorf("the department learns who asked: %+v", v)
			}
		}
		office := rw.list("admin", fmt.Sprintf("?round_id=%d&plan_id=%d", rw.round.ID, w.P1.ID))
		if len(office) != 3 || office[0].AskedBy == nil || office[0].AskedBy.ID != w.Eval1.ID || office[0].AskedBy.AgencyName != "四川大学" ||
			office[0].AskedBy.AssignmentID == nil || *office[0].AskedBy.AssignmentID != rw.a1.ID {
			t.Errorf("the office's requests: %+v", office)
		}
		s.call(http.MethodGet, "/api/v1/requests", s.token("leader"), nil).want(http.StatusForbidden)
		s.call(http.MethodGet, "/api/v1/requests?status=closed", s.token("admin"), nil).want(http.StatusBadRequest)
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/requests/%d", q1.ID), s.token("eval2"), nil).want(http.StatusNotFound)
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/requests/%d", q1.ID), s.token("assets"), nil).want(http.StatusNotFound)
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/requests/%d", q1.ID), s.token("finance"), nil).want(http.StatusOK)

		// Files before the answer: the department's draft, deletable.
		upload := fmt.Sprintf("/api/v1/requests/%d/attachments", q1.ID)
		var draft, kept evaluation.AttachmentView
		s.upload(upload, s.token("finance"), "file", "草稿.pdf", evidencePDF).want(http.StatusCreated).decode(&draft)
		s.upload(upload, s.token("finance"), "file", "预算绩效目标表.pdf", evidencePDF).want(http.StatusCreated).decode(&kept)
		s.upload(upload, s.token("finance"), "file", "说明.txt", []byte("纯文本")).want(http.StatusUnprocessableEntity)
		s.upload(upload, s.token("assets"), "file", "别人的.pdf", evidencePDF).want(http.StatusNotFound)
		s.upload(upload, s.token("eval1"), "file", "评估.pdf", evidencePDF).want(http.StatusForbidden)
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/attachments/%d", draft.ID), s.token("finance"), nil).want(http.StatusOK)
		for _, u := range []string{"eval1", "admin", "assets", "leader"} {
			s.call(http.MethodGet, fmt.Sprintf("/api/v1/attachments/%d", draft.ID), s.token(u), nil).want(http.StatusNotFound)
		}
		s.call(http.MethodDelete, fmt.Sprintf("/api/v1/attachments/%d", draft.ID), s.token("assets"), nil).want(http.StatusNotFound)
		s.call(http.MethodDelete, fmt.Sprintf("/api/v1/attachments/%d", draft.ID), s.token("finance"), nil).want(http.StatusNoContent)

		// The answer: refusals, then answered; every evaluator of P1 reads it.
		answer := fmt.Sprintf("/api/v1/requests/%d/answer", q1.ID)
		for _, a := range []string{"", strings.Repeat("答", evaluation.MaxAnswerLength+1)} {
			r := s.call(http.MethodPost, answer, s.token("finance"), evaluation.RequestAnswer{Answer: a}).want(http.StatusUnprocessableEntity)
			if _, ok := r.errorBody().Fields["answer"]; !ok {
				t.Errorf("answer %.20q: 422 without fields.answer: %s", a, r.Body)
			}
		}
		s.call(http.MethodPost, answer, s.token("assets"), evaluation.RequestAnswer{Answer: "别人的"}).want(http.StatusNotFound)
		s.call(http.MethodPost, answer, s.token("eval1"), evaluation.RequestAnswer{Answer: "评估"}).want(http.StatusForbidden)
		var ans evaluation.RequestView
		s.call(http.MethodPost, answer, s.token("finance"), evaluation.RequestAnswer{Answer: "目标表见附件"}).want(http.StatusOK).decode(&ans)
		if ans.Status != evaluation.RequestAnswered || ans.Answer != "目标表见附件" || ans.AnsweredAt == nil || len(ans.Attachments) != 1 || ans.Attachments[0].ID != kept.ID {
			t.Fatalf("answered: %+v", ans)
		}
		for _, u := range []string{"eval1", "eval2", "admin"} {
			var v evaluation.RequestView
			s.call(http.MethodGet, fmt.Sprintf("/api/v1/requests/%d", q1.ID), s.token(u), nil).want(http.StatusOK).decode(&v)
			if v.Answer != "目标表见附件" || len(v.Attachments) != 1 {
				t.Errorf("%s reads %+v", u, v)
			}
			s.call(http.MethodGet, fmt.Sprintf("/api/v1/attachments/%d", kept.ID), s.token(u), nil).want(http.StatusOK)
		}
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/attachments/%d", kept.ID), s.token("eval3"), nil).want(http.StatusNotFound)
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/requests/%d", q1.ID), s.token("eval3"), nil).want(http.StatusNotFound)
		// eval2's assignment shows the answered request of eval1's, and its own open one.
		var detail struct{ Requests []evaluation.RequestView }
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/assignments/%d", rw.a2.ID), s.token("eval2"), nil).want(http.StatusOK).decode(&detail)
		if got := requestIDs(detail.Requests); len(got) != 2 || got[0] != q2.ID || got[1] != q1.ID || *detail.Requests[1].Mine {
			t.Errorf("eval2's assignment requests: %+v", detail.Requests)
		}
		// Files of an answered request stay; more may be added and the answer edited.
		r := s.call(http.MethodDelete, fmt.Sprintf("/api/v1/attachments/%d", kept.ID), s.token("finance"), nil).want(http.StatusConflict)
		wantCode(r, "answered")
		s.upload(upload, s.token("finance"), "file", "补充说明.pdf", evidencePDF).want(http.StatusCreated)
		s.call(http.MethodPost, answer, s.token("finance"), evaluation.RequestAnswer{Answer: "目标表与补充说明见附件"}).want(http.StatusOK).decode(&ans)
		if ans.Answer != "目标表与补充说明见附件" || len(ans.Attachments) != 2 {
			t.Errorf("edited answer: %+v", ans)
		}

		// Scoring closed: no new questions; answers still go in.
		w.Move(rw.round, evaluation.RoundScoringClosed)
		r = s.call(http.MethodPost, path, s.token("eval1"), evaluation.RequestAsk{Question: "还有一个问题"}).want(http.StatusConflict)
		wantCode(r, "wrong_state")
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/requests/%d/answer", q2.ID), s.token("finance"), evaluation.RequestAnswer{Answer: "进度说明"}).want(http.StatusOK)

		// Published: nothing changes any more; reading goes on.
		w.Move(rw.round, evaluation.RoundPublished)
		r = s.call(http.MethodPost, answer, s.token("finance"), evaluation.RequestAnswer{Answer: "发布后"}).want(http.StatusConflict)
		wantCode(r, "published")
		r = s.upload(upload, s.token("finance"), "file", "发布后.pdf", evidencePDF).want(http.StatusConflict)
		wantCode(r, "published")
		if got := rw.list("finance", "?status=answered"); len(got) != 2 {
			t.Errorf("the department's answered requests after publication: %+v", got)
		}
	})
}

// TestRequestNotificationsAndTodo: the department is told of a new request
// (once, naming nobody) and has it in its to-do until it answers; the
// evaluator who asked has it in theirs; the first answer tells every
// evaluator of the plan, an edit nobody.
func TestRequestNotificationsAndTodo(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		rw := newRequestWorld(t, env)
		s := rw.s
		q := rw.ask(rw.a1, "eval1", "请补充资金拨付凭证")
		notices := func(user string, kind evaluation.NoticeKind) []evaluation.Notification {
			var l struct{ Items []evaluation.Notification }
			s.call(http.MethodGet, "/api/v1/notifications", s.token(user), nil).want(http.StatusOK).decode(&l)
			var out []evaluation.Notification
			for _, n := range l.Items {
				if n.Kind == kind {
					out = append(out, n)
				}
			}
			return out
		}
		todo := func(user, kind string) []evaluation.TodoItem {
			var l struct{ Items []evaluation.TodoItem }
			s.call(http.MethodGet, "/api/v1/todo", s.token(user), nil).want(http.StatusOK).decode(&l)
			var out []evaluation.TodoItem
			for _, it := range l.Items {
				if it.Kind == kind {
					out = append(out, it)
				}
			}
			return out
		}
		if n := notices("finance", evaluation.NoticeRequestAsked); len(n) != 1 || n[0].EntityID != q.ID || n[0].Link != fmt.Sprintf("/requests/%d", q.ID) {
			t.Errorf("the department's notices: %+v", n)
		}
		if n := notices("assets", evaluation.NoticeRequestAsked); len(n) != 0 {
			t.Errorf("another department is told: %+v", n)
		}
		if it := todo("finance", "answer_request"); len(it) != 1 || it[0].EntityID != q.ID {
			t.Errorf("the department's to-do: %+v", it)
		}
		if it := todo("eval1", "awaiting_answer"); len(it) != 1 || it[0].Link != fmt.Sprintf("/tasks/%d", rw.a1.ID) {
			t.Errorf("the asker's to-do: %+v", it)
		}
		if it := todo("eval2", "awaiting_answer"); len(it) != 0 {
			t.Errorf("another evaluator's to-do: %+v", it)
		}
		answer := fmt.Sprintf("/api/v1/requests/%d/answer", q.ID)
		s.call(http.MethodPost, answer, s.token("finance"), evaluation.RequestAnswer{Answer: "凭证见附件"}).want(http.StatusOK)
		s.call(http.MethodPost, answer, s.token("finance"), evaluation.RequestAnswer{Answer: "凭证见附件（更正）"}).want(http.StatusOK)
		if it := todo("finance", "answer_request"); len(it) != 0 {
			t.Errorf("the department's to-do after answering: %+v", it)
		}
		if it := todo("eval1", "awaiting_answer"); len(it) != 0 {
			t.Errorf("the asker's to-do after the answer: %+v", it)
		}
		mine := notices("eval1", evaluation.NoticeRequestAnswered)
		if len(mine) != 1 || mine[0].Link != fmt.Sprintf("/tasks/%d", rw.a1.ID) || !strings.Contains(mine[0].Title, "您的") {
			t.Errorf("the asker's notices: %+v", mine)
		}
		other := notices("eval2", evaluation.NoticeRequestAnswered)
		if len(other) != 1 || other[0].Link != fmt.Sprintf("/tasks/%d", rw.a2.ID) || strings.Contains(other[0].Title, "您的") {
			t.Errorf("the other evaluator's notices: %+v", other)
		}
		if n := notices("eval3", evaluation.NoticeRequestAnswered); len(n) != 0 {
			t.Errorf("an evaluator of another plan is told: %+v", n)
		}
	})
}

// TestRequestOfDeletedAssignment: deleting the assignment keeps its
// requests (assignment_id becomes null for the office); its evaluator, no
// longer on the plan, sees them no more.
func TestRequestOfDeletedAssignment(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		rw := newRequestWorld(t, env)
		s := rw.s
		q := rw.ask(rw.a2, "eval2", "请补充会议纪要")
		s.call(http.MethodDelete, fmt.Sprintf("/api/v1/assignments/%d", rw.a2.ID), s.token("admin"), nil).want(http.StatusNoContent)
		var v evaluation.RequestView
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/requests/%d", q.ID), s.token("admin"), nil).want(http.StatusOK).decode(&v)
		if v.AskedBy == nil || v.AskedBy.AssignmentID != nil || v.AskedBy.ID != rw.w.Eval2.ID {
			t.Errorf("the office's view after the deletion: %+v", v.AskedBy)
		}
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/requests/%d", q.ID), s.token("eval2"), nil).want(http.StatusNotFound)
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/requests/%d", q.ID), s.token("finance"), nil).want(http.StatusOK)
	})
}

// departmentView is one department-visible answer of the anonymity test:
// a request the department's user makes, built on the world's objects.
type departmentView struct {
	name  string
	build func(aw *anonymityWorld) req
}

// anonymityWorld holds the objects the department-visible views show.
type anonymityWorld struct {
	*requestWorld
	answered, open evaluation.RequestView
	file, draft    evaluation.AttachmentView
}

// departmentViews are every answer a department's user gets from the
// screens of requests for more material. A route added later that a
// department may call goes here.
var departmentViews = []departmentView{
	{"requests list", func(*anonymityWorld) req { return req{path: "/api/v1/requests"} }},
	{"open requests", func(*anonymityWorld) req { return req{path: "/api/v1/requests?status=open"} }},
	{"answered requests of the round", func(aw *anonymityWorld) req {
		return req{path: fmt.Sprintf("/api/v1/requests?status=answered&round_id=%d", aw.round.ID)}
	}},
	{"answered request", func(aw *anonymityWorld) req { return req{path: fmt.Sprintf("/api/v1/requests/%d", aw.answered.ID)} }},
	{"open request", func(aw *anonymityWorld) req { return req{path: fmt.Sprintf("/api/v1/requests/%d", aw.open.ID)} }},
	{"answer (write)", func(aw *anonymityWorld) req {
		return req{path: fmt.Sprintf("/api/v1/requests/%d/answer", aw.answered.ID), body: evaluation.RequestAnswer{Answer: "台账已补充"}}
	}},
	{"upload (write)", func(aw *anonymityWorld) req {
		return req{path: fmt.Sprintf("/api/v1/requests/%d/attachments", aw.open.ID), upload: evidencePDF}
	}},
	{"file", func(aw *anonymityWorld) req { return req{path: fmt.Sprintf("/api/v1/attachments/%d", aw.file.ID)} }},
	{"draft file", func(aw *anonymityWorld) req { return req{path: fmt.Sprintf("/api/v1/attachments/%d", aw.draft.ID)} }},
	{"notifications", func(*anonymityWorld) req { return req{path: "/api/v1/notifications"} }},
	{"to-do", func(*anonymityWorld) req { return req{path: "/api/v1/todo"} }},
	{"findings", func(*anonymityWorld) req { return req{path: "/api/v1/findings"} }},
	{"rounds", func(*anonymityWorld) req { return req{path: "/api/v1/rounds"} }},
	{"me", func(*anonymityWorld) req { return req{path: "/api/v1/me"} }},
}

// identifyingKeys are JSON fields that would name who asked.
var identifyingKeys = []string{"asked_by", "mine", "evaluator_id", "evaluator_name", "agency_id", "agency_name", "assignment_id", "answered_by", "uploaded_by"}

// TestDepartmentNeverLearnsWhoAsked is the anonymity rule of requests
// (issue 11, "Done when"): every answer a department's user gets from the
// screens of requests — lists, requests, answers, files, notifications,
// to-do — holds no evaluator's username or display name, no agency's name
// and no field naming who asked.
func TestDepartmentNeverLearnsWhoAsked(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		rw := newRequestWorld(t, env)
		s, w := rw.s, rw.w
		// Names that cannot appear by chance.
		names := []string{}
		for i, u := range []*evaluation.User{w.Eval1, w.Eval2, w.Eval3, w.Eval4, w.Eval5} {
			display := fmt.Sprintf("评估专家%c%c", '甲'+rune(i), '子'+rune(i))
			s.call(http.MethodPatch, fmt.Sprintf("/api/v1/users/%d", u.ID), s.token("admin"), evaluation.UserPatch{DisplayName: &display}).want(http.StatusOK)
			names = append(names, u.Username, display)
		}
		for _, o := range []*evaluation.Org{w.SCU, w.UESTC, w.XHU, w.Institute} {
			names = append(names, o.Name)
		}
		aw := &anonymityWorld{requestWorld: rw}
		aw.answered = rw.ask(rw.a1, "eval1", "请补充预算执行台账")
		aw.open = rw.ask(rw.a2, "eval2", "请说明绩效目标调整的理由")
		dept := s.token("finance")
		s.upload(fmt.Sprintf("/api/v1/requests/%d/attachments", aw.answered.ID), dept, "file", "台账.pdf", evidencePDF).
			want(http.StatusCreated).decode(&aw.file)
		s.upload(fmt.Sprintf("/api/v1/requests/%d/attachments", aw.open.ID), dept, "file", "草稿.pdf", evidencePDF).
			want(http.StatusCreated).decode(&aw.draft)
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/requests/%d/answer", aw.answered.ID), dept, evaluation.RequestAnswer{Answer: "见附件"}).
			want(http.StatusOK)

		for _, v := range departmentViews {
			rq := v.build(aw)
			var r *reply
			switch {
			case rq.upload != nil:
				r = s.upload(rq.path, dept, "file", "补充.pdf", rq.upload)
			case rq.body != nil:
				r = s.call(http.MethodPost, rq.path, dept, rq.body)
			default:
				r = s.call(http.MethodGet, rq.path, dept, nil)
			}
			if r.Code >= 300 {
				t.Errorf("%s (%s): status %d; body %.300s", v.name, rq.path, r.Code, r.Body)
				continue
			}
			text := string(r.Body)
			for k, vs := range r.Header {
				text += "\n" + k + ": " + strings.Join(vs, ", ")
			}
			for _, n := range names {
				if strings.Contains(text, n) {
					t.Errorf("%s (%s) names %q: %.500s", v.name, rq.path, n, text)
				}
			}
			if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
				for _, k := range jsonKeys(t, r.Body) {
					for _, bad := range identifyingKeys {
						if k == bad {
							t.Errorf("%s (%s) has the field %q: %.300s", v.name, rq.path, k, r.Body)
						}
					}
				}
			}
		}
	})
}

// jsonKeys lists every object key of a JSON document, at any depth.
func jsonKeys(t *testing.T, body []byte) []string {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				out = append(out, k)
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

// checkRequestFilesByPhase: the files of an answered request follow the
// phase rule of requests (GET /attachments/{id} is one route of the phase
// table, whose row is about findings' evidence): the office always; the
// evaluators of the plan and its department from the round's opening;
// nobody else, and no viewer ever.
func checkRequestFilesByPhase(t *testing.T, s *server, f *authzFixture) {
	t.Helper()
	expect := map[string]phases{asAdmin: always(200, 200), asEvaluator: from(open, 200, 404), asDept: from(open, 200, 404),
		asViewer: always(404, 404)}
	for i, st := range roundStates {
		rs := f.states[st]
		for caller, ph := range expect {
			for _, c := range []struct {
				id   int64
				code int
			}{{rs.q1.att, ph[i].own}, {rs.q2.att, ph[i].other}} {
				path := fmt.Sprintf("/api/v1/attachments/%d", c.id)
				if r := s.call(http.MethodGet, path, s.token(caller), nil); r.Code != c.code {
					t.Errorf("GET %s (a request's file) as %s in a %s round: %d, want %d", path, caller, st, r.Code, c.code)
				}
			}
		}
	}
}
