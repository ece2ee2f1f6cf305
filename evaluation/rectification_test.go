package evaluation_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

func TestFindingsVisibleByRole(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		finance := evaluation.ActorOf(w.DeptFinance)
		// Nothing reaches departments before publication.
		a := w.Assign(w.Round, w.P1, w.Eval1)
		w.Move(w.Round, evaluation.RoundOpen)
		f, err := w.Store.CreateFinding(ctx, evaluation.ActorOf(w.Eval1), a.ID, evaluation.FindingRequest{Severity: "minor",
			Description: "未公开的问题", Recommendation: "整改"})
		if err != nil {
			t.Fatal(err)
		}
		if list, err := w.Store.Findings(ctx, finance, evaluation.FindingFilter{}); err != nil || list.Total != 0 {
			t.Fatalf("a department sees %d unpublished findings (%v)", list.Total, err)
		}
		if _, err := w.Store.Finding(ctx, finance, f.ID); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("unpublished finding: %v", err)
		}
		if list, err := w.Store.Findings(ctx, evaluation.ActorOf(w.Viewer), evaluation.FindingFilter{}); err != nil || list.Total != 0 {
			t.Fatalf("a viewer sees %d unpublished findings (%v)", list.Total, err)
		}
		if err := w.Store.DeleteFinding(ctx, evaluation.ActorOf(w.Eval1), f.ID); err != nil {
			t.Fatal(err)
		}
	})
}

func TestRectificationLoop(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		p := w.PublishRound()
		ctx := context.Background()
		finance, assets := evaluation.ActorOf(w.DeptFinance), evaluation.ActorOf(w.DeptStateAssets)
		eval1, eval2 := evaluation.ActorOf(w.Eval1), evaluation.ActorOf(w.Eval2)

		list, err := w.Store.Findings(ctx, finance, evaluation.FindingFilter{})
		if err != nil || list.Total != 2 {
			t.Fatalf("finance sees %d findings (%v), want the 2 on P1", list.Total, err)
		}
		for _, f := range list.Items {
			if f.EvaluatorID != nil || f.AssignmentID != nil {
				t.Fatalf("a department learns who raised a finding: %+v", f)
			}
		}
		due := map[int64]evaluation.Date{p.P1Critical.ID: "2026-06-09", p.P1Minor.ID: "2026-08-08"}
		for _, f := range list.Items {
			if f.DueOn == nil || *f.DueOn != due[f.ID] || f.Status != evaluation.FindingOpen || f.Overdue {
				t.Errorf("finding %d: due %v status %s overdue %v, want due %s, open", f.ID, f.DueOn, f.Status, f.Overdue, due[f.ID])
			}
		}
		if _, err := w.Store.Finding(ctx, assets, p.P1Critical.ID); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("another department reads a finding: %v", err)
		}
		if _, err := w.Store.SaveResponse(ctx, assets, p.P1Critical.ID, evaltest.DeptAnswer()); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("another department answers: %v", err)
		}

		// A response cannot be submitted before it is written; a completed
		// one needs its date.
		if _, err := w.Store.SubmitResponse(ctx, finance, p.P1Critical.ID, nil); err == nil {
			t.Fatal("submitted an unwritten response")
		}
		done := evaltest.DeptAnswer()
		done.Progress = evaluation.ProgressCompleted
		_, err = w.Store.SaveResponse(ctx, finance, p.P1Critical.ID, done)
		wantInvalid(t, err, "completed_on")

		r, err := w.Store.SaveResponse(ctx, finance, p.P1Critical.ID, evaltest.DeptAnswer())
		if err != nil || r.Status != evaluation.ResponseDraft || r.Version != 1 {
			t.Fatalf("save: %+v, %v", r, err)
		}
		stale := 0
		bad := evaltest.DeptAnswer()
		bad.Version = &stale
		if _, err := w.Store.SaveResponse(ctx, finance, p.P1Critical.ID, bad); !errors.Is(err, evaluation.ErrStaleVersion) {
			t.Fatalf("stale response save: %v", err)
		}
		// Evaluators do not see a department's draft.
		fv, err := w.Store.Finding(ctx, eval1, p.P1Critical.ID)
		if err != nil || fv.Response != nil {
			t.Fatalf("the evaluator sees the draft: %+v, %v", fv.Response, err)
		}
		fv, err = w.Store.SubmitResponse(ctx, finance, p.P1Critical.ID, nil)
		if err != nil || fv.Status != evaluation.FindingResponded || fv.Response.Status != evaluation.ResponseSubmitted {
			t.Fatalf("submit: %+v, %v", fv, err)
		}
		_, err = w.Store.SaveResponse(ctx, finance, p.P1Critical.ID, evaltest.DeptAnswer())
		wantConflict(t, err, "awaiting_verdict")
		_, err = w.Store.SubmitResponse(ctx, finance, p.P1Critical.ID, nil)
		wantConflict(t, err, "awaiting_verdict")

		// Only the evaluator who raised it (or an admin) gives the verdict.
		if _, err := w.Store.Verify(ctx, eval2, p.P1Critical.ID, evaluation.VerifyRequest{Verdict: "accepted"}); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("another evaluator verifies: %v", err)
		}
		_, err = w.Store.Verify(ctx, eval1, p.P1Critical.ID, evaluation.VerifyRequest{Verdict: "returned"})
		wantInvalid(t, err, "comment")
		fv, err = w.Store.Verify(ctx, eval1, p.P1Critical.ID, evaluation.VerifyRequest{Verdict: "returned", Comment: "请补充印发时间表"})
		if err != nil || fv.Status != evaluation.FindingReturned {
			t.Fatalf("return: %+v, %v", fv, err)
		}
		_, err = w.Store.Verify(ctx, eval1, p.P1Critical.ID, evaluation.VerifyRequest{Verdict: "accepted"})
		wantConflict(t, err, "not_responded")

		// The department answers again; the first version and its return stay.
		second := evaltest.DeptAnswer()
		second.Measures = "《绩效目标管理办法》已于2026年5月20日印发（成财发〔2026〕12号）。"
		second.Progress, second.CompletedOn = evaluation.ProgressCompleted, ptr("2026-05-20")
		env.Clock.Set(time.Date(2026, 5, 25, 10, 0, 0, 0, evaltest.Shanghai))
		if _, err := w.Store.SaveResponse(ctx, finance, p.P1Critical.ID, second); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.SubmitResponse(ctx, finance, p.P1Critical.ID, nil); err != nil {
			t.Fatal(err)
		}
		fv, err = w.Store.Verify(ctx, w.AdminActor(), p.P1Critical.ID, evaluation.VerifyRequest{Verdict: "accepted", Comment: "同意销号"})
		if err != nil || fv.Status != evaluation.FindingAccepted || fv.Overdue {
			t.Fatalf("accept: %+v, %v", fv, err)
		}
		_, err = w.Store.SaveResponse(ctx, finance, p.P1Critical.ID, second)
		wantConflict(t, err, "accepted")

		h, err := w.Store.History(ctx, finance, p.P1Critical.ID)
		if err != nil || len(h.Versions) != 2 {
			t.Fatalf("history: %+v, %v", h, err)
		}
		v1, v2 := h.Versions[0], h.Versions[1]
		if v1.Number != 1 || v1.Measures != evaltest.DeptAnswer().Measures || v1.Verdict == nil ||
			v1.Verdict.Verdict != evaluation.VerdictReturned || v1.Verdict.Comment != "请补充印发时间表" ||
			v1.Verdict.VerifierRole != evaluation.RoleEvaluator || v1.Verdict.VerifiedBy != nil {
			t.Errorf("first version: %+v verdict %+v", v1, v1.Verdict)
		}
		if v2.Number != 2 || v2.Measures != second.Measures || v2.Verdict == nil || v2.Verdict.Verdict != evaluation.VerdictAccepted ||
			v2.Verdict.VerifierRole != evaluation.RoleAdmin {
			t.Errorf("second version: %+v verdict %+v", v2, v2.Verdict)
		}
		if h, err := w.Store.History(ctx, eval1, p.P1Critical.ID); err != nil || h.Versions[0].Verdict.VerifiedBy == nil {
			t.Errorf("the evaluator's history: %+v, %v", h, err)
		}

		// Every write of the loop is in the audit chain.
		events, err := w.Store.ListAudit(ctx, evaluation.AuditFilter{Entity: "finding", EntityID: p.P1Critical.ID, Page: evaluation.Page{PerPage: 100}})
		if err != nil {
			t.Fatal(err)
		}
		actions := map[string]int{}
		for _, e := range events.Items {
			actions[e.Action]++
		}
		for action, n := range map[string]int{"response.save": 2, "response.submit": 2, "finding.verify": 2} {
			if actions[action] != n {
				t.Errorf("%d %s events, want %d (all: %v)", actions[action], action, n, actions)
			}
		}
		if _, err := w.Store.VerifyAudit(ctx); err != nil {
			t.Fatal(err)
		}

		// Archived rounds are read-only.
		w.Move(w.Round, evaluation.RoundArchived)
		_, err = w.Store.SaveResponse(ctx, finance, p.P1Minor.ID, evaltest.DeptAnswer())
		wantConflict(t, err, "archived")
		if list, err := w.Store.Findings(ctx, finance, evaluation.FindingFilter{}); err != nil || list.Total != 2 {
			t.Fatalf("an archived round's findings vanished: %d (%v)", list.Total, err)
		}
	})
}

func ptr[T any](v T) *T { return &v }

func TestOverdueAndRectificationRates(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		p := w.PublishRound()
		ctx := context.Background()
		finance := evaluation.ActorOf(w.DeptFinance)
		// Accept P1's minor finding, then move past the critical one's due date.
		if _, err := w.Store.SaveResponse(ctx, finance, p.P1Minor.ID, evaltest.DeptAnswer()); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.SubmitResponse(ctx, finance, p.P1Minor.ID, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.Verify(ctx, evaluation.ActorOf(w.Eval2), p.P1Minor.ID, evaluation.VerifyRequest{Verdict: "accepted"}); err != nil {
			t.Fatal(err)
		}
		env.Clock.Set(time.Date(2026, 6, 10, 9, 0, 0, 0, evaltest.Shanghai)) // critical was due 06-09
		yes := true
		list, err := w.Store.Findings(ctx, w.AdminActor(), evaluation.FindingFilter{Overdue: &yes})
		if err != nil || list.Total != 1 || list.Items[0].ID != p.P1Critical.ID || !list.Items[0].Overdue {
			t.Fatalf("overdue findings: %+v, %v", list, err)
		}
		all, err := w.Store.Findings(ctx, w.AdminActor(), evaluation.FindingFilter{})
		if err != nil || all.Items[0].ID != p.P1Critical.ID {
			t.Fatalf("overdue findings come first: %+v", all.Items)
		}
		rect, err := w.Store.RoundRectification(ctx, w.AdminActor(), w.Round.ID)
		if err != nil {
			t.Fatal(err)
		}
		plans := map[int64]evaluation.PlanRectification{}
		for _, pr := range rect.Plans {
			plans[pr.PlanID] = pr
		}
		if p1 := plans[w.P1.ID]; p1.Published != 2 || p1.Accepted != 1 || p1.Overdue != 1 || p1.Rate == nil || *p1.Rate != 5000 {
			t.Errorf("P1 progress: %+v", p1)
		}
		if p2 := plans[w.P2.ID]; p2.Published != 1 || p2.Accepted != 0 || p2.Overdue != 0 || *p2.Rate != 0 {
			t.Errorf("P2 progress: %+v", p2)
		}
		if len(rect.Departments) != 2 || rect.Departments[0].DepartmentID != w.Finance.ID || rect.Departments[0].Overdue != 1 {
			t.Errorf("departments (most overdue first): %+v", rect.Departments)
		}
		mine, err := w.Store.RoundRectification(ctx, finance, w.Round.ID)
		if err != nil || len(mine.Plans) != 1 || len(mine.Departments) != 1 || mine.Departments[0].DepartmentID != w.Finance.ID {
			t.Fatalf("a department's own progress: %+v, %v", mine, err)
		}
		if evaluation.NewRate(2, 3).Float64() != 0.6667 || evaluation.NewRate(1, 8).Float64() != 0.125 || evaluation.NewRate(0, 0) != nil {
			t.Error("rates are rounded half up to 4 decimals")
		}
	})
}

func TestNotificationsReachOnlyTheirReaders(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		second := w.User("finance2", evaluation.RoleDepartment, w.Finance)
		p := w.PublishRound()
		ctx := context.Background()
		inbox := func(u *evaluation.User) []evaluation.Notification {
			t.Helper()
			l, err := w.Store.Notifications(ctx, evaluation.ActorOf(u), evaluation.NotificationFilter{})
			if err != nil {
				t.Fatal(err)
			}
			return l.Items
		}
		for _, u := range []*evaluation.User{w.DeptFinance, second, w.DeptStateAssets} {
			n := inbox(u)
			if len(n) != 1 || n[0].Kind != evaluation.NoticePublished {
				t.Fatalf("%s after publication: %+v", u.Username, n)
			}
		}
		if !strings.Contains(inbox(w.DeptFinance)[0].Body, "2个问题") {
			t.Errorf("finance's message: %s", inbox(w.DeptFinance)[0].Body)
		}
		if n := inbox(w.Eval1); len(n) != 0 {
			t.Fatalf("an evaluator got %+v on publication", n)
		}
		finance := evaluation.ActorOf(w.DeptFinance)
		if _, err := w.Store.SaveResponse(ctx, finance, p.P1Critical.ID, evaltest.DeptAnswer()); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.SubmitResponse(ctx, finance, p.P1Critical.ID, nil); err != nil {
			t.Fatal(err)
		}
		if n := inbox(w.Eval1); len(n) != 1 || n[0].Kind != evaluation.NoticeAwaitingVerdict {
			t.Fatalf("the raising evaluator: %+v", n)
		}
		if n := inbox(w.Eval2); len(n) != 0 {
			t.Fatalf("another evaluator was told: %+v", n)
		}
		if _, err := w.Store.Verify(ctx, evaluation.ActorOf(w.Eval1), p.P1Critical.ID, evaluation.VerifyRequest{Verdict: "returned", Comment: "证据不足"}); err != nil {
			t.Fatal(err)
		}
		for _, u := range []*evaluation.User{w.DeptFinance, second} {
			n := inbox(u)
			if n[0].Kind != evaluation.NoticeReturned || !strings.Contains(n[0].Body, "证据不足") {
				t.Fatalf("%s after the return: %+v", u.Username, n[0])
			}
			for _, m := range n {
				for _, secret := range []string{w.Eval1.Username, w.Eval2.Username, w.SCU.Name, w.UESTC.Name} {
					if strings.Contains(m.Title+m.Body, secret) {
						t.Errorf("a department's notification names %q: %s", secret, m.Body)
					}
				}
			}
		}
		if n := inbox(w.DeptStateAssets); len(n) != 1 {
			t.Fatalf("another department heard of P1: %+v", n)
		}
		// Reading marks one's own notification only.
		mine := inbox(w.DeptFinance)[0]
		if _, err := w.Store.MarkNotificationRead(ctx, evaluation.ActorOf(second), mine.ID); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("reading another's notification: %v", err)
		}
		if n, err := w.Store.MarkNotificationRead(ctx, finance, mine.ID); err != nil || n.ReadAt == nil {
			t.Fatal(err)
		}
		l, err := w.Store.Notifications(ctx, finance, evaluation.NotificationFilter{Unread: true})
		if err != nil || l.Total != 1 || l.Unread != 1 {
			t.Fatalf("unread: %+v, %v", l, err)
		}
	})
}

func TestDeadlineSweepAndRemind(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		p := w.PublishRound()
		ctx := context.Background()
		count := func(u *evaluation.User, kind evaluation.NoticeKind) int {
			l, err := w.Store.Notifications(ctx, evaluation.ActorOf(u), evaluation.NotificationFilter{Page: evaluation.Page{PerPage: 500}})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, x := range l.Items {
				if x.Kind == kind {
					n++
				}
			}
			return n
		}
		env.Clock.Set(time.Date(2026, 6, 3, 8, 0, 0, 0, evaltest.Shanghai)) // critical due 06-09: within 7 days
		n, err := w.Store.SweepDeadlines(ctx)
		if err != nil || n != 1 || count(w.DeptFinance, evaluation.NoticeDueSoon) != 1 {
			t.Fatalf("due-soon sweep: %d, %v", n, err)
		}
		if n, err := w.Store.SweepDeadlines(ctx); err != nil || n != 0 {
			t.Fatalf("a second sweep added %d (%v)", n, err)
		}
		env.Clock.Set(time.Date(2026, 6, 10, 8, 0, 0, 0, evaltest.Shanghai))
		if n, err := w.Store.SweepDeadlines(ctx); err != nil || n != 1 || count(w.DeptFinance, evaluation.NoticeOverdue) != 1 {
			t.Fatalf("overdue sweep: %d, %v", n, err)
		}
		// Chasing: finance and assets owe responses; eval1 owes a verdict.
		finance := evaluation.ActorOf(w.DeptFinance)
		if _, err := w.Store.SaveResponse(ctx, finance, p.P1Critical.ID, evaltest.DeptAnswer()); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.SubmitResponse(ctx, finance, p.P1Critical.ID, nil); err != nil {
			t.Fatal(err)
		}
		res, err := w.Store.Remind(ctx, w.AdminActor(), w.Round.ID, evaluation.RemindRequest{})
		if err != nil || res.Notified != 3 {
			t.Fatalf("remind: %+v, %v; want finance (P1 minor open), assets and eval1", res, err)
		}
		for _, u := range []*evaluation.User{w.DeptFinance, w.DeptStateAssets, w.Eval1} {
			if count(u, evaluation.NoticeReminder) != 1 {
				t.Errorf("%s got no reminder", u.Username)
			}
		}
		if count(w.Eval2, evaluation.NoticeReminder) != 0 || count(w.Eval3, evaluation.NoticeReminder) != 0 {
			t.Error("someone who owes nothing was chased")
		}
	})
}

func TestRemindChasesUnsubmittedScoresheets(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		a1 := w.Assign(w.Round, w.P1, w.Eval1)
		w.Assign(w.Round, w.P2, w.Eval2)
		_, err := w.Store.Remind(ctx, w.AdminActor(), w.Round.ID, evaluation.RemindRequest{})
		wantConflict(t, err, "wrong_state")
		w.Move(w.Round, evaluation.RoundOpen)
		w.Score(a1, w.Eval1, w.FullAnswers(0.5))
		res, err := w.Store.Remind(ctx, w.AdminActor(), w.Round.ID, evaluation.RemindRequest{})
		if err != nil || res.Notified != 1 {
			t.Fatalf("remind: %+v, %v (only eval2 owes a scoresheet)", res, err)
		}
		todo, err := w.Store.Todo(ctx, evaluation.ActorOf(w.Eval2))
		if err != nil || len(todo) != 1 || todo[0].Kind != "scoresheet" || *todo[0].DueOn != "2026-04-30" {
			t.Fatalf("eval2's todo: %+v, %v", todo, err)
		}
		if todo, err := w.Store.Todo(ctx, evaluation.ActorOf(w.Eval1)); err != nil || len(todo) != 0 {
			t.Fatalf("eval1 submitted, but has %+v (%v)", todo, err)
		}
		admin, err := w.Store.Todo(ctx, w.AdminActor())
		if err != nil || len(admin) != 1 || admin[0].Kind != "missing_scoresheets" || admin[0].Count != 1 {
			t.Fatalf("admin todo: %+v, %v", admin, err)
		}
	})
}

func TestTodoMostUrgentFirst(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		p := w.PublishRound()
		ctx := context.Background()
		finance := evaluation.ActorOf(w.DeptFinance)
		env.Clock.Set(time.Date(2026, 6, 10, 9, 0, 0, 0, evaltest.Shanghai))
		todo, err := w.Store.Todo(ctx, finance)
		if err != nil || len(todo) != 2 {
			t.Fatalf("finance todo: %+v, %v", todo, err)
		}
		if todo[0].EntityID != p.P1Critical.ID || !todo[0].Overdue || todo[1].EntityID != p.P1Minor.ID || todo[1].Overdue {
			t.Fatalf("overdue first: %+v", todo)
		}
		if _, err := w.Store.SaveResponse(ctx, finance, p.P1Minor.ID, evaltest.DeptAnswer()); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.SubmitResponse(ctx, finance, p.P1Minor.ID, nil); err != nil {
			t.Fatal(err)
		}
		if todo, err := w.Store.Todo(ctx, finance); err != nil || len(todo) != 1 {
			t.Fatalf("a responded finding is still to do: %+v (%v)", todo, err)
		}
		ev, err := w.Store.Todo(ctx, evaluation.ActorOf(w.Eval2))
		if err != nil || len(ev) != 1 || ev[0].Kind != "verify" || ev[0].EntityID != p.P1Minor.ID {
			t.Fatalf("eval2 todo: %+v, %v", ev, err)
		}
		admin, err := w.Store.Todo(ctx, w.AdminActor())
		if err != nil || len(admin) != 1 || admin[0].Kind != "awaiting_verdicts" {
			t.Fatalf("admin todo: %+v, %v", admin, err)
		}
		if v, err := w.Store.Todo(ctx, evaluation.ActorOf(w.Viewer)); err != nil || len(v) != 0 {
			t.Fatalf("viewer todo: %+v (%v)", v, err)
		}
	})
}

func TestEvidenceAttachments(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		p := w.PublishRound()
		ctx := context.Background()
		finance, assets := evaluation.ActorOf(w.DeptFinance), evaluation.ActorOf(w.DeptStateAssets)
		blobDir := filepath.Join(env.DataDir, "blobs")
		pdf := []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
		for _, bad := range []struct {
			name string
			data []byte
		}{
			{"整改说明.pdf", []byte("<html><script>alert(1)</script></html>")},
			{"../../etc/passwd.pdf", pdf},
			{"a/b.pdf", pdf},
			{"empty.pdf", nil},
		} {
			_, err := w.Store.AddAttachment(ctx, finance, p.P1Critical.ID, evaluation.BytesUpload(bad.name, bad.data))
			wantInvalid(t, err, "file")
		}
		if files := countFiles(t, blobDir); files != 0 {
			t.Fatalf("refused files left %d blobs behind", files)
		}
		if _, err := w.Store.AddAttachment(ctx, assets, p.P1Critical.ID, evaluation.BytesUpload("x.pdf", pdf)); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("another department attaches: %v", err)
		}
		a, err := w.Store.AddAttachment(ctx, finance, p.P1Critical.ID, evaluation.BytesUpload("整改方案（2026）.pdf", pdf))
		if err != nil || a.ContentType != "application/pdf" || a.Size != int64(len(pdf)) || len(a.SHA256) != 64 {
			t.Fatalf("attach: %+v, %v", a, err)
		}
		gone, err := w.Store.AddAttachment(ctx, finance, p.P1Critical.ID, evaluation.BytesUpload("删掉的.pdf", pdf))
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Store.DeleteAttachment(ctx, finance, gone.ID); err != nil {
			t.Fatalf("delete a draft attachment: %v", err)
		}
		if files := countFiles(t, blobDir); files != 1 {
			t.Fatalf("%d blobs: one file, stored once by its content", files)
		}
		// Before submission only the department sees the file.
		if _, _, err := w.Store.OpenAttachment(ctx, evaluation.ActorOf(w.Eval1), a.ID); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("the evaluator opens draft evidence: %v", err)
		}
		if _, err := w.Store.SaveResponse(ctx, finance, p.P1Critical.ID, evaltest.DeptAnswer()); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.SubmitResponse(ctx, finance, p.P1Critical.ID, nil); err != nil {
			t.Fatal(err)
		}
		_, rc, err := w.Store.OpenAttachment(ctx, evaluation.ActorOf(w.Eval1), a.ID)
		if err != nil {
			t.Fatalf("the evaluator opens submitted evidence: %v", err)
		}
		var buf bytes.Buffer
		if _, err := buf.ReadFrom(rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
		if !bytes.Equal(buf.Bytes(), pdf) {
			t.Fatal("the evidence came back changed")
		}
		if _, _, err := w.Store.OpenAttachment(ctx, assets, a.ID); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("another department opens it: %v", err)
		}
		wantConflict(t, w.Store.DeleteAttachment(ctx, finance, a.ID), "submitted")
		h, err := w.Store.History(ctx, evaluation.ActorOf(w.Viewer), p.P1Critical.ID)
		if err != nil || len(h.Versions) != 1 || len(h.Versions[0].Attachments) != 1 || h.Versions[0].Attachments[0].Name != "整改方案（2026）.pdf" {
			t.Fatalf("the version keeps its evidence: %+v, %v", h, err)
		}
	})
}

func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) { // no directory yet: no files
		t.Fatal(err)
	}
	return n
}

func TestDeleteAssignmentToReplaceAnEvaluator(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		idle := w.Assign(w.Round, w.P1, w.Eval3)
		busy := w.Assign(w.Round, w.P2, w.Eval1)
		noted := w.Assign(w.Round, w.P3, w.Eval2)
		w.Move(w.Round, evaluation.RoundOpen)
		w.Score(busy, w.Eval1, w.FullAnswers(0.5))
		if _, err := w.Store.CreateFinding(ctx, evaluation.ActorOf(w.Eval2), noted.ID, evaluation.FindingRequest{Severity: "minor",
			Description: "问题", Recommendation: "建议"}); err != nil {
			t.Fatal(err)
		}
		if err := w.Store.DeleteAssignment(ctx, w.AdminActor(), idle.ID); err != nil {
			t.Fatalf("delete an idle assignment: %v", err)
		}
		wantConflict(t, w.Store.DeleteAssignment(ctx, w.AdminActor(), busy.ID), "submitted")
		wantConflict(t, w.Store.DeleteAssignment(ctx, w.AdminActor(), noted.ID), "has_findings")
		if err := w.Store.DeleteAssignment(ctx, w.AdminActor(), idle.ID); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("delete twice: %v", err)
		}
		// Its replacement.
		w.Assign(w.Round, w.P1, w.Eval4)
		// A finding raised on an assignment whose sheet is reopened keeps its history.
		if _, err := w.Store.ReopenScoresheet(ctx, w.AdminActor(), busy.ID); err != nil {
			t.Fatal(err)
		}
		if list, err := w.Store.AssignmentFindings(ctx, w.AdminActor(), noted.ID); err != nil || len(list) != 1 {
			t.Fatalf("findings after a reopen: %+v, %v", list, err)
		}
	})
}
