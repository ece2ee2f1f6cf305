package api_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// selfDue is the self-assessment due date of the test rounds (the fixed
// clock stands at 2026-03-02).
const selfDue = "2026-04-15"

// selfRound is an open round with a self-assessment: eval1 rates P1
// (市财政局) and eval2 P2 (市国资委); sa1 and sa2 are their plans'
// self-assessments.
type selfRound struct {
	r        *evaluation.Round
	a1, a2   *evaluation.AssignmentView
	sa1, sa2 int64
}

// withSelfAssessment gives a draft round a self-assessment due date.
func withSelfAssessment(t testing.TB, w *evaltest.World, r *evaluation.Round) {
	t.Helper()
	due := selfDue
	if _, err := w.Store.UpdateRound(context.Background(), w.AdminActor(), r.ID, evaluation.RoundPatch{SelfAssessmentDue: &due}); err != nil {
		t.Fatal(err)
	}
}

// selfAssessmentOf returns the id of a plan's self-assessment in a round.
func selfAssessmentOf(t testing.TB, w *evaltest.World, roundID, planID int64) int64 {
	t.Helper()
	list, err := w.Store.SelfAssessments(context.Background(), w.AdminActor(), evaluation.SelfAssessmentFilter{RoundID: roundID, PlanID: planID})
	if err != nil || len(list.Items) != 1 {
		t.Fatalf("self-assessment of plan %d in round %d: %+v %v", planID, roundID, list.Items, err)
	}
	return list.Items[0].ID
}

func newSelfRound(t testing.TB, w *evaltest.World, name string) *selfRound {
	t.Helper()
	sr := &selfRound{r: w.NewRound(name)}
	withSelfAssessment(t, w, sr.r)
	sr.a1, sr.a2 = w.Assign(sr.r, w.P1, w.Eval1), w.Assign(sr.r, w.P2, w.Eval2)
	w.Move(sr.r, evaluation.RoundOpen)
	sr.sa1, sr.sa2 = selfAssessmentOf(t, w, sr.r.ID, w.P1.ID), selfAssessmentOf(t, w, sr.r.ID, w.P2.ID)
	return sr
}

// fullSelfScores answers every indicator like FullAnswers, with an explanation.
func fullSelfScores(w *evaltest.World, fraction float64) []evaluation.SelfScore {
	var out []evaluation.SelfScore
	for _, a := range w.FullAnswers(fraction) {
		out = append(out, evaluation.SelfScore{IndicatorCode: a.IndicatorCode, Points: a.Points, Yes: a.Yes,
			Explanation: "指标" + a.IndicatorCode + "的完成情况说明"})
	}
	return out
}

// fillSelf saves a complete self-assessment as the department and returns its version.
func fillSelf(t testing.TB, w *evaltest.World, dept *evaluation.User, id int64) int {
	t.Helper()
	ctx := context.Background()
	cur, err := w.Store.SelfAssessment(ctx, evaluation.ActorOf(dept), id)
	if err != nil {
		t.Fatal(err)
	}
	d, err := w.Store.SaveSelfAssessment(ctx, evaluation.ActorOf(dept), id,
		evaluation.SelfAssessmentRequest{Version: cur.Version, Summary: "总体自评：方案各项任务基本完成。", Scores: fullSelfScores(w, 0.9)})
	if err != nil {
		t.Fatal(err)
	}
	return d.Version
}

// submitSelf fills and submits a self-assessment as the department.
func submitSelf(t testing.TB, w *evaltest.World, dept *evaluation.User, id int64) {
	t.Helper()
	v := fillSelf(t, w, dept, id)
	if _, err := w.Store.SubmitSelfAssessment(context.Background(), evaluation.ActorOf(dept), id, v); err != nil {
		t.Fatal(err)
	}
}

// uploadTo posts a multipart file with an optional indicator code.
func (s *server) uploadTo(path, token, filename, indicator string, data []byte) *reply {
	s.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", filename)
	if err != nil {
		s.t.Fatal(err)
	}
	if _, err := fw.Write(data); err != nil {
		s.t.Fatal(err)
	}
	// The field comes after the file: the upload is read as it arrives,
	// and a field behind a 20 MB file must still count.
	if indicator != "" {
		if err := mw.WriteField("indicator_code", indicator); err != nil {
			s.t.Fatal(err)
		}
	}
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &buf)
	req.Header.Set(echo.HeaderContentType, mw.FormDataContentType())
	return s.send(req, token)
}

// TestSelfAssessmentWorkflow runs a self-assessment through every step and
// refusal over the API: creation on opening and on a later assignment,
// drafts and stale versions, values checked against the template, evidence
// tied to indicators, incomplete and late submits, the evaluator's block,
// return with a comment, extension, and the results' self_total and self_gap.
func TestSelfAssessmentWorkflow(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		w := s.w
		admin, dept, other, ev := s.token(asAdmin), s.token(asDept), s.token("assets"), s.token(asEvaluator)
		sr := newSelfRound(t, w, "自评轮次")
		path := fmt.Sprintf("/api/v1/self-assessments/%d", sr.sa1)
		// The round's self-assessment ends within its scoring period.
		if r := s.call(http.MethodPatch, fmt.Sprintf("/api/v1/rounds/%d", sr.r.ID), admin, map[string]string{"self_assessment_due": "2026-05-01"}).
			want(http.StatusUnprocessableEntity); r.errorBody().Fields["self_assessment_due"] == "" {
			t.Errorf("a due date after scoring_due: %s", r.Body)
		}

		// Opening made one pending self-assessment per assigned plan, and told the department.
		var list struct {
			Items []evaluation.SelfAssessmentItem
			Total int
		}
		s.call(http.MethodGet, "/api/v1/self-assessments", dept, nil).want(http.StatusOK).decode(&list)
		if list.Total != 1 || list.Items[0].ID != sr.sa1 || list.Items[0].Status != evaluation.SelfPending ||
			list.Items[0].DueOn == nil || *list.Items[0].DueOn != selfDue || list.Items[0].SelfTotal != nil {
			t.Fatalf("department's self-assessments: %+v", list)
		}
		var notes evaluation.NotificationList
		s.call(http.MethodGet, "/api/v1/notifications", dept, nil).want(http.StatusOK).decode(&notes)
		if len(notes.Items) == 0 || notes.Items[0].Kind != evaluation.NoticeSelfAssessmentOpen {
			t.Errorf("department notified on opening: %+v", notes.Items)
		}
		var todo struct{ Items []evaluation.TodoItem }
		s.call(http.MethodGet, "/api/v1/todo", dept, nil).want(http.StatusOK).decode(&todo)
		if len(todo.Items) != 1 || todo.Items[0].Kind != "self_assessment" || todo.Items[0].EntityID != sr.sa1 {
			t.Errorf("department's to-do: %+v", todo)
		}
		// A plan assigned later gets one too.
		w.Assign(sr.r, w.P3, w.Eval3)
		selfAssessmentOf(t, w, sr.r.ID, w.P3.ID)
		// Evaluators see nothing before submission; the other department nothing at all.
		s.call(http.MethodGet, path, ev, nil).want(http.StatusNotFound)
		s.call(http.MethodGet, path, other, nil).want(http.StatusNotFound)
		var detail evaluation.SelfAssessmentDetail
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/assignments/%d", sr.a1.ID), ev, nil).want(http.StatusOK).decode(&map[string]any{})
		if r := s.call(http.MethodGet, fmt.Sprintf("/api/v1/assignments/%d", sr.a1.ID), ev, nil); !strings.Contains(string(r.Body), `"self_assessment":null`) {
			t.Errorf("assignment before submission: %.300s", r.Body)
		}

		// Drafts: partial values; bad values are 422 naming them; stale is 409.
		scores := fullSelfScores(w, 0.9)
		half := map[string]any{"version": 0, "summary": "初稿", "scores": []any{scores[0]}}
		s.call(http.MethodPut, path, dept, half).want(http.StatusOK).decode(&detail)
		if detail.Status != evaluation.SelfDraft || detail.Version != 1 || detail.SelfTotal == nil {
			t.Errorf("saved draft: %+v", detail)
		}
		s.call(http.MethodPut, path, dept, half).want(http.StatusConflict)
		bad := map[string]any{"version": 1, "scores": []map[string]any{{"indicator_code": scores[0].IndicatorCode, "value": 0.3},
			{"indicator_code": "9.9", "value": 1}}}
		if r := s.call(http.MethodPut, path, dept, bad).want(http.StatusUnprocessableEntity); r.errorBody().Fields["scores[0].value"] == "" ||
			r.errorBody().Fields["scores[1].indicator_code"] == "" {
			t.Errorf("bad values: %s", r.Body)
		}
		// Submitting incomplete names every unanswered indicator.
		r := s.call(http.MethodPost, path+"/submit", dept, map[string]int{"version": 1}).want(http.StatusUnprocessableEntity)
		if n := len(r.errorBody().Fields); n != len(w.Template.Indicators())-1 {
			t.Errorf("incomplete submit names %d indicators, want %d: %s", n, len(w.Template.Indicators())-1, r.Body)
		}

		// Evidence: tied to an indicator of the template, or to none; an unknown indicator is 422.
		var att evaluation.SelfAttachment
		s.uploadTo(path+"/attachments", dept, "证明.pdf", scores[0].IndicatorCode, evidencePDF).want(http.StatusCreated).decode(&att)
		if att.IndicatorCode != scores[0].IndicatorCode {
			t.Errorf("attachment: %+v", att)
		}
		s.uploadTo(path+"/attachments", dept, "总体.pdf", "", evidencePDF).want(http.StatusCreated)
		s.uploadTo(path+"/attachments", dept, "证明.pdf", "9.9", evidencePDF).want(http.StatusUnprocessableEntity)
		s.uploadTo(path+"/attachments", dept, "坏.pdf", "", []byte("not a pdf")).want(http.StatusUnprocessableEntity)
		s.uploadTo(fmt.Sprintf("/api/v1/self-assessments/%d/attachments", sr.sa2), dept, "证明.pdf", "", evidencePDF).want(http.StatusNotFound)
		var spare evaluation.SelfAttachment
		s.uploadTo(path+"/attachments", dept, "多余.pdf", "", evidencePDF).want(http.StatusCreated).decode(&spare)
		s.call(http.MethodDelete, fmt.Sprintf("/api/v1/attachments/%d", spare.ID), other, nil).want(http.StatusNotFound)
		s.call(http.MethodDelete, fmt.Sprintf("/api/v1/attachments/%d", spare.ID), dept, nil).want(http.StatusNoContent)

		// The evaluator cannot submit while the self-assessment is expected.
		sheet, err := w.Store.SaveScoresheet(context.Background(), evaluation.ActorOf(w.Eval1), sr.a1.ID,
			evaluation.ScoresheetRequest{Scores: w.FullAnswers(0.8)})
		if err != nil {
			t.Fatal(err)
		}
		if r := s.call(http.MethodPost, fmt.Sprintf("/api/v1/assignments/%d/submit", sr.a1.ID), ev, map[string]int{"version": sheet.Version}).
			want(http.StatusConflict); r.errorBody().Code != "self_assessment_pending" {
			t.Errorf("submit while expected: %s", r.Body)
		}

		// Complete and submit; the office is told; evaluators now see it with its files.
		s.call(http.MethodPut, path, dept, map[string]any{"version": 1, "summary": "总体自评", "scores": scores}).want(http.StatusOK).decode(&detail)
		if r := s.call(http.MethodPost, path+"/submit", dept, map[string]int{"version": detail.Version - 1}).want(http.StatusConflict); r.errorBody().Code != "stale_version" {
			t.Errorf("stale submit: %s", r.Body)
		}
		s.call(http.MethodPost, path+"/submit", dept, map[string]int{"version": detail.Version}).want(http.StatusOK).decode(&detail)
		if detail.Status != evaluation.SelfSubmitted || detail.SubmittedAt == nil || len(detail.Attachments) != 2 {
			t.Errorf("submitted: %+v", detail)
		}
		s.call(http.MethodPut, path, dept, map[string]any{"version": detail.Version}).want(http.StatusConflict)
		s.call(http.MethodDelete, fmt.Sprintf("/api/v1/attachments/%d", att.ID), dept, nil).want(http.StatusConflict)
		s.call(http.MethodGet, "/api/v1/notifications", admin, nil).want(http.StatusOK).decode(&notes)
		if len(notes.Items) == 0 || notes.Items[0].Kind != evaluation.NoticeSelfAssessmentSubmitted {
			t.Errorf("office notified on submission: %+v", notes.Items)
		}
		var asg struct {
			SelfAssessment *evaluation.SelfAssessmentDetail `json:"self_assessment"`
		}
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/assignments/%d", sr.a1.ID), ev, nil).want(http.StatusOK).decode(&asg)
		if asg.SelfAssessment == nil || asg.SelfAssessment.ID != sr.sa1 || len(asg.SelfAssessment.Scores) != len(scores) ||
			len(asg.SelfAssessment.Attachments) != 2 {
			t.Fatalf("assignment's self-assessment: %+v", asg.SelfAssessment)
		}
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/attachments/%d", att.ID), ev, nil).want(http.StatusOK)
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/attachments/%d", att.ID), s.token("eval2"), nil).want(http.StatusNotFound)
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/assignments/%d/submit", sr.a1.ID), ev, map[string]int{"version": sheet.Version}).
			want(http.StatusOK)

		// Return: a comment is required; the department sees it and may resubmit after the due date.
		s.call(http.MethodPost, path+"/return", admin, map[string]string{"comment": " "}).want(http.StatusUnprocessableEntity)
		s.call(http.MethodPost, path+"/return", admin, map[string]string{"comment": "佐证材料不足，请补充会议纪要"}).want(http.StatusOK).decode(&detail)
		if detail.Status != evaluation.SelfReturned || detail.Comment != "佐证材料不足，请补充会议纪要" {
			t.Errorf("returned: %+v", detail)
		}
		s.call(http.MethodPost, path+"/return", admin, map[string]string{"comment": "再退"}).want(http.StatusConflict)
		s.call(http.MethodGet, "/api/v1/notifications", dept, nil).want(http.StatusOK).decode(&notes)
		if notes.Items[0].Kind != evaluation.NoticeSelfAssessmentReturned || !strings.Contains(notes.Items[0].Body, "会议纪要") {
			t.Errorf("department told of the return: %+v", notes.Items[0])
		}
		env.Clock.Set(time.Date(2026, 4, 20, 9, 0, 0, 0, evaltest.Shanghai)) // past due
		admin, dept, other = relogin(s)
		s.call(http.MethodPut, path, dept, map[string]any{"version": detail.Version, "summary": "补充后的总体自评", "scores": scores}).
			want(http.StatusOK).decode(&detail)
		if detail.Status != evaluation.SelfReturned {
			t.Errorf("a returned self-assessment stays returned while edited: %s", detail.Status)
		}
		s.call(http.MethodPost, path+"/submit", dept, map[string]int{"version": detail.Version}).want(http.StatusOK)

		// Past due and not returned: 409 past_due, until the office extends it.
		sa2 := fmt.Sprintf("/api/v1/self-assessments/%d", sr.sa2)
		assets := other
		if r := s.call(http.MethodPut, sa2, assets, map[string]any{"version": 0, "scores": scores}).want(http.StatusConflict); r.errorBody().Code != "past_due" {
			t.Errorf("late save: %s", r.Body)
		}
		s.call(http.MethodPost, sa2+"/extend", admin, map[string]string{"due_on": "2026-04-19"}).want(http.StatusUnprocessableEntity)
		s.call(http.MethodPost, sa2+"/extend", admin, map[string]string{"due_on": "2026-05-30"}).want(http.StatusUnprocessableEntity)
		s.call(http.MethodPost, sa2+"/extend", admin, map[string]string{"due_on": "2026-04-25"}).want(http.StatusOK).decode(&detail)
		if !detail.Extended || detail.DueOn == nil || *detail.DueOn != "2026-04-25" {
			t.Errorf("extended: %+v", detail)
		}
		s.call(http.MethodPut, sa2, assets, map[string]any{"version": 0, "scores": scores}).want(http.StatusOK).decode(&detail)
		env.Clock.Set(time.Date(2026, 4, 26, 9, 0, 0, 0, evaltest.Shanghai))
		admin, dept, assets = relogin(s)
		if r := s.call(http.MethodPost, sa2+"/submit", assets, map[string]int{"version": detail.Version}).want(http.StatusConflict); r.errorBody().Code != "past_due" {
			t.Errorf("late submit: %s", r.Body)
		}
		// Past due, the evaluator is no longer held up.
		w.Score(sr.a2, w.Eval2, w.FullAnswers(0.7))

		// Results: self_total and self_gap for P1 (submitted), null for P2.
		var results struct{ Items []evaluation.ResultItem }
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/rounds/%d/results", sr.r.ID), admin, nil).want(http.StatusOK).decode(&results)
		for _, it := range results.Items {
			switch it.PlanID {
			case w.P1.ID:
				if it.SelfTotal == nil || it.SelfGap == nil || it.Total == nil || *it.SelfGap != *it.SelfTotal-*it.Total || it.Dimensions[0].SelfScore == nil {
					t.Errorf("P1 result: %+v", it)
				}
			case w.P2.ID:
				if it.SelfTotal != nil || it.SelfGap != nil || it.Dimensions[0].SelfScore != nil {
					t.Errorf("P2 result without a submitted self-assessment: %+v", it)
				}
			}
		}
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/rounds/%d/plans/%d/result", sr.r.ID, w.P1.ID), admin, nil).want(http.StatusOK)

		// Once scoring closes the department can no longer write.
		w.Move(sr.r, evaluation.RoundScoringClosed)
		s.call(http.MethodPut, path, dept, map[string]any{"version": 99}).want(http.StatusConflict)
		s.call(http.MethodPost, sa2+"/extend", admin, map[string]string{"due_on": "2026-04-28"}).want(http.StatusConflict)
		s.call(http.MethodPost, path+"/return", admin, map[string]string{"comment": "评分已截止后退回"}).want(http.StatusConflict)
		s.call(http.MethodPost, path+"/submit", dept, map[string]int{"version": 99}).want(http.StatusConflict)
		s.call(http.MethodPatch, fmt.Sprintf("/api/v1/rounds/%d", sr.r.ID), admin, map[string]string{"self_assessment_due": "2026-04-28"}).
			want(http.StatusConflict)
	})
}

// TestSelfAssessmentSweep: the deadline sweep reminds the department once
// before the due date and once when overdue.
func TestSelfAssessmentSweep(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		w := s.w
		sr := newSelfRound(t, w, "提醒轮次")
		ctx := context.Background()
		// Long-lived tokens: the clock moves by weeks below.
		var dept, admin string
		login := func() {
			delete(s.tokens, asDept)
			delete(s.tokens, asAdmin)
			dept, admin = s.token(asDept), s.token(asAdmin)
		}
		login()
		count := func() (soon, overdue int) {
			var notes evaluation.NotificationList
			s.call(http.MethodGet, "/api/v1/notifications?per_page=500", dept, nil).want(http.StatusOK).decode(&notes)
			for _, n := range notes.Items {
				switch n.Kind {
				case evaluation.NoticeSelfAssessmentDueSoon:
					soon++
				case evaluation.NoticeSelfAssessmentOverdue:
					overdue++
				}
			}
			return soon, overdue
		}
		if _, err := w.Store.SweepDeadlines(ctx); err != nil {
			t.Fatal(err)
		}
		if soon, overdue := count(); soon != 0 || overdue != 0 {
			t.Errorf("far from the due date: %d, %d", soon, overdue)
		}
		env.Clock.Set(time.Date(2026, 4, 10, 9, 0, 0, 0, evaltest.Shanghai))
		login()
		for range 2 {
			if _, err := w.Store.SweepDeadlines(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if soon, overdue := count(); soon != 1 || overdue != 0 {
			t.Errorf("due within 7 days: %d, %d", soon, overdue)
		}
		env.Clock.Set(time.Date(2026, 4, 16, 9, 0, 0, 0, evaltest.Shanghai))
		login()
		for range 2 {
			if _, err := w.Store.SweepDeadlines(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if soon, overdue := count(); soon != 1 || overdue != 1 {
			t.Errorf("overdue: %d, %d", soon, overdue)
		}
		var todo struct{ Items []evaluation.TodoItem }
		s.call(http.MethodGet, "/api/v1/todo", dept, nil).want(http.StatusOK).decode(&todo)
		if len(todo.Items) != 1 || !todo.Items[0].Overdue {
			t.Errorf("department's to-do when overdue: %+v", todo)
		}
		s.call(http.MethodGet, "/api/v1/todo", admin, nil).want(http.StatusOK).decode(&todo)
		found := false
		for _, it := range todo.Items {
			found = found || it.Kind == "missing_self_assessments" && it.Count == 2
		}
		if !found {
			t.Errorf("office's to-do: %+v", todo)
		}
		// The office's reminder reaches the departments that still owe theirs.
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/rounds/%d/remind", sr.r.ID), admin, nil).want(http.StatusOK)
		var notes evaluation.NotificationList
		s.call(http.MethodGet, "/api/v1/notifications", dept, nil).want(http.StatusOK).decode(&notes)
		if notes.Items[0].Kind != evaluation.NoticeReminder || !strings.Contains(notes.Items[0].Body, "部门自评未提交") {
			t.Errorf("reminder to the department: %+v", notes.Items[0])
		}
	})
}

// relogin logs admin, finance and assets in again after the clock moved.
func relogin(s *server) (admin, dept, assets string) {
	for _, u := range []string{asAdmin, asDept, "assets"} {
		delete(s.tokens, u)
	}
	return s.token(asAdmin), s.token(asDept), s.token("assets")
}
