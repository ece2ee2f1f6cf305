package api_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/blobs"
	"github.com/evald/evald/evaluation/evaltest"
)

// The phase table: every round-scoped route, called in a round of each of
// the five states, as every role, on its own object and another's. The
// expectations are DESIGN.md's role table and "What each round state
// allows", with docs/DECISIONS.md ("Access"): viewers and departments see a
// round and anything of it once it is published (archived rounds were),
// evaluators the plans they were assigned once it is open, the office
// everything; what a caller may not see is a 404.

const (
	draft     = evaluation.RoundDraft
	open      = evaluation.RoundOpen
	closed    = evaluation.RoundScoringClosed
	published = evaluation.RoundPublished
	archived  = evaluation.RoundArchived
)

// roundStates is every state of a round, in the order of its life.
var roundStates = []evaluation.RoundStatus{draft, open, closed, published, archived}

// roundScopedPaths are the objects that belong to one round. Every GET
// route on them or below them reads something of a round, so it must have a
// row in the phase table (a route added without one fails the test).
var roundScopedPaths = []string{
	"/api/v1/rounds/:id", "/api/v1/assignments/:id", "/api/v1/scoresheets/:assignment_id", "/api/v1/findings/:id",
	"/api/v1/attachments/:id", "/api/v1/surveys/:id", "/api/v1/jobs/:id", "/api/v1/self-assessments/:id",
	"/api/v1/requests/:id",
}

// roundScoped reports whether a route reads an object of one round.
func roundScoped(method, path string) bool {
	if method != http.MethodGet {
		return false
	}
	return slices.ContainsFunc(roundScopedPaths, func(p string) bool { return path == p || strings.HasPrefix(path, p+"/") })
}

// roundState holds the objects of one round state: round A, where eval1
// rates P1 (市财政局) and eval2 rates P2 (市国资委), each with a submitted
// scoresheet and a finding whose response and evidence were submitted, a
// survey linked to P1 and finished report jobs of admin's and leader's; and
// round B, where only eval3 rates P3 (市发改委): nobody's own but the office's.
//
// Every round is built through publication and then set to its state, so
// that every state holds every kind of object: the phase rule must hide
// them whatever a round holds (findings are carried into new rounds, for
// one).
type roundState struct {
	fix        *authzFixture
	status     evaluation.RoundStatus
	a, b       *evaluation.Round
	a1, a2     *evaluation.AssignmentView
	f1, f2     *evaluation.Finding
	att1, att2 int64
	survey     *evaluation.Survey
	jobs       map[string]int64 // by creator: admin, leader
	q1, q2     answeredRequest  // requests for more material: eval1's on P1, eval2's on P2, answered with a file
	sa1, sa2   int64            // round A's submitted self-assessments of P1 and P2
}

// newRoundStates builds the objects of every round state on one database.
func (f *authzFixture) newRoundStates() map[evaluation.RoundStatus]*roundState {
	t, w, ctx := f.s.t, f.w, context.Background()
	gdb := env(f.s).DB.Gorm
	emptyZIP := "PK\x05\x06" + strings.Repeat("\x00", 18)
	zipKey := blobs.Key([]byte(emptyZIP))
	if err := w.Store.Blobs().Put(ctx, zipKey, strings.NewReader(emptyZIP)); err != nil {
		t.Fatal(err)
	}
	out := map[evaluation.RoundStatus]*roundState{}
	for _, st := range roundStates {
		rs := &roundState{fix: f, status: st, jobs: map[string]int64{}}
		rs.a, rs.b = w.NewRound("轮次A·"+string(st)), w.NewRound("轮次B·"+string(st))
		rs.a1, rs.a2 = w.Assign(rs.a, w.P1, w.Eval1), w.Assign(rs.a, w.P2, w.Eval2)
		b3 := w.Assign(rs.b, w.P3, w.Eval3)
		withSelfAssessment(t, w, rs.a)
		w.Move(rs.a, open)
		w.Move(rs.b, open)
		rs.sa1, rs.sa2 = selfAssessmentOf(t, w, rs.a.ID, w.P1.ID), selfAssessmentOf(t, w, rs.a.ID, w.P2.ID)
		submitSelf(t, w, w.DeptFinance, rs.sa1)
		submitSelf(t, w, w.DeptStateAssets, rs.sa2)
		w.Score(rs.a1, w.Eval1, w.FullAnswers(0.8))
		w.Score(rs.a2, w.Eval2, w.FullAnswers(0.7))
		w.Score(b3, w.Eval3, w.FullAnswers(0.9))
		f.approvedNarratives(rs.a, rs.a1, rs.a2)
		var err error
		if rs.f1, err = w.Store.CreateFinding(ctx, evaluation.ActorOf(w.Eval1), rs.a1.ID, findingRequest()); err != nil {
			t.Fatal(err)
		}
		if rs.f2, err = w.Store.CreateFinding(ctx, evaluation.ActorOf(w.Eval2), rs.a2.ID, findingRequest()); err != nil {
			t.Fatal(err)
		}
		rs.q1, rs.q2 = f.answered(rs.a1, w.Eval1, w.DeptFinance), f.answered(rs.a2, w.Eval2, w.DeptStateAssets)
		for _, next := range []evaluation.RoundStatus{closed, published} {
			w.Move(rs.a, next)
			w.Move(rs.b, next)
		}
		rs.att1 = f.attach(rs.f1, w.DeptFinance, true)
		rs.att2 = f.attach(rs.f2, w.DeptStateAssets, true)
		sr := evaltest.SurveyRequest()
		sr.Title = f.unique("问卷")
		sr.RoundID, sr.PlanID = &rs.a.ID, &w.P1.ID
		rs.survey = w.PublishedSurvey(sr)
		for _, u := range []*evaluation.User{w.Admin, w.Viewer} {
			j := evaluation.ReportJob{RoundID: rs.a.ID, Status: evaluation.JobDone, Done: 1, Total: 1, BlobKey: zipKey,
				Size: 22, CreatedBy: u.ID}
			if err := gdb.Create(&j).Error; err != nil {
				t.Fatal(err)
			}
			rs.jobs[u.Username] = j.ID
		}
		switch st {
		case archived:
			w.Move(rs.a, archived)
			w.Move(rs.b, archived)
		case draft, open, closed:
			if err := gdb.Model(&evaluation.Round{}).Where("id IN ?", []int64{rs.a.ID, rs.b.ID}).Update("status", st).Error; err != nil {
				t.Fatal(err)
			}
		}
		out[st] = rs
	}
	return out
}

// approvedNarratives makes a1 and a2 the leads of their plans in an open
// round, and has their conclusions written, submitted and approved.
func (f *authzFixture) approvedNarratives(r *evaluation.Round, as ...*evaluation.AssignmentView) {
	t, w, ctx := f.s.t, f.w, context.Background()
	yes := true
	for _, a := range as {
		if _, err := w.Store.UpdateAssignment(ctx, w.AdminActor(), a.ID, evaluation.AssignmentPatch{Lead: &yes}); err != nil {
			t.Fatal(err)
		}
		actor := evaluation.Actor{UserID: a.EvaluatorID, Username: a.EvaluatorName, Role: evaluation.RoleEvaluator, OrgID: a.AgencyID}
		v, err := w.Store.SaveNarrative(ctx, actor, r.ID, a.Plan.ID, evaluation.NarrativeRequest{Sections: narrativeSections()})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.SubmitNarrative(ctx, actor, r.ID, a.Plan.ID, v.Version); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.ApproveNarrative(ctx, w.AdminActor(), r.ID, a.Plan.ID); err != nil {
			t.Fatal(err)
		}
	}
}

// fresh makes a new round in the state, for writes that would change the
// state's shared objects: with eval1 on P1 and eval2 on P2 when assigned.
func (rs *roundState) fresh(assigned bool) (r *evaluation.Round, a1, a2 *evaluation.AssignmentView) {
	w := rs.fix.w
	r = w.NewRound(rs.fix.unique("新轮次"))
	if assigned {
		a1, a2 = w.Assign(r, w.P1, w.Eval1), w.Assign(r, w.P2, w.Eval2)
	}
	for _, st := range roundStates[1 : slices.Index(roundStates, rs.status)+1] {
		w.Move(r, st)
	}
	return r, a1, a2
}

// phases is a caller's expected statuses in each round state, in the order
// of roundStates.
type phases [5]want

// always: the same statuses in every state.
func always(own, other int) phases {
	var p phases
	for i := range p {
		p[i] = want{own, other}
	}
	return p
}

// from: the statuses once the round has reached st; before, the round is
// not the caller's to see (404).
func from(st evaluation.RoundStatus, own, other int) phases {
	return always(own, other).before(st, 404)
}

// before sets code for both objects in the states before st.
func (p phases) before(st evaluation.RoundStatus, code int) phases {
	for i := 0; i < slices.Index(roundStates, st); i++ {
		p[i] = want{code, code}
	}
	return p
}

// at sets the statuses in state st.
func (p phases) at(st evaluation.RoundStatus, own, other int) phases {
	p[slices.Index(roundStates, st)] = want{own, other}
	return p
}

// roles gives each role allowed on a route its statuses by state; a role
// not named gets 403 in every state, nobody logged in 401.
type roles map[string]phases

// stateReq builds a request on one state's objects.
type stateReq func(rs *roundState, caller string) req

// target is how a row reaches the caller's own object and another's.
type target struct{ own, other stateReq }

// on builds a target from the ids of the own and the other object.
func on(format string, own, other func(rs *roundState, caller string) []any) target {
	build := func(ids func(*roundState, string) []any) stateReq {
		return func(rs *roundState, caller string) req { return req{path: fmt.Sprintf(format, ids(rs, caller)...)} }
	}
	return target{own: build(own), other: build(other)}
}

func ids(v ...int64) []any {
	out := make([]any, len(v))
	for i, id := range v {
		out[i] = id
	}
	return out
}

// Targets of the phase table: own is round A (and what eval1, 市财政局 and
// leader own in it), other round B or what eval2, 市国资委 or admin own.
func inRound(format string) target {
	return on(format, func(rs *roundState, _ string) []any { return ids(rs.a.ID) },
		func(rs *roundState, _ string) []any { return ids(rs.b.ID) })
}

func onPlan(format string) target {
	w := func(rs *roundState, planID int64) []any { return ids(rs.a.ID, planID) }
	return on(format, func(rs *roundState, _ string) []any { return w(rs, rs.a1.Plan.ID) },
		func(rs *roundState, _ string) []any { return w(rs, rs.a2.Plan.ID) })
}

func onAssignment(format string) target {
	return on(format, func(rs *roundState, _ string) []any { return ids(rs.a1.ID) },
		func(rs *roundState, _ string) []any { return ids(rs.a2.ID) })
}

func onFinding(format string) target {
	return on(format, func(rs *roundState, _ string) []any { return ids(rs.f1.ID) },
		func(rs *roundState, _ string) []any { return ids(rs.f2.ID) })
}

func onAttachment(format string) target {
	return on(format, func(rs *roundState, _ string) []any { return ids(rs.att1) },
		func(rs *roundState, _ string) []any { return ids(rs.att2) })
}

func onSelfAssessment(format string) target {
	return on(format, func(rs *roundState, _ string) []any { return ids(rs.sa1) },
		func(rs *roundState, _ string) []any { return ids(rs.sa2) })
}

func onSurvey(format string) target {
	survey := func(rs *roundState, _ string) []any { return ids(rs.survey.ID) }
	return on(format, survey, survey)
}

// onJob: the caller's own job (admin's for those who have none), and the
// other reader's.
func onJob(format string) target {
	return on(format, func(rs *roundState, caller string) []any {
		if caller == asViewer {
			return ids(rs.jobs[asViewer])
		}
		return ids(rs.jobs[asAdmin])
	}, func(rs *roundState, caller string) []any {
		if caller == asViewer {
			return ids(rs.jobs[asAdmin])
		}
		return ids(rs.jobs[asViewer])
	})
}

// freshRound: a new round in the state, without assignments, for both
// objects; body gives the request's body.
func freshRound(format string, body func(rs *roundState) any) target {
	build := func(rs *roundState, _ string) req {
		r, _, _ := rs.fresh(false)
		rq := req{path: fmt.Sprintf(format, r.ID)}
		if body != nil {
			rq.body = body(rs)
		}
		return rq
	}
	return target{own: build, other: build}
}

// freshAssignment: eval1's and eval2's assignments in a new round in the state.
func freshAssignment(format string, body any) target {
	build := func(own bool) stateReq {
		return func(rs *roundState, _ string) req {
			_, a1, a2 := rs.fresh(true)
			if own {
				return req{path: fmt.Sprintf(format, a1.ID), body: body}
			}
			return req{path: fmt.Sprintf(format, a2.ID), body: body}
		}
	}
	return target{own: build(true), other: build(false)}
}

// phasedRow is a round-scoped route of the phase table.
type phasedRow struct {
	target
	want roles
}

func phased(tg target, r roles) phasedRow { return phasedRow{tg, r} }

// in is the row as the authorisation table runs it in one round state.
func (p phasedRow) in(rs *roundState) authzRow {
	i := slices.Index(roundStates, rs.status)
	e := only(0)
	for caller, ph := range p.want {
		e[caller] = ph[i]
	}
	// A caller refused for its role (401, 403) never reaches the object:
	// one request serves them all, so that writes build fewer new rounds.
	build := func(sr stateReq) func(*authzFixture, string) req {
		var refused *req
		return func(_ *authzFixture, caller string) req {
			if w := e[caller]; w.own != w.other || (w.own != http.StatusUnauthorized && w.own != http.StatusForbidden) {
				return sr(rs, caller)
			}
			if refused == nil {
				r := sr(rs, caller)
				refused = &r
			}
			return *refused
		}
	}
	return authzRow{own: build(p.own), other: build(p.other), want: e}
}

// phasedRows is the phase table: one row per round-scoped route.
func phasedRows() map[string]phasedRow {
	const v1 = "/api/v1"
	office := roles{asAdmin: always(200, 200)}
	// Read like the role table: the office always; evaluators their own
	// from the opening; departments their own and viewers everything from
	// publication.
	everyone := roles{asAdmin: always(200, 200), asEvaluator: from(open, 200, 404), asDept: from(published, 200, 404),
		asViewer: from(published, 200, 200)}
	// Requests for more material: departments see those on their plans
	// from the opening (they answer them), and answer until publication.
	askers := roles{asAdmin: always(200, 200), asEvaluator: from(open, 200, 404), asDept: from(open, 200, 404)}
	answerers := func(code int) roles {
		return roles{asDept: always(409, 404).at(draft, 404, 404).at(open, code, 404).at(closed, code, 404)}
	}
	issued := func(admin phases) roles { // reports: previews are the office's
		return roles{asAdmin: admin, asEvaluator: from(published, 200, 404), asDept: from(published, 200, 404),
			asViewer: from(published, 200, 200)}
	}
	return map[string]phasedRow{
		"GET /api/v1/rounds/:id":                          phased(inRound(v1+"/rounds/%d"), everyone),
		"GET /api/v1/rounds/:id/eligible-plans":           phased(inRound(v1+"/rounds/%d/eligible-plans"), office),
		"GET /api/v1/rounds/:id/assignments":              phased(inRound(v1+"/rounds/%d/assignments"), office),
		"GET /api/v1/assignments/:id":                     phased(onAssignment(v1+"/assignments/%d"), roles{asAdmin: always(200, 200), asEvaluator: from(open, 200, 404)}),
		"GET /api/v1/assignments/:id/findings":            phased(onAssignment(v1+"/assignments/%d/findings"), roles{asAdmin: always(200, 200), asEvaluator: from(open, 200, 404)}),
		"GET /api/v1/rounds/:id/results":                  phased(inRound(v1+"/rounds/%d/results"), roles{asAdmin: always(200, 200), asEvaluator: from(open, 200, 404), asViewer: from(published, 200, 200)}),
		"GET /api/v1/rounds/:id/plans/:plan_id/result":    phased(onPlan(v1+"/rounds/%d/plans/%d/result"), roles{asAdmin: always(200, 200), asEvaluator: from(open, 200, 404), asViewer: from(published, 200, 200)}),
		"GET /api/v1/rounds/:id/rectification":            phased(inRound(v1+"/rounds/%d/rectification"), roles{asAdmin: always(200, 200), asDept: from(published, 200, 404), asViewer: from(published, 200, 200)}),
		"GET /api/v1/rounds/:id/rectification.xlsx":       phased(inRound(v1+"/rounds/%d/rectification.xlsx"), roles{asAdmin: always(200, 200), asDept: from(published, 200, 404), asViewer: from(published, 200, 200)}),
		"GET /api/v1/rounds/:id/narratives":               phased(inRound(v1+"/rounds/%d/narratives"), office),
		"GET /api/v1/rounds/:id/readiness":                phased(inRound(v1+"/rounds/%d/readiness"), office),
		"GET /api/v1/rounds/:id/progress":                 phased(inRound(v1+"/rounds/%d/progress"), office),
		"GET /api/v1/rounds/:id/plans/:plan_id/narrative": phased(onPlan(v1+"/rounds/%d/plans/%d/narrative"), everyone),
		"GET /api/v1/findings/:id":                        phased(onFinding(v1+"/findings/%d"), everyone),
		"GET /api/v1/findings/:id/history":                phased(onFinding(v1+"/findings/%d/history"), everyone),
		"GET /api/v1/attachments/:id":                     phased(onAttachment(v1+"/attachments/%d"), everyone),
		"GET /api/v1/requests/:id":                        phased(onRequest(v1+"/requests/%d", nil), askers),
		// Self-assessments: the department fills its own in from the opening.
		"GET /api/v1/self-assessments/:id": phased(onSelfAssessment(v1+"/self-assessments/%d"), roles{asAdmin: always(200, 200),
			asEvaluator: from(open, 200, 404), asDept: from(open, 200, 404), asViewer: from(published, 200, 200)}),

		"GET /api/v1/rounds/:id/plans/:plan_id/evaluation-report.pdf":      phased(onPlan(v1+"/rounds/%d/plans/%d/evaluation-report.pdf"), issued(always(200, 200).before(closed, 409))),
		"GET /api/v1/rounds/:id/plans/:plan_id/evaluation-report/versions": phased(onPlan(v1+"/rounds/%d/plans/%d/evaluation-report/versions"), issued(always(200, 200).before(closed, 409))),
		"GET /api/v1/rounds/:id/plans/:plan_id/rectification-report.pdf":   phased(onPlan(v1+"/rounds/%d/plans/%d/rectification-report.pdf"), issued(always(200, 200).before(published, 409))),
		"GET /api/v1/rounds/:id/summary.pdf":                               phased(inRound(v1+"/rounds/%d/summary.pdf"), roles{asAdmin: always(200, 200).before(closed, 409), asViewer: from(published, 200, 200)}),
		"GET /api/v1/rounds/:id/issued-reports":                            phased(inRound(v1+"/rounds/%d/issued-reports"), roles{asAdmin: always(200, 200), asViewer: from(published, 200, 200)}),
		"GET /api/v1/rounds/:id/summary.xlsx":                              phased(inRound(v1+"/rounds/%d/summary.xlsx"), roles{asAdmin: always(200, 200).before(closed, 409), asViewer: from(published, 200, 200)}),
		"POST /api/v1/rounds/:id/reports":                                  phased(inRound(v1+"/rounds/%d/reports"), roles{asAdmin: always(202, 202).before(closed, 409), asViewer: from(published, 202, 202)}),
		"GET /api/v1/jobs/:id":                                             phased(onJob(v1+"/jobs/%d"), roles{asAdmin: always(200, 200), asViewer: from(published, 200, 404)}),
		"GET /api/v1/jobs/:id/download":                                    phased(onJob(v1+"/jobs/%d/download"), roles{asAdmin: always(200, 200), asViewer: from(published, 200, 404)}),

		// Writes whose answer depends on the round's state (DESIGN.md "What
		// each round state allows"; a wrong state is 409), on new rounds.
		"POST /api/v1/rounds/:id/open":           phased(freshRound(v1+"/rounds/%d/open", nil), roles{asAdmin: always(409, 409).at(draft, 200, 200)}),
		"POST /api/v1/rounds/:id/close-scoring":  phased(freshRound(v1+"/rounds/%d/close-scoring", nil), roles{asAdmin: always(409, 409).at(open, 200, 200)}),
		"POST /api/v1/rounds/:id/publish":        phased(freshRound(v1+"/rounds/%d/publish", nil), roles{asAdmin: always(409, 409).at(closed, 200, 200)}),
		"POST /api/v1/rounds/:id/archive":        phased(freshRound(v1+"/rounds/%d/archive", nil), roles{asAdmin: always(409, 409).at(published, 200, 200)}),
		"PATCH /api/v1/rounds/:id":               phased(freshRound(v1+"/rounds/%d", renamed), roles{asAdmin: always(200, 200).at(published, 409, 409).at(archived, 409, 409)}),
		"POST /api/v1/rounds/:id/assignments":    phased(freshRound(v1+"/rounds/%d/assignments", eval1OnP1), roles{asAdmin: always(409, 409).at(draft, 201, 201).at(open, 201, 201)}),
		"POST /api/v1/rounds/:id/auto-assign":    phased(freshRound(v1+"/rounds/%d/auto-assign", onePerPlan), roles{asAdmin: always(409, 409).at(draft, 201, 201).at(open, 201, 201)}),
		"DELETE /api/v1/assignments/:id":         phased(freshAssignment(v1+"/assignments/%d", nil), roles{asAdmin: always(204, 204).at(published, 409, 409).at(archived, 409, 409)}),
		"PUT /api/v1/assignments/:id/scoresheet": phased(freshAssignment(v1+"/assignments/%d/scoresheet", evaluation.ScoresheetRequest{Comment: "草稿"}), roles{asEvaluator: always(409, 404).at(draft, 404, 404).at(open, 200, 404)}),
		"POST /api/v1/rounds/:id/remind":         phased(inRound(v1+"/rounds/%d/remind"), roles{asAdmin: always(200, 200).at(draft, 409, 409).at(archived, 409, 409)}),
		"POST /api/v1/assignments/:id/requests":  phased(freshAssignment(v1+"/assignments/%d/requests", evaluation.RequestAsk{Question: "请补充预算执行台账"}), roles{asEvaluator: always(409, 404).at(draft, 404, 404).at(open, 201, 404)}),
		"POST /api/v1/requests/:id/answer":       phased(onRequest(v1+"/requests/%d/answer", evaluation.RequestAnswer{Answer: "已补充"}), answerers(200)),
		"POST /api/v1/requests/:id/attachments":  phased(onRequestUpload(v1+"/requests/%d/attachments"), answerers(201)),
		"POST /api/v1/assignments/:id/findings":  phased(freshAssignment(v1+"/assignments/%d/findings", findingRequest()), roles{asEvaluator: always(409, 404).at(draft, 404, 404).at(open, 201, 404)}),

		// Surveys linked to a round: viewers read their results once the round is published.
		"GET /api/v1/surveys/:id":                phased(onSurvey(v1+"/surveys/%d"), roles{asAdmin: always(200, 200), asViewer: from(published, 200, 200)}),
		"GET /api/v1/surveys/:id/results":        phased(onSurvey(v1+"/surveys/%d/results"), roles{asAdmin: always(200, 200), asViewer: from(published, 200, 200)}),
		"GET /api/v1/surveys/:id/responses.xlsx": phased(onSurvey(v1+"/surveys/%d/responses.xlsx"), office),
		"GET /api/v1/surveys/:id/qr.png":         phased(onSurvey(v1+"/surveys/%d/qr.png"), office),
	}
}

func renamed(rs *roundState) any {
	name := rs.fix.unique("改名轮次")
	return evaluation.RoundPatch{Name: &name}
}

func eval1OnP1(rs *roundState) any {
	return evaluation.AssignmentRequest{PlanID: rs.fix.w.P1.ID, EvaluatorID: rs.fix.w.Eval1.ID}
}

func onePerPlan(*roundState) any { return map[string]int{"raters_per_plan": 1} }

// checkListsByPhase checks that lists show a round's objects in the same
// states as the phase table: a round a caller may not see is not in its
// lists, nor anything of it.
func checkListsByPhase(t *testing.T, s *server, f *authzFixture) {
	t.Helper()
	// listed: n objects of round A once the round has reached from, none before.
	type listed struct {
		from evaluation.RoundStatus
		n    int
	}
	for _, st := range roundStates {
		rs := f.states[st]
		lists := []struct {
			path  string
			field string // of the items naming round A
			want  map[string]listed
		}{
			{"/api/v1/rounds?per_page=500", "id", map[string]listed{asAdmin: {draft, 1}, asEvaluator: {open, 1}, asDept: {published, 1}, asViewer: {published, 1}}},
			{fmt.Sprintf("/api/v1/findings?round_id=%d", rs.a.ID), "round_id", map[string]listed{asAdmin: {draft, 2}, asEvaluator: {open, 1}, asDept: {published, 1}, asViewer: {published, 2}}},
			{fmt.Sprintf("/api/v1/surveys?round_id=%d", rs.a.ID), "round_id", map[string]listed{asAdmin: {draft, 1}, asViewer: {published, 1}}},
			{fmt.Sprintf("/api/v1/assignments?round_id=%d", rs.a.ID), "round_id", map[string]listed{asEvaluator: {open, 1}}},
			{fmt.Sprintf("/api/v1/requests?round_id=%d", rs.a.ID), "round_id", map[string]listed{asAdmin: {draft, 2}, asEvaluator: {open, 1}, asDept: {open, 1}}},
			{fmt.Sprintf("/api/v1/self-assessments?round_id=%d", rs.a.ID), "round_id", map[string]listed{asAdmin: {draft, 2},
				asEvaluator: {open, 1}, asDept: {open, 1}, asViewer: {published, 2}}},
		}
		for _, l := range lists {
			for caller, exp := range l.want {
				var body struct{ Items []map[string]any }
				s.call(http.MethodGet, l.path, s.token(caller), nil).want(http.StatusOK).decode(&body)
				n := 0
				for _, it := range body.Items {
					// Findings carried in from the fixture's earlier published
					// rounds are objects of their own (TestCarryOver): not counted.
					if it["carried_from_finding_id"] != nil {
						continue
					}
					if v, ok := it[l.field].(float64); ok && int64(v) == rs.a.ID {
						n++
					}
				}
				want := 0
				if slices.Index(roundStates, st) >= slices.Index(roundStates, exp.from) {
					want = exp.n
				}
				if n != want {
					t.Errorf("GET %s as %s with the round %s: %d of its objects listed, want %d", l.path, caller, st, n, want)
				}
			}
		}
	}
}

// TestViewerSeesResultsOnlyOncePublished: results leak nowhere before the
// office publishes them — a viewer's results, per-plan result and list of
// rounds hold nothing of an open or scoring-closed round.
func TestViewerSeesResultsOnlyOncePublished(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		w := s.w
		a := w.Assign(w.Round, w.P1, w.Eval1)
		w.Move(w.Round, open)
		w.Score(a, w.Eval1, w.FullAnswers(0.8))
		results := fmt.Sprintf("/api/v1/rounds/%d/results", w.Round.ID)
		result := fmt.Sprintf("/api/v1/rounds/%d/plans/%d/result", w.Round.ID, w.P1.ID)
		leader := s.token(asViewer)
		for _, st := range []evaluation.RoundStatus{open, closed, published} {
			if st != open {
				w.Move(w.Round, st)
			}
			code := http.StatusNotFound
			if st == published {
				code = http.StatusOK
			}
			for _, path := range []string{results, result} {
				if r := s.call(http.MethodGet, path, leader, nil); r.Code != code {
					t.Errorf("viewer GET %s in a %s round: %d, want %d; body %.200s", path, st, r.Code, code, r.Body)
				}
			}
			var rounds struct{ Items []evaluation.Round }
			s.call(http.MethodGet, "/api/v1/rounds", leader, nil).want(http.StatusOK).decode(&rounds)
			if listed := len(rounds.Items) == 1 && rounds.Items[0].ID == w.Round.ID; listed != (st == published) {
				t.Errorf("viewer's rounds in a %s round: %+v", st, rounds.Items)
			}
		}
		var items struct{ Items []evaluation.ResultItem }
		s.call(http.MethodGet, results, leader, nil).want(http.StatusOK).decode(&items)
		if len(items.Items) != 1 || items.Items[0].PlanID != w.P1.ID || items.Items[0].Total == nil {
			t.Errorf("published results for the viewer: %+v", items.Items)
		}
	})
}
